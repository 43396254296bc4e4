// missionbuy calendar --org ID [--as-of DAY] [--status S] [--json|--ics|--csv] : one organisation's statutory
// compliance calendar (docs/compliance-calendar.md), as a table, JSON, iCalendar or CSV on stdout.
import type { Command } from 'commander';
import { STATUS_LABELS } from '../../analytics/calendar/index.js';
import { AppError } from '../../errors.js';
import { parseCalendarQuery } from '../../services/calendar-input.js';
import { calendarCsv, calendarIcs } from '../../services/calendar-export.js';
import { createCalendarService, type CalendarExport } from '../../services/calendar.service.js';
import { withDatabase } from '../run.js';
import { formatTable, organisationId } from './quality.js';

export function formatCalendar(c: CalendarExport): string {
  const rows = c.items.map((e) => [
    e.dueDate,
    STATUS_LABELS[e.status] + (e.daysLate ? ` (${e.daysLate} days late)` : ''),
    e.notice,
    e.title,
    e.subject,
    e.ocid,
  ]);
  const counts = Object.entries(c.counts)
    .filter(([, v]) => v > 0)
    .map(([k, v]) => `${STATUS_LABELS[k as keyof typeof STATUS_LABELS].toLowerCase()} ${v}`)
    .join(', ');
  const filter = c.statuses.length > 0 ? ` (status: ${c.statuses.join(', ')})` : '';
  return [
    `${c.organisation.name} (organisation ${c.organisation.id}) — statutory compliance calendar as of ${c.asOf}${filter}`,
    `${c.records} record(s) as buyer; periodic duties to ${c.horizon}; due soon = within ${c.dueSoonDays} days. ${counts || 'Nothing due.'}`,
    '',
    rows.length > 0
      ? formatTable(['due', 'status', 'notice', 'duty', 'subject', 'record'], rows)
      : 'No entries.',
    ...(c.notes.length > 0
      ? [
          '',
          'Not on the calendar:',
          ...c.notes.map((n) => `  ${n.duty}${n.subject ? ` ${n.subject}` : ''}: ${n.detail}`),
        ]
      : []),
    ...(c.assumptions.length > 0
      ? [
          '',
          'Configurable defaults [?] used:',
          ...c.assumptions.map((a) => `  ${a.ruleId} = ${a.value}: ${a.title}`),
        ]
      : []),
  ].join('\n');
}

export function registerCalendar(program: Command): void {
  program
    .command('calendar')
    .description(
      'One organisation’s statutory compliance calendar: notices and reports due, with their status',
    )
    .requiredOption('--org <id>', 'organisation id')
    .option('--as-of <day>', 'judge as of this day, YYYY-MM-DD (default: today)')
    .option(
      '--status <list>',
      'only these statuses, comma-separated: overdue, due-soon, upcoming, done, unconfirmable, undated',
    )
    .option('--json', 'print JSON on stdout', false)
    .option('--ics', 'print iCalendar (RFC 5545) on stdout', false)
    .option('--csv', 'print CSV on stdout', false)
    .option('--base-url <url>', 'where the web app is served, for links in CSV and iCalendar')
    .action(
      async (opts: {
        org: string;
        asOf?: string;
        status?: string;
        json: boolean;
        ics: boolean;
        csv: boolean;
        baseUrl?: string;
      }) => {
        const org = organisationId(opts.org)!;
        if ([opts.json, opts.ics, opts.csv].filter(Boolean).length > 1)
          throw new AppError('BAD_REQUEST', 'choose one of --json, --ics and --csv');
        if (opts.baseUrl !== undefined && !/^https?:\/\/[^/\s]+$/.test(opts.baseUrl))
          throw new AppError(
            'BAD_REQUEST',
            `--base-url must be http(s)://host[:port], got "${opts.baseUrl}"`,
          );
        const filter = {
          ...(opts.asOf === undefined ? {} : { asOf: opts.asOf }),
          ...(opts.status === undefined ? {} : { status: opts.status }),
        };
        parseCalendarQuery(filter); // bad input fails here, before a database is opened
        await withDatabase(async ({ handle, config }) => {
          const service = createCalendarService({ db: handle.db });
          const cal = await service.export(org, filter);
          const base = opts.baseUrl ?? `http://${config.host}:${config.port}`;
          const out = opts.json
            ? `${JSON.stringify(cal, null, 2)}\n`
            : opts.ics
              ? calendarIcs(cal, base, new Date())
              : opts.csv
                ? calendarCsv(cal, base)
                : `${formatCalendar(cal)}\n`;
          process.stdout.write(out);
        });
      },
    );
}
