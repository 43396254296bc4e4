// The KPI rating rules (docs/kpis.md): statutory labels by code, the schedule (at least every 12 months and on
// termination, s.71) and the two overdue flags, as tables of cases worked out by hand.
import { describe, expect, it } from 'vitest';
import {
  countRatings,
  isRatingCode,
  kpiStatus,
  ratingLabel,
  RATING_CODES,
  type KpiTimeline,
} from '../../src/domain/kpi-rating.js';

const schedule = { intervalMonths: 12, onTerminationDays: 30 };
const rated = (periodEnd: string | null, ratedOn: string | null = null) => ({ periodEnd, ratedOn });

describe('rating codes', () => {
  it.each([
    ['met', 'Good'],
    ['slightlyBelow', 'Approaching target'],
    ['below', 'Requires improvement'],
    ['significantlyBelow', 'Inadequate'],
    ['other', 'Other'],
    ['exceeded', 'exceeded'],
  ])('%s is shown as %s', (code, label) => expect(ratingLabel(code)).toBe(label));

  it('knows the five UK codes only', () => {
    expect(RATING_CODES).toHaveLength(5);
    expect(isRatingCode('met')).toBe(true);
    expect(isRatingCode('Met')).toBe(false);
    expect(isRatingCode(null)).toBe(false);
  });

  it('counts codes, anything else as unknown', () => {
    expect(countRatings(['met', 'met', 'below', null, 'good'])).toEqual({
      met: 2,
      slightlyBelow: 0,
      below: 1,
      significantlyBelow: 0,
      other: 0,
      unknown: 2,
    });
  });
});

describe('kpiStatus', () => {
  const cases: [string, KpiTimeline, string, object][] = [
    [
      'live, never rated, within 12 months of the start',
      { start: '2025-06-01', end: '2028-05-31', ratings: [] },
      '2026-05-31',
      { nextDue: '2026-06-01', overdue: [], lastRated: null },
    ],
    [
      'live, never rated, 12 months after the start have passed',
      { start: '2025-06-01', end: '2028-05-31', ratings: [] },
      '2026-06-02',
      { nextDue: '2026-06-01', overdue: ['no-rating-in-schedule'] },
    ],
    [
      'due on the day itself is not yet overdue',
      { start: '2025-06-01', end: null, ratings: [] },
      '2026-06-01',
      { nextDue: '2026-06-01', overdue: [], finalDue: null },
    ],
    [
      'the schedule runs from the last rated period end',
      { start: '2024-01-01', end: null, ratings: [rated('2024-12-31'), rated('2025-12-31')] },
      '2026-06-01',
      { lastRated: '2025-12-31', nextDue: '2026-12-31', overdue: [] },
    ],
    [
      'a rating without a period counts from the day it was recorded',
      { start: '2024-01-01', end: null, ratings: [rated(null, '2025-03-15')] },
      '2026-03-16',
      { lastRated: '2025-03-15', nextDue: '2026-03-15', overdue: ['no-rating-in-schedule'] },
    ],
    [
      'the end before the next periodic rating: only the final rating is due',
      { start: '2025-01-01', end: '2025-10-31', ratings: [] },
      '2025-11-30',
      { nextDue: null, finalDue: '2025-11-30', overdue: [] },
    ],
    [
      'ended more than 30 days ago without a final rating',
      { start: '2025-01-01', end: '2025-10-31', ratings: [rated('2025-06-30')] },
      '2025-12-01',
      { finalDue: '2025-11-30', finalRated: false, overdue: ['no-final-rating'] },
    ],
    [
      'a rated period ending on the end day is the final rating',
      { start: '2025-01-01', end: '2025-10-31', ratings: [rated('2025-10-31')] },
      '2026-06-01',
      { finalRated: true, overdue: [] },
    ],
    [
      'both flags: a year unrated while live, then ended unrated',
      { start: '2022-01-01', end: '2024-06-30', ratings: [] },
      '2025-01-01',
      { nextDue: '2023-01-01', overdue: ['no-rating-in-schedule', 'no-final-rating'] },
    ],
    [
      'a rating of an earlier period recorded after the end is not the final rating',
      { start: '2025-01-01', end: '2025-10-31', ratings: [rated('2025-06-30', '2025-11-15')] },
      '2025-12-01',
      { lastRated: '2025-06-30', finalRated: false, overdue: ['no-final-rating'] },
    ],
    [
      'a rating recorded after the as-of day is ignored',
      { start: '2024-01-01', end: null, ratings: [rated('2024-12-31', '2025-06-01')] },
      '2025-02-01',
      { lastRated: null, nextDue: '2025-01-01', overdue: ['no-rating-in-schedule'] },
    ],
    [
      'no start, no end, no rating: not computable',
      { start: null, end: null, ratings: [] },
      '2025-01-01',
      { nextDue: null, overdue: [], notComputable: true },
    ],
  ];
  it.each(cases)('%s', (_name, timeline, asOf, expected) =>
    expect(kpiStatus(timeline, schedule, asOf)).toMatchObject(expected),
  );

  it('a shorter interval brings the next rating forward', () => {
    const s = kpiStatus(
      { start: '2025-01-31', end: null, ratings: [] },
      { ...schedule, intervalMonths: 1 },
      '2025-03-01',
    );
    expect(s.nextDue).toBe('2025-02-28');
    expect(s.overdue).toEqual(['no-rating-in-schedule']);
  });
});
