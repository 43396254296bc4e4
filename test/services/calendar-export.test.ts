// The calendar's file formats: iCalendar per RFC 5545 (CRLF, folding at 75 octets without splitting a UTF-8
// character, TEXT escaping, UID, DTSTAMP, all-day dates) and CSV (header, CRLF, formula-safe cells).
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { calendarCsv, calendarIcs, CALENDAR_CSV_COLUMNS } from '../../src/services/calendar-export.js';
import type { CalendarExport, CalendarItem } from '../../src/services/calendar.service.js';
import { escapeText, foldLine, icalendar } from '../../src/services/ical.js';

const octets = (s: string) => new TextEncoder().encode(s).length;

/** Unfolds content lines (RFC 5545 §3.1: CRLF followed by one space or tab is removed). */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');

describe('iCalendar writer', () => {
  it('escapes backslash, semicolon, comma and newlines in TEXT values', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds long lines at 75 octets and never splits a multi-byte character', () => {
    const line = `DESCRIPTION:${'£'.repeat(60)}${'x'.repeat(50)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(octets(p)).toBeLessThanOrEqual(75);
    for (const p of parts.slice(1)) expect(p.startsWith(' ')).toBe(true);
    expect(parts.join('\r\n').replace(/\r\n /g, '')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
    expect(foldLine('SHORT:1')).toBe('SHORT:1');
  });

  it('writes a calendar with CRLF lines, UID, UTC DTSTAMP and all-day dates', () => {
    const ics = icalendar({
      prodId: '-//missionbuy//Test//EN',
      name: 'A, B; C',
      stamp: new Date('2026-11-25T09:30:05.123Z'),
      events: [{ uid: 'x/1@example.org', day: '2026-12-31', summary: 'Due; soon', url: 'http://h/c?a=1,2' }],
    });
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = unfold(ics).trimEnd().split('\r\n');
    expect(lines).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//missionbuy//Test//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'X-WR-CALNAME:A\\, B\\; C',
      'BEGIN:VEVENT',
      'UID:x/1@example.org',
      'DTSTAMP:20261125T093005Z',
      'DTSTART;VALUE=DATE:20261231',
      'DTEND;VALUE=DATE:20270101',
      'SUMMARY:Due\\; soon',
      'URL:http://h/c?a=1,2',
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
  });
});

/** Entries as the service returns them for The Education Training Collective as of 25 Nov 2026 (db test). */
function item(over: Partial<CalendarItem>): CalendarItem {
  return {
    key: 'uk7-contract-details/ocds-h6vhtk-06e832/award-1',
    duty: 'uk7-contract-details',
    notice: 'UK7',
    title: 'Contract details notice',
    dueDate: '2026-11-18',
    status: 'overdue',
    doneDate: null,
    daysLate: null,
    daysUntilDue: -7,
    ocid: 'ocds-h6vhtk-06e832',
    subject: 'award 1',
    detail:
      'No UK7 contract details notice published; it was due by 2026-11-18 (30 days after expected signature date 2026-10-19), 7 days ago.',
    missing: [],
    confirmable: true,
    assumptions: [],
    source: 'Procurement Act 2023 s.53, regs 32–35 (domain.md §2 UK7)',
    recordTitle: 'Unified Communications and Mobile Services - Revised',
    recordPath: '/contracts/ocds-h6vhtk-06e832',
    ...over,
  };
}

const cal = (items: CalendarItem[]): CalendarExport => ({
  organisation: { id: 439, name: 'The Education Training Collective', buyerType: null },
  asOf: '2026-11-25',
  horizon: '2027-11-25',
  dueSoonDays: 30,
  records: 1,
  counts: { overdue: 1, 'due-soon': 0, upcoming: 0, done: 0, unconfirmable: 1, undated: 1 },
  statuses: [],
  notes: [],
  assumptions: [],
  items,
});

describe('calendar exports', () => {
  const items = [
    item({}),
    item({
      key: 'payments-compliance/org-439/1-Apr-2026-30-Sep-2026',
      duty: 'payments-compliance',
      notice: 'UK8 [?]',
      title: 'Payments compliance notice',
      dueDate: '2026-10-30',
      status: 'unconfirmable',
      ocid: null,
      subject: '1 Apr 2026 – 30 Sep 2026',
      detail: '=HYPERLINK("x") not in OCDS',
      recordTitle: null,
      recordPath: null,
      confirmable: false,
    }),
    item({
      key: 'uk11-termination/o/c',
      dueDate: null,
      status: 'undated',
      daysUntilDue: null,
      missing: ['a'],
    }),
  ];

  it('writes CSV with a header, one row per entry, links and formula-safe text', () => {
    const csv = calendarCsv(cal(items), 'https://mb.example');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows[0]).toEqual([...CALENDAR_CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    const at = (r: string[], c: (typeof CALENDAR_CSV_COLUMNS)[number]) => r[CALENDAR_CSV_COLUMNS.indexOf(c)];
    expect(at(rows[1]!, 'record_url')).toBe('https://mb.example/contracts/ocds-h6vhtk-06e832');
    expect(at(rows[1]!, 'days_until_due')).toBe('-7');
    expect(at(rows[2]!, 'detail')).toBe('\'=HYPERLINK("x") not in OCDS');
    expect(at(rows[2]!, 'confirmable')).toBe('no');
    expect(at(rows[3]!, 'due_date')).toBe('');
  });

  it('writes one all-day event per dated entry with a stable UID and a link', () => {
    const ics = unfold(calendarIcs(cal(items), 'https://mb.example', new Date('2026-11-25T10:00:00Z')));
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain('UID:uk7-contract-details/ocds-h6vhtk-06e832/award-1@mb.example\r\n');
    expect(ics).toContain(
      'SUMMARY:UK7 Contract details notice (award 1) – Unified Communications and Mobile Services - Revised\r\n',
    );
    expect(ics).toContain('URL:https://mb.example/contracts/ocds-h6vhtk-06e832\r\n');
    expect(ics).toContain('URL:https://mb.example/organisations/439/calendar\r\n');
    expect(ics).toContain(
      'DESCRIPTION:Cannot be confirmed from published data as of 2026-11-25.\\n=HYPERLINK("x") not in OCDS',
    );
    expect(ics).toContain('CATEGORIES:Overdue\r\n');
  });
});
