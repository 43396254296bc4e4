// KPI ratings (docs/kpis.md): the UK9 rating codes and their statutory labels (domain.md §2.3), and whether a KPI
// is overdue for a rating under its schedule (s.71: "at least every 12 months and on termination"). Pure.
import { addDays, addMonths, type Day } from './rules/index.js';
import { KPI_RATINGS } from './organisation.js';

/** `Observation.measureClassification.id` values (ocds_uk_extension), best first; `other` last. */
export const RATING_CODES = ['met', 'slightlyBelow', 'below', 'significantlyBelow', 'other'] as const;
export type RatingCode = (typeof RATING_CODES)[number];

export const isRatingCode = (v: unknown): v is RatingCode =>
  typeof v === 'string' && (RATING_CODES as readonly string[]).includes(v);

/** The statutory label of a code (Good, Approaching target, …); an unknown code from the data is shown as given. */
export const ratingLabel = (code: string): string => KPI_RATINGS[code] ?? code;

export interface KpiSchedule {
  /** A rating at least this often (rule kpi-rating.interval-months, or the KPI's own shorter interval). */
  intervalMonths: number;
  /** A final rating within this many days of the contract's end (rule kpi-rating.on-termination-days) [?]. */
  onTerminationDays: number;
}

export interface RatedPeriod {
  /** Last day of the rated period. */
  periodEnd: Day | null;
  /** The day the rating was recorded or published, when known. */
  ratedOn: Day | null;
}

export interface KpiTimeline {
  /** Where the schedule starts when nothing was rated yet: the contract's start, else the day the KPI was set. */
  start: Day | null;
  /** The contract's end (actual end when published, else the period's end). */
  end: Day | null;
  ratings: readonly RatedPeriod[];
}

export type OverdueReason = 'no-rating-in-schedule' | 'no-final-rating';

export interface KpiStatus {
  /** The latest rated period end (or rating day when the period has none). */
  lastRated: Day | null;
  /** When the next periodic rating is due; null when the contract ends before it (the final rating covers it). */
  nextDue: Day | null;
  /** When the final rating is due (the end plus onTerminationDays); null while the end is unknown. */
  finalDue: Day | null;
  finalRated: boolean;
  overdue: OverdueReason[];
  /** True when neither a start, an end nor a rating gives the schedule a day to run from. */
  notComputable: boolean;
}

const latest = (days: readonly (Day | null)[]): Day | null =>
  days.reduce<Day | null>((a, d) => (d !== null && (a === null || d > a) ? d : a), null);

/** The day a rating counts from: its period end, else the day it was recorded. */
const ratedDay = (r: RatedPeriod): Day | null => r.periodEnd ?? r.ratedOn;

/**
 * A KPI's rating status on `asOf`: overdue `no-rating-in-schedule` when the day after its last rated period (or the
 * start) plus the interval has passed while the contract was still running; `no-final-rating` when the contract
 * ended more than onTerminationDays ago and no rating covers its end: a rated period ending on or after the end (a
 * rating without a period: recorded on or after the end). Ratings recorded after `asOf` are ignored.
 */
export function kpiStatus(t: KpiTimeline, schedule: KpiSchedule, asOf: Day): KpiStatus {
  // A rating recorded after the as-of day did not exist then.
  const ratings = t.ratings.filter((r) => r.ratedOn === null || r.ratedOn <= asOf);
  const lastRated = latest(ratings.map(ratedDay));
  const anchor = lastRated ?? t.start;
  const end = t.end;
  let nextDue = anchor === null ? null : addMonths(anchor, schedule.intervalMonths);
  if (nextDue !== null && end !== null && nextDue >= end) nextDue = null;
  const finalDue = end === null ? null : addDays(end, schedule.onTerminationDays);
  const finalRated = end !== null && ratings.some((r) => (ratedDay(r) ?? '') >= end);
  const overdue: OverdueReason[] = [];
  if (nextDue !== null && nextDue < asOf) overdue.push('no-rating-in-schedule');
  if (end !== null && end <= asOf && !finalRated && finalDue !== null && finalDue < asOf)
    overdue.push('no-final-rating');
  return {
    lastRated,
    nextDue,
    finalDue,
    finalRated,
    overdue,
    notComputable: anchor === null && end === null,
  };
}

export const OVERDUE_TEXT: Record<OverdueReason, string> = {
  'no-rating-in-schedule': 'No rating within its schedule',
  'no-final-rating': 'Contract ended without a final rating',
};

export type RatingCounts = Record<RatingCode | 'unknown', number>;

export const emptyCounts = (): RatingCounts => ({
  met: 0,
  slightlyBelow: 0,
  below: 0,
  significantlyBelow: 0,
  other: 0,
  unknown: 0,
});

/** Counts ratings by code; a code outside the UK list (or none) counts as `unknown`. */
export function countRatings(codes: Iterable<string | null>): RatingCounts {
  const c = emptyCounts();
  for (const code of codes) c[isRatingCode(code) ? code : 'unknown'] += 1;
  return c;
}
