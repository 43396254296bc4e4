// Coherence checks on real records of data/sample; "mutated" in a test name means a copy of a real release was
// changed because the sample has no such case.
import { describe, expect, it } from 'vitest';
import type { RecordCheck } from '../../../src/analytics/quality/check.js';
import { coherenceAwardAfterStart } from '../../../src/analytics/quality/checks/coherence-award-after-start.js';
import { coherenceDuplicateSuppliers } from '../../../src/analytics/quality/checks/coherence-duplicate-suppliers.js';
import { coherenceEndBeforeStart } from '../../../src/analytics/quality/checks/coherence-end-before-start.js';
import { coherenceValueRange } from '../../../src/analytics/quality/checks/coherence-value-range.js';
import type { RecordFacts } from '../../../src/analytics/quality/facts.js';
import { SAMPLE, ctx, factsFromReleases, releasesOf, sampleFacts, type Release } from './support.js';

const one = (check: RecordCheck, facts: RecordFacts) => {
  const out = check.evaluate(facts, ctx('2026-11-25'));
  expect(out).toHaveLength(1);
  return out[0]!;
};
const ETC_UK6 = 'ocds-h6vhtk-06e832';
const DURHAM_UK6 = 'ocds-h6vhtk-078217';
/** Contracts Finder: award dated 21 Jan 2025 for a contract that started 20 Jan 2025. */
const CF_LATE_AWARD = 'ocds-b5fd17-128ab96c-b150-486c-84a0-cc8523bdbeb9';
/** Contracts Finder: award value 0. */
const CF_ZERO = 'ocds-b5fd17-0d7a6907-8595-4413-9a4e-746f8a1313a0';
/** Contracts Finder framework: Axis Europe as 5 parties, Mullen Property Services as 2, … */
const CF_FRAMEWORK = 'ocds-b5fd17-8c7529f3-ad28-4b4d-b917-c5d1578e412f';
/** Contracts Finder: 3 different suppliers. */
const CF_THREE = 'ocds-b5fd17-76485a2b-4074-427a-8782-2a6c3f9a2cb4';

function mutatedUk6(ocid: string, change: (award: Release) => void): RecordFacts {
  const releases = releasesOf(SAMPLE.fts, ocid);
  change((releases[0]!.awards as Release[])[0]!);
  return factsFromReleases(releases);
}

describe('coherence-award-after-start', () => {
  it('passes on a real UK6 awarded before the contract starts', () => {
    expect(one(coherenceAwardAfterStart, sampleFacts(SAMPLE.fts, ETC_UK6)).status).toBe('pass');
  });
  it('fails on a real Contracts Finder award dated after its contract started', () => {
    expect(one(coherenceAwardAfterStart, sampleFacts(SAMPLE.cf2025, CF_LATE_AWARD)).detail).toMatch(
      /^Awarded after the contract started: award .* dated 2025-01-21, contract starts 2025-01-20\.$/,
    );
  });
});

describe('coherence-end-before-start', () => {
  it('passes on real award and lot periods', () => {
    expect(one(coherenceEndBeforeStart, sampleFacts(SAMPLE.fts, ETC_UK6))).toEqual({
      status: 'pass',
      detail: '2 date pair(s) in order.',
    });
  });
  it('fails when the end is before the start, or the maximum extent before the end (mutated)', () => {
    const swapped = mutatedUk6(ETC_UK6, (a) => {
      (a.contractPeriod as Release).endDate = '2026-10-31T23:59:59+00:00';
    });
    expect(one(coherenceEndBeforeStart, swapped).detail).toBe(
      'award 1 ends 2026-10-31, before it starts 2026-11-01.',
    );
    const extent = mutatedUk6(ETC_UK6, (a) => {
      (a.contractPeriod as Release).maxExtentDate = '2029-01-31T23:59:59+00:00';
    });
    expect(one(coherenceEndBeforeStart, extent).detail).toBe(
      'award 1 maximum extent 2029-01-31 is before its end 2029-09-30.',
    );
  });
});

describe('coherence-value-range', () => {
  it('passes on a real award with net and gross', () => {
    expect(one(coherenceValueRange, sampleFacts(SAMPLE.fts, DURHAM_UK6)).status).toBe('pass');
  });
  it('fails on a real Contracts Finder award of £0', () => {
    expect(one(coherenceValueRange, sampleFacts(SAMPLE.cf2025, CF_ZERO)).detail).toMatch(
      /award .* amount is 0/,
    );
  });
  it('fails when gross is below net or above net + 20% VAT, or implausibly large (mutated)', () => {
    const below = mutatedUk6(DURHAM_UK6, (a) => ((a.value as Release).amountGross = 30000));
    expect(one(coherenceValueRange, below).detail).toBe('award 1 gross 30000 is below net 31715.');
    const above = mutatedUk6(DURHAM_UK6, (a) => ((a.value as Release).amountGross = 38100));
    expect(one(coherenceValueRange, above).detail).toBe(
      'award 1 gross 38100 is more than net 31715 plus 20% VAT.',
    );
    const huge = mutatedUk6(DURHAM_UK6, (a) => (a.value = { amount: 317150000000, currency: 'GBP' }));
    expect(one(coherenceValueRange, huge).detail).toBe('award 1 amount £317150000000 is implausibly large.');
  });
});

describe('coherence-duplicate-suppliers', () => {
  it('passes on a real award to three different suppliers', () => {
    expect(one(coherenceDuplicateSuppliers, sampleFacts(SAMPLE.cf2025, CF_THREE))).toEqual({
      status: 'pass',
      detail: '3 supplier parties, all different organisations.',
    });
  });
  it('fails on the real framework that lists Axis Europe under five party ids', () => {
    const out = one(coherenceDuplicateSuppliers, sampleFacts(SAMPLE.cf2025, CF_FRAMEWORK));
    expect(out.status).toBe('fail');
    expect(out.detail).toMatch(/^7 supplier\(s\) listed more than once: /);
    expect(out.detail).toContain(
      'Axis Europe PLC as 5 parties (GB-CFS-312098, GB-CFS-312109, GB-CFS-312112, GB-CFS-312113, GB-CFS-312117)',
    );
  });
  it('does not apply with a single supplier', () => {
    expect(one(coherenceDuplicateSuppliers, sampleFacts(SAMPLE.fts, ETC_UK6)).status).toBe('not-applicable');
  });
});
