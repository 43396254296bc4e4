// Which end date puts a contract on the horizon, how much extension headroom it has, and when the decision about
// what follows it is due (docs/horizon-scan.md). Pure: days are UK calendar days (`YYYY-MM-DD`), no clock.
import { addMonths, daysBetween, type Day } from '../../domain/rules/index.js';

/**
 * Which date a scan looks at:
 * - `next` (default): the contract end while it is still ahead; once it has passed, the latest possible end with
 *   extensions (maxExtentDate), for a contract running in its extension period;
 * - `end`: the contract end only;
 * - `max-extent`: the latest possible end (maxExtentDate), or the end when no maximum extent is published.
 */
export const HORIZON_BASES = ['next', 'end', 'max-extent'] as const;
export type HorizonBasis = (typeof HORIZON_BASES)[number];

/** The date that counted and which one it was. */
export interface HorizonDate {
  day: Day;
  from: 'end' | 'max-extent';
}

export function horizonDate(
  end: Day | null,
  maxExtent: Day | null,
  asOf: Day,
  basis: HorizonBasis,
): HorizonDate | null {
  switch (basis) {
    case 'end':
      return end === null ? null : { day: end, from: 'end' };
    case 'max-extent':
      if (maxExtent !== null) return { day: maxExtent, from: 'max-extent' };
      return end === null ? null : { day: end, from: 'end' };
    case 'next':
      if (end !== null && end >= asOf) return { day: end, from: 'end' };
      if (maxExtent !== null && maxExtent >= asOf) return { day: maxExtent, from: 'max-extent' };
      return null;
  }
}

/** The last day of a window of `months` starting on `asOf` (inclusive both ends). */
export const windowEnd = (asOf: Day, months: number): Day => addMonths(asOf, months);

export const inWindow = (day: Day, asOf: Day, months: number): boolean =>
  day >= asOf && day <= windowEnd(asOf, months);

/** Time between the end and the latest possible end: whole months (and the days left over), and days in all. */
export interface Headroom {
  days: number;
  months: number;
  extraDays: number;
}

/** Null when either date is unknown; a maximum extent before the end (a data error) also gives null. */
export function extensionHeadroom(end: Day | null, maxExtent: Day | null): Headroom | null {
  if (end === null || maxExtent === null || maxExtent < end) return null;
  let months = 0;
  while (addMonths(end, months + 1) <= maxExtent) months += 1;
  return {
    days: daysBetween(end, maxExtent),
    months,
    extraDays: daysBetween(addMonths(end, months), maxExtent),
  };
}

/** The decision is due `leadMonths` before the date that counted (the 31st becomes the month's last day). */
export const decisionDueBy = (day: Day, leadMonths: number): Day => addMonths(day, -leadMonths);
