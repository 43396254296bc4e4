// Input checks for the compliance calendar (API, CLI, page): the as-of day, a status filter (one status or several,
// comma-separated) and the page. Problems become one BAD_REQUEST naming every field at fault.
import { CALENDAR_STATUSES, type CalendarStatus } from '../analytics/calendar/index.js';
import { isDay, type Day } from '../domain/rules/index.js';
import { AppError } from '../errors.js';
import { integer } from './quality-input.js';

export const CALENDAR_MAX_PAGE_SIZE = 200;
export const CALENDAR_MAX_PAGE = 10_000;

export interface CalendarQueryInput {
  asOf?: string;
  status?: string | readonly string[];
  page?: number | string;
  pageSize?: number | string;
}

export interface CalendarQuery {
  /** Absent: today. */
  asOf?: Day;
  /** Empty: every status. */
  statuses: CalendarStatus[];
  page: number;
  pageSize: number;
}

export function parseCalendarQuery(input: CalendarQueryInput): CalendarQuery {
  const problems: string[] = [];
  const asOf = input.asOf === undefined || input.asOf === '' ? undefined : input.asOf;
  if (asOf !== undefined && !isDay(asOf)) problems.push(`asOf: must be a day (YYYY-MM-DD), got "${asOf}"`);
  const raw = typeof input.status === 'string' ? [input.status] : [...(input.status ?? [])];
  const statuses = [
    ...new Set(
      raw
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
  for (const s of statuses)
    if (!(CALENDAR_STATUSES as readonly string[]).includes(s))
      problems.push(`status: must be one of ${CALENDAR_STATUSES.join(', ')}, got "${s}"`);
  const page = integer('page', input.page, 1, CALENDAR_MAX_PAGE, problems);
  const pageSize = integer('pageSize', input.pageSize, 50, CALENDAR_MAX_PAGE_SIZE, problems);
  if (problems.length > 0) throw new AppError('BAD_REQUEST', problems.join('; '));
  return {
    ...(asOf === undefined ? {} : { asOf }),
    statuses: statuses as CalendarStatus[],
    page,
    pageSize,
  };
}
