// The statutory compliance calendar of one organisation (issue 5, item 3; docs/compliance-calendar.md): every
// notice or report due, its due date and status as of a day (default: today in the UK), the record it concerns;
// filtered by status, sorted by due date, paginated; and the whole filtered list for CSV and iCalendar exports.
import type { Kysely } from 'kysely';
import {
  calendarContext,
  computeCalendar,
  type Assumption,
  type CalendarEntry,
  type CalendarStatus,
  type DutyNote,
} from '../analytics/calendar/index.js';
import { ukDay, type Day } from '../domain/rules/index.js';
import type { Database } from '../store/database.js';
import { findProcessTitles } from '../store/process-titles.repository.js';
import { parseCalendarQuery, type CalendarQueryInput } from './calendar-input.js';
import { organisationOrThrow } from './quality-common.js';

export interface CalendarDeps {
  db: Kysely<Database>;
  /** Today as a UK day (tests pass a fixed one). */
  today?: () => Day;
  pageSize?: number;
}

export interface CalendarItem extends CalendarEntry {
  /** The record's title, when the entry concerns a record. */
  recordTitle: string | null;
  /** The record's page (`/contracts/{ocid}`), when the entry concerns a record. */
  recordPath: string | null;
}

export interface CalendarHeader {
  organisation: { id: number; name: string; buyerType: string | null };
  asOf: Day;
  horizon: Day;
  dueSoonDays: number;
  /** Records of the organisation as buyer that were read. */
  records: number;
  /** Entries by status, before filtering. */
  counts: Record<CalendarStatus, number>;
  /** The status filter applied (empty: all). */
  statuses: CalendarStatus[];
  notes: DutyNote[];
  assumptions: Assumption[];
}

export interface CalendarPage extends CalendarHeader {
  items: CalendarItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface CalendarExport extends CalendarHeader {
  items: CalendarItem[];
}

export function createCalendarService(deps: CalendarDeps) {
  const { db } = deps;
  const today = deps.today ?? (() => ukDay(new Date())!);

  async function compute(id: number, input: CalendarQueryInput) {
    const q = parseCalendarQuery(input);
    const org = await organisationOrThrow(db, id);
    const asOf = q.asOf ?? today();
    const cal = await computeCalendar(db, org.id, calendarContext(asOf), deps.pageSize);
    const chosen =
      q.statuses.length === 0 ? cal.entries : cal.entries.filter((e) => q.statuses.includes(e.status));
    const header: CalendarHeader = {
      organisation: { id: org.id, name: org.name, buyerType: org.buyer_type },
      asOf,
      horizon: cal.horizon,
      dueSoonDays: cal.dueSoonDays,
      records: cal.records,
      counts: cal.counts,
      statuses: q.statuses,
      notes: cal.notes,
      assumptions: cal.assumptions,
    };
    return { q, header, chosen };
  }

  async function withTitles(entries: CalendarEntry[]): Promise<CalendarItem[]> {
    const titles = await findProcessTitles(db, [
      ...new Set(entries.map((e) => e.ocid).filter((o): o is string => o !== null)),
    ]);
    return entries.map((e) => ({
      ...e,
      recordTitle: e.ocid === null ? null : (titles.get(e.ocid) ?? null),
      recordPath: e.ocid === null ? null : `/contracts/${encodeURIComponent(e.ocid)}`,
    }));
  }

  return {
    parseQuery: parseCalendarQuery,

    /** One page of the calendar. */
    async calendar(id: number, input: CalendarQueryInput = {}): Promise<CalendarPage> {
      const { q, header, chosen } = await compute(id, input);
      const start = (q.page - 1) * q.pageSize;
      return {
        ...header,
        items: await withTitles(chosen.slice(start, start + q.pageSize)),
        total: chosen.length,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** Every entry that passes the filter (for CSV and iCalendar); page and pageSize are ignored. */
    async export(
      id: number,
      input: Omit<CalendarQueryInput, 'page' | 'pageSize'> = {},
    ): Promise<CalendarExport> {
      const { header, chosen } = await compute(id, { asOf: input.asOf, status: input.status });
      return { ...header, items: await withTitles(chosen) };
    },
  };
}

export type CalendarService = ReturnType<typeof createCalendarService>;
