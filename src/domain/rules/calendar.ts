// UK calendar days for deadlines. Timestamps are stored in UTC; a deadline is a day in the UK (a contract ending
// at 23:59:59+01:00 on 30 September ends on 30 September), so instants become Europe/London days before any
// arithmetic. Day arithmetic itself is timezone-free (days are `YYYY-MM-DD`). Pure: no clock.
import type { Day } from './rule.js';

const LONDON = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The UK calendar day of an instant (ISO string or Date); a bare day is returned as it is. Null when unreadable. */
export function ukDay(value: string | Date | null | undefined): Day | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' && DAY.test(value)) return isDay(value) ? value : null;
  const ms = value instanceof Date ? value.getTime() : new Date(value).getTime();
  if (Number.isNaN(ms)) return null;
  let day = DAY_OF.get(ms);
  if (day === undefined) {
    // Intl formatting is slow and the same instants recur (a scorecard judges every record as of several days).
    if (DAY_OF.size >= DAY_CACHE_SIZE) DAY_OF.clear();
    day = LONDON.format(ms);
    DAY_OF.set(ms, day);
  }
  return day;
}

const DAY_CACHE_SIZE = 100_000;
const DAY_OF = new Map<number, Day>();

const toDate = (day: Day): Date => new Date(`${day}T00:00:00Z`);
const toDay = (d: Date): Day => d.toISOString().slice(0, 10);

export function addDays(day: Day, days: number): Day {
  const d = toDate(day);
  d.setUTCDate(d.getUTCDate() + days);
  return toDay(d);
}

/** Same day n months later; the 31st becomes the last day of a shorter month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: Day, months: number): Day {
  const d = toDate(day);
  const wanted = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(wanted, last));
  return toDay(d);
}

/**
 * n working days after `day`: Monday to Friday. Bank holidays are not known here, so a deadline that spans one
 * comes out a day early (the caller says "estimated").
 */
export function addWorkingDays(day: Day, days: number): Day {
  const d = toDate(day);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const weekday = d.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return toDay(d);
}

/** Whole days from a to b (negative when b is earlier). */
export function daysBetween(a: Day, b: Day): number {
  return Math.round((toDate(b).getTime() - toDate(a).getTime()) / 86_400_000);
}

/** The first day of the UK financial year holding `day` (1 April). */
export function financialYearStart(day: Day): Day {
  const year = Number(day.slice(0, 4));
  return day.slice(5) >= '04-01' ? `${year}-04-01` : `${year - 1}-04-01`;
}

/** The last day of the financial year that starts on `start` (31 March). */
export function financialYearEnd(start: Day): Day {
  return `${Number(start.slice(0, 4)) + 1}-03-31`;
}
