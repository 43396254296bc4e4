// One line of a compliance calendar and how its status is decided (docs/compliance-calendar.md "Status"):
// done when the data shows the notice; overdue when past due and not done; due soon within the window; upcoming
// otherwise. A duty whose notice is not in OCDS data is never called done or overdue: once past due it "cannot be
// confirmed from published data". A duty the data cannot date is "undated", with the fields that would be needed.
import { daysBetween, type Day, type RuleId, type RulesOn } from '../../domain/rules/index.js';
import type { CheckOutcome } from '../quality/check.js';
import type { Duty, DutyId } from './duties.js';

export const CALENDAR_STATUSES = [
  'overdue',
  'due-soon',
  'upcoming',
  'done',
  'unconfirmable',
  'undated',
] as const;
export type CalendarStatus = (typeof CALENDAR_STATUSES)[number];

export const STATUS_LABELS: Readonly<Record<CalendarStatus, string>> = {
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  upcoming: 'Upcoming',
  done: 'Done',
  unconfirmable: 'Cannot be confirmed from published data',
  undated: 'Cannot be dated from the data',
};

export interface CalendarEntry {
  /** Stable across runs (the iCalendar UID): duty, record or organisation, subject. */
  key: string;
  duty: DutyId;
  notice: string;
  title: string;
  /** Last day to be on time (UK calendar day); null when undated. */
  dueDate: Day | null;
  status: CalendarStatus;
  /** The day the notice was published, when the data shows it (for a yearly rating: the last rating). */
  doneDate: Day | null;
  /** With status done: days after the due date it was published (0 when on time). */
  daysLate: number | null;
  /** dueDate − as-of day (negative once past). */
  daysUntilDue: number | null;
  /** The record the duty concerns; null for an organisation-level duty. */
  ocid: string | null;
  /** The part of the record or period: `award 1`, `contract C-7`, `FY 2026-27`, `1 Apr 2026 – 30 Sep 2026`. */
  subject: string | null;
  /** What was found and how the due date was computed. */
  detail: string;
  /** Fields that would be needed to date it (status undated). */
  missing: string[];
  /** False when published data cannot show the duty was done. */
  confirmable: boolean;
  /** Configurable defaults ([?]) the due date or scope depends on. */
  assumptions: RuleId[];
  source: string;
}

export interface EntryContext {
  asOf: Day;
  dueSoonDays: number;
  rules: RulesOn;
}

/** Status of a duty that is not done: overdue, due soon (within the window, due day included) or upcoming. */
export function timing(due: Day, asOf: Day, dueSoonDays: number, confirmable = true): CalendarStatus {
  const left = daysBetween(asOf, due);
  if (left < 0) return confirmable ? 'overdue' : 'unconfirmable';
  return left <= dueSoonDays ? 'due-soon' : 'upcoming';
}

/** The rules among `ids` whose version in force on `day` is a configurable default. */
export function assumptionsOn(ids: readonly RuleId[], day: Day, rules: RulesOn): RuleId[] {
  const r = rules(day);
  return ids.filter((id) => r.version(id)?.configurableDefault === true);
}

const slug = (s: string) => s.replace(/[^A-Za-z0-9._-]+/g, '-');

export function entryKey(duty: DutyId, owner: string, subject: string | null): string {
  return [duty, slug(owner), ...(subject ? [slug(subject)] : [])].join('/');
}

interface Owner {
  ocid: string | null;
  /** Organisation id, for organisation-level duties. */
  organisationId: number;
}

/**
 * A calendar entry from a quality check's judgement of a duty, or null when the duty does not apply
 * (out of scope). `rolling`: the outcome is the next due date of a recurring duty (a pass means "rated on
 * doneDate, next due by dueDate"), not the judgement of one notice.
 */
export function entryFromOutcome(
  duty: Duty,
  o: CheckOutcome,
  owner: Owner,
  ctx: EntryContext,
  ruleIds: readonly RuleId[] = duty.rules,
): CalendarEntry | null {
  if (o.status === 'not-applicable' && o.reason === 'out-of-scope') return null;
  const subject = o.subject ?? null;
  const base = {
    key: entryKey(duty.id, owner.ocid ?? `org-${owner.organisationId}`, subject),
    duty: duty.id,
    notice: duty.notice,
    title: duty.title,
    ocid: owner.ocid,
    subject,
    detail: o.detail,
    missing: o.missing ?? [],
    confirmable: duty.confirmable,
    source: duty.source,
  };
  const due = o.dueDate ?? null;
  if (due === null)
    return {
      ...base,
      dueDate: null,
      status: 'undated',
      doneDate: null,
      daysLate: null,
      daysUntilDue: null,
      assumptions: assumptionsOn(ruleIds, ctx.asOf, ctx.rules),
    };
  const done = o.doneDate ?? null;
  const rolling = duty.id === 'uk9-kpi-rating' && o.status === 'pass';
  const isDone = done !== null && !rolling;
  return {
    ...base,
    dueDate: due,
    status: isDone ? 'done' : timing(due, ctx.asOf, ctx.dueSoonDays, duty.confirmable),
    doneDate: done,
    daysLate: isDone ? Math.max(0, daysBetween(due, done)) : null,
    daysUntilDue: daysBetween(ctx.asOf, due),
    assumptions: assumptionsOn(ruleIds, due, ctx.rules),
  };
}

/** A dated duty that published data cannot confirm (payments compliance, SME/VCSE results). */
export function unconfirmableEntry(
  duty: Duty,
  due: Day,
  subject: string,
  detail: string,
  owner: Owner,
  ctx: EntryContext,
): CalendarEntry {
  return {
    key: entryKey(duty.id, owner.ocid ?? `org-${owner.organisationId}`, subject),
    duty: duty.id,
    notice: duty.notice,
    title: duty.title,
    dueDate: due,
    status: timing(due, ctx.asOf, ctx.dueSoonDays, false),
    doneDate: null,
    daysLate: null,
    daysUntilDue: daysBetween(ctx.asOf, due),
    ocid: owner.ocid,
    subject,
    detail,
    missing: [],
    confirmable: false,
    assumptions: assumptionsOn(duty.rules, due, ctx.rules),
    source: duty.source,
  };
}

const ORDER = new Map(CALENDAR_STATUSES.map((s, i) => [s, i]));

/** By due date (undated last), then status, record, subject. */
export function compareEntries(a: CalendarEntry, b: CalendarEntry): number {
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === null) return 1;
    if (b.dueDate === null) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  return (
    ORDER.get(a.status)! - ORDER.get(b.status)! ||
    (a.ocid ?? '').localeCompare(b.ocid ?? '') ||
    a.key.localeCompare(b.key)
  );
}
