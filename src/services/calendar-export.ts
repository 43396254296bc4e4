// The compliance calendar as CSV (one row per entry, safe to open in a spreadsheet) and as iCalendar (one all-day
// event per dated entry on its due date; undated entries cannot be events and are left out).
import { stringify } from 'csv-stringify/sync';
import { STATUS_LABELS } from '../analytics/calendar/index.js';
import type { CalendarExport, CalendarItem } from './calendar.service.js';
import { csvSafe } from './contracts/contracts-csv.js';
import { icalendar } from './ical.js';

export const CALENDAR_CSV_COLUMNS = [
  'due_date',
  'status',
  'notice',
  'duty',
  'title',
  'subject',
  'ocid',
  'record_title',
  'record_url',
  'done_date',
  'days_late',
  'days_until_due',
  'confirmable',
  'configurable_defaults',
  'detail',
  'source',
] as const;

const n = (v: number | null) => (v === null ? '' : String(v));

function row(e: CalendarItem, baseUrl: string): string[] {
  return [
    e.dueDate ?? '',
    e.status,
    csvSafe(e.notice),
    e.duty,
    csvSafe(e.title),
    csvSafe(e.subject),
    csvSafe(e.ocid),
    csvSafe(e.recordTitle),
    e.recordPath === null ? '' : `${baseUrl}${e.recordPath}`,
    e.doneDate ?? '',
    n(e.daysLate),
    n(e.daysUntilDue),
    e.confirmable ? 'yes' : 'no',
    e.assumptions.join(' '),
    csvSafe(e.detail),
    csvSafe(e.source),
  ];
}

export function calendarCsv(cal: CalendarExport, baseUrl: string): string {
  return stringify([[...CALENDAR_CSV_COLUMNS], ...cal.items.map((e) => row(e, baseUrl))], {
    bom: true,
    record_delimiter: 'windows',
  });
}

/** A hostname for UIDs (RFC 5545 §3.8.4.7 suggests a domain on the right-hand side). */
const host = (baseUrl: string) => new URL(baseUrl).host || 'missionbuy';

export function calendarIcs(cal: CalendarExport, baseUrl: string, stamp: Date): string {
  const org = cal.organisation;
  return icalendar({
    prodId: '-//missionbuy//Compliance calendar//EN',
    name: `${org.name}: statutory compliance calendar`,
    stamp,
    events: cal.items.flatMap((e) => {
      if (e.dueDate === null) return [];
      const status = STATUS_LABELS[e.status];
      const record = e.ocid === null ? '' : ` – ${e.recordTitle ?? e.ocid}`;
      const subject = e.subject ? ` (${e.subject})` : '';
      const lines = [
        `${status} as of ${cal.asOf}.`,
        e.detail,
        ...(e.assumptions.length > 0 ? [`Configurable defaults [?]: ${e.assumptions.join(', ')}.`] : []),
        `Source: ${e.source}.`,
        ...(e.ocid === null ? [] : [`Record: ${e.ocid}`]),
      ];
      return [
        {
          uid: `${e.key}@${host(baseUrl)}`,
          day: e.dueDate,
          summary: `${e.notice === '–' ? '' : `${e.notice} `}${e.title}${subject}${record}`,
          description: lines.join('\n'),
          url: `${baseUrl}${e.recordPath ?? `/organisations/${org.id}/calendar`}`,
          categories: [status],
        },
      ];
    }),
  });
}
