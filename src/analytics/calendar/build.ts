// The compliance calendar of one organisation (docs/compliance-calendar.md): every statutory notice or report due,
// from its records' facts and its buyer facts, as of a day. Record duties reuse the quality checks (UK7, UK9, UK11)
// through evaluateRecord; organisation duties are dated in organisation-duties.ts. Pure: no I/O, no clock.
import {
  RULES,
  addMonths,
  isLightTouch,
  rulesOn,
  type Day,
  type RuleId,
  type RulesOn,
} from '../../domain/rules/index.js';
import type { RecordCheck } from '../quality/check.js';
import { paBelowThresholdContractDetails } from '../quality/checks/pa-below-threshold-contract-details.js';
import { paContractDetails } from '../quality/checks/pa-contract-details.js';
import { paKpiRatings } from '../quality/checks/pa-kpi-ratings.js';
import { paTerminationNotice } from '../quality/checks/pa-termination-notice.js';
import type { BuyerFacts, RecordFacts } from '../quality/facts.js';
import { evaluateRecord, qualityContext } from '../quality/run.js';
import { dutyOfCheck } from './duties.js';
import {
  CALENDAR_STATUSES,
  compareEntries,
  entryFromOutcome,
  type CalendarEntry,
  type CalendarStatus,
  type EntryContext,
} from './entry.js';
import { organisationDuties, type DutyNote } from './organisation-duties.js';
import { uk9OnTermination } from './uk9-on-termination.js';

/** The record checks whose judgements are calendar entries, in the order of a record's life. */
export const RECORD_DUTY_CHECKS: readonly RecordCheck[] = [
  paContractDetails,
  paBelowThresholdContractDetails,
  paKpiRatings,
  uk9OnTermination,
  paTerminationNotice,
];

/** Periodic organisation duties are listed this far ahead of the as-of day. */
export const HORIZON_MONTHS = 12;

export interface CalendarInput {
  /** The organisation's records as buyer (merged organisations followed). */
  records: readonly RecordFacts[];
  /** Its buyer facts; null when it is no buyer in the data (no organisation duties then). */
  buyer: BuyerFacts | null;
  asOf: Day;
  rules?: RulesOn;
  horizonMonths?: number;
}

export interface Assumption {
  ruleId: RuleId;
  title: string;
  value: string;
  source: string;
}

export interface Calendar {
  asOf: Day;
  /** Periodic duties are listed up to this day. */
  horizon: Day;
  dueSoonDays: number;
  entries: CalendarEntry[];
  notes: DutyNote[];
  /** Every configurable default ([?]) the entries depend on, with its value and source. */
  assumptions: Assumption[];
  counts: Record<CalendarStatus, number>;
}

export interface CalendarContext extends EntryContext {
  horizon: Day;
  /** The due-soon window's rule version is a configurable default. */
  dueSoonIsDefault: boolean;
}

export function calendarContext(
  asOf: Day,
  rules: RulesOn = rulesOn(),
  horizonMonths = HORIZON_MONTHS,
): CalendarContext {
  const dueSoon = rules(asOf).version('calendar.due-soon-days');
  return {
    asOf,
    rules,
    dueSoonDays: dueSoon?.value ?? 30,
    dueSoonIsDefault: dueSoon?.configurableDefault ?? true,
    horizon: addMonths(asOf, horizonMonths),
  };
}

/** The entries of some of the organisation's records (a page at a time for a large buyer). */
export function recordEntries(records: readonly RecordFacts[], ctx: CalendarContext): CalendarEntry[] {
  const check = qualityContext(ctx.asOf, ctx.rules);
  const out: CalendarEntry[] = [];
  for (const facts of records) {
    const lightTouch = isLightTouch(facts.tender.specialRegimes);
    for (const r of evaluateRecord(facts, check, RECORD_DUTY_CHECKS)) {
      const duty = dutyOfCheck(r.checkId);
      if (!duty) continue;
      const ruleIds: RuleId[] = [...duty.rules];
      if (duty.id === 'uk7-contract-details' && lightTouch) ruleIds.push('contract-details.light-touch-days');
      const owner = { ocid: facts.ocid, organisationId: facts.buyerId ?? 0 };
      const entry = entryFromOutcome(duty, r, owner, ctx, ruleIds);
      if (entry) out.push(entry);
    }
  }
  return out;
}

const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') : String(v));

/** The calendar from the record entries and the buyer's facts (null: no buyer in the data, no organisation duties). */
export function finishCalendar(
  ctx: CalendarContext,
  fromRecords: readonly CalendarEntry[],
  buyer: BuyerFacts | null,
): Calendar {
  const org = buyer ? organisationDuties(buyer, ctx) : { entries: [], notes: [] };
  const entries = [...fromRecords, ...org.entries].sort(compareEntries);
  const used = new Set<RuleId>(entries.flatMap((e) => e.assumptions));
  if (ctx.dueSoonIsDefault) used.add('calendar.due-soon-days');
  const assumptions = [...used].sort().flatMap((ruleId): Assumption[] => {
    const v = ctx.rules(ctx.asOf).version(ruleId);
    if (!v) return [];
    return [{ ruleId, title: RULES[ruleId].title, value: show(v.value), source: v.source }];
  });
  const counts = Object.fromEntries(CALENDAR_STATUSES.map((s) => [s, 0])) as Record<CalendarStatus, number>;
  for (const e of entries) counts[e.status] += 1;
  return {
    asOf: ctx.asOf,
    horizon: ctx.horizon,
    dueSoonDays: ctx.dueSoonDays,
    entries,
    notes: org.notes,
    assumptions,
    counts,
  };
}

/** The whole calendar from facts in memory (tests, small buyers). */
export function buildCalendar(input: CalendarInput): Calendar {
  const ctx = calendarContext(input.asOf, input.rules, input.horizonMonths);
  return finishCalendar(ctx, recordEntries(input.records, ctx), input.buyer);
}
