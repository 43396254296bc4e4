// The day a buyer-level judgement reads its rules on: the latest record's day (rules change rarely; the newest
// version is the one a buyer is held to now). Pure.
import type { Day } from '../../../domain/rules/index.js';

export const latestDay = (days: readonly (Day | null)[]): Day =>
  days.reduce<Day>((a, d) => (d !== null && d > a ? d : a), '2000-01-01');
