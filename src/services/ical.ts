// iCalendar (RFC 5545) for all-day events: CRLF line ends (§3.1), long lines folded at 75 octets without
// splitting a UTF-8 character (§3.1), TEXT values escaped (§3.3.11: backslash, semicolon, comma, newline), every
// event with a UID and a DTSTAMP in UTC (§3.6.1), dates as VALUE=DATE with DTEND the day after (§3.6.1: an all-day
// event's DTEND is exclusive). Written here rather than with ical-generator, whose current majors need Node 22.
import type { Day } from '../domain/rules/index.js';

export interface IcalEvent {
  /** Globally unique and stable, so a subscribed calendar updates the event instead of adding another. */
  uid: string;
  day: Day;
  summary: string;
  description?: string;
  /** An absolute URI. */
  url?: string;
  categories?: readonly string[];
}

export interface IcalCalendar {
  /** -//owner//product//EN */
  prodId: string;
  name: string;
  /** When the file was made (DTSTAMP of every event). */
  stamp: Date;
  events: readonly IcalEvent[];
}

const CRLF = '\r\n';
const encoder = new TextEncoder();

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** Folds one content line into lines of at most 75 octets, each continuation starting with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    // The first line holds 75 octets; a continuation holds 74 after its leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const basicDay = (day: Day) => day.replace(/-/g, '');

function nextDay(day: Day): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return basicDay(d.toISOString().slice(0, 10));
}

/** `20261125T093000Z` */
const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** A URI value is not TEXT (no escaping) but must not break the line structure. */
const uri = (u: string) => u.replace(/[\r\n]/g, '');

export function icalendar(cal: IcalCalendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${cal.prodId}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(cal.name)}`,
  ];
  const stamp = utcStamp(cal.stamp);
  for (const e of cal.events) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${basicDay(e.day)}`,
      `DTEND;VALUE=DATE:${nextDay(e.day)}`,
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.url) lines.push(`URL:${uri(e.url)}`);
    if (e.categories && e.categories.length > 0)
      lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
