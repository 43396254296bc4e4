// The scorecard formula on hand-built results: units, weights, what never counts, peers and quarter ends.
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/analytics/quality/check.js';
import { comparePeers, quarterEnds, scoreResults } from '../../../src/analytics/quality/scorecard.js';

const r = (
  checkId: string,
  ocid: string | null,
  status: CheckResult['status'],
  extra: Partial<CheckResult> = {},
) => ({ checkId, ocid, buyerId: 1, status, detail: '', ...extra }) as CheckResult;
const na = (checkId: string, ocid: string, reason: CheckResult['reason']) =>
  r(checkId, ocid, 'not-applicable', { reason });

describe('scorecard', () => {
  it('weights each check by severity and averages its pass rate', () => {
    // coverage-cpv (medium, 2): 1 of 2 records pass → 0.5; pa-contract-details (high, 3): 1 of 1 → 1;
    // coverage-region (low, 1): 0 of 1 → 0. Score = 100 × (2×0.5 + 3×1 + 1×0) / (2+3+1) = 66.7.
    const s = scoreResults(
      [
        r('coverage-cpv', 'a', 'pass'),
        r('coverage-cpv', 'b', 'fail'),
        r('pa-contract-details', 'a', 'pass', { subject: 'award 1' }),
        r('coverage-region', 'b', 'fail'),
      ],
      1,
    );
    expect(s.score).toBe(66.7);
    expect(s.checksScored).toBe(3);
    expect(s.failures).toBe(2);
    const cpv = s.checks.find((c) => c.checkId === 'coverage-cpv')!;
    expect(cpv).toMatchObject({ applicable: 2, passed: 1, failed: 1, passRate: 0.5, failingOcids: ['b'] });
  });

  it('counts a record once per check, failing when any of its results fails', () => {
    const s = scoreResults(
      [
        r('pa-contract-details', 'a', 'pass', { subject: 'award 1' }),
        r('pa-contract-details', 'a', 'fail', { subject: 'award 2' }),
      ],
      1,
    );
    expect(s.score).toBe(0);
    expect(s.checks.find((c) => c.checkId === 'pa-contract-details')).toMatchObject({
      applicable: 1,
      failed: 1,
      failingOcids: ['a'],
    });
  });

  it('never counts not-computable, not-yet-due or out-of-scope as a pass or a failure', () => {
    const s = scoreResults(
      [
        r('coverage-cpv', 'a', 'pass'),
        na('pa-market-engagement', 'a', 'not-computable'),
        na('pa-contract-details', 'a', 'not-yet-due'),
        na('pa-kpis', 'a', 'out-of-scope'),
      ],
      1,
    );
    expect(s.score).toBe(100);
    expect(s.checksScored).toBe(1);
    expect(s.notComputable).toBe(1);
    expect(s.checks.find((c) => c.checkId === 'pa-market-engagement')).toMatchObject({
      applicable: 0,
      notComputable: 1,
      passRate: null,
    });
    expect(scoreResults([na('pa-market-engagement', 'a', 'not-computable')], 1).score).toBeNull();
    expect(scoreResults([], 1).score).toBeNull();
  });

  it('lists organisation-level failures by subject and ignores other buyers', () => {
    const s = scoreResults(
      [
        r('pa-pipeline', null, 'fail', { subject: 'FY 2026-27' }),
        { ...r('coverage-cpv', 'z', 'fail'), buyerId: 2 },
      ],
      1,
    );
    expect(s.score).toBe(0);
    expect(s.checks.find((c) => c.checkId === 'pa-pipeline')!.failingSubjects).toEqual(['FY 2026-27']);
    expect(s.checks.find((c) => c.checkId === 'coverage-cpv')!.applicable).toBe(0);
  });

  it('places a score among its peers', () => {
    expect(comparePeers(80, [60, 70, 90])).toEqual({ peers: 3, median: 70, percentile: 67 });
    expect(comparePeers(70, [60, 70, 80, 90])).toEqual({ peers: 4, median: 75, percentile: 38 });
    expect(comparePeers(50, [null])).toEqual({ peers: 0, median: null, percentile: null });
    expect(comparePeers(null, [40])).toEqual({ peers: 1, median: 40, percentile: null });
  });

  it('gives the last quarter ends strictly before the as-of day', () => {
    expect(quarterEnds('2026-11-25', 4).map((q) => q.asOf)).toEqual([
      '2025-12-31',
      '2026-03-31',
      '2026-06-30',
      '2026-09-30',
    ]);
    expect(quarterEnds('2026-09-30', 2)).toEqual([
      { quarter: '2026-Q1', asOf: '2026-03-31' },
      { quarter: '2026-Q2', asOf: '2026-06-30' },
    ]);
  });
});
