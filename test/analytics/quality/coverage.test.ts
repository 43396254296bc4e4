// Field-coverage checks on real records of data/sample (projected by the real projection). Where the sample has
// no failing (or passing) case, a copy of a real release is mutated, and the test name says "mutated".
import { describe, expect, it } from 'vitest';
import type { RecordCheck } from '../../../src/analytics/quality/check.js';
import { coverageBuyerIdentifier } from '../../../src/analytics/quality/checks/coverage-buyer-identifier.js';
import { coverageContractPeriod } from '../../../src/analytics/quality/checks/coverage-contract-period.js';
import { coverageCpv } from '../../../src/analytics/quality/checks/coverage-cpv.js';
import { coverageCurrency } from '../../../src/analytics/quality/checks/coverage-currency.js';
import { coverageEndDate } from '../../../src/analytics/quality/checks/coverage-end-date.js';
import { coverageRegion } from '../../../src/analytics/quality/checks/coverage-region.js';
import { coverageSmeVcse } from '../../../src/analytics/quality/checks/coverage-sme-vcse.js';
import { coverageSupplierIdentifier } from '../../../src/analytics/quality/checks/coverage-supplier-identifier.js';
import { coverageTenderers } from '../../../src/analytics/quality/checks/coverage-tenderers.js';
import { coverageValue } from '../../../src/analytics/quality/checks/coverage-value.js';
import type { RecordFacts } from '../../../src/analytics/quality/facts.js';
import { SAMPLE, ctx, factsFromReleases, releasesOf, sampleFacts, type Release } from './support.js';

const AS_OF = ctx('2026-11-25');
const run = (check: RecordCheck, facts: RecordFacts) => check.evaluate(facts, AS_OF);
const one = (check: RecordCheck, facts: RecordFacts) => {
  const out = run(check, facts);
  expect(out).toHaveLength(1);
  return out[0]!;
};

/** Real records. */
const ETC_UK6 = 'ocds-h6vhtk-06e832'; // The Education Training Collective, UK6, award 1 pending
const NOTTS_UK6 = 'ocds-h6vhtk-06d285'; // PCC Nottinghamshire, UK6, light-touch, 3 delivery regions
const DURHAM_UK6 = 'ocds-h6vhtk-078217'; // Durham Aged Mineworkers' Homes, UK6, below-threshold direct award
const CBC_UK4 = 'ocds-h6vhtk-078219'; // Central Bedfordshire Council UK4, lot 1 value in AED
const HARROGATE_UK4 = 'ocds-h6vhtk-067fb8';
const CF_NO_VALUE = 'ocds-b5fd17-2583f8cb-062c-498a-8f1c-dd54d2ecce96'; // CF tender, no value, no award
const CF_NO_PERIOD = 'ocds-b5fd17-41b1efb4-da12-43f7-b68c-fb02307fc3db'; // CF planning notice, no contract dates
const CF_NOMINET = 'ocds-b5fd17-4d0cd937-f839-4dec-ae20-444e141c5dfa'; // supplier id GB-COH-458577871 (9 digits)
const CF_FRAMEWORK = 'ocds-b5fd17-8c7529f3-ad28-4b4d-b917-c5d1578e412f'; // 34 supplier refs, no VCSE flags
const CF_WEST_MIDLANDS = 'ocds-b5fd17-0506e167-7f36-4adb-97cc-a9418f130924'; // region "West Midlands" (ambiguous)
const S2W_WELSH_GOV = 'ocds-kuma6s-139523'; // buyer org-35, no identifier

function mutated(file: string, ocid: string, change: (releases: Release[]) => void): RecordFacts {
  const releases = releasesOf(file, ocid);
  change(releases);
  return factsFromReleases(releases);
}
const award1 = (r: Release) => (r.awards as Release[])[0]!;

describe('coverage-value', () => {
  it('passes on a real award with a value and a real tender estimate', () => {
    expect(one(coverageValue, sampleFacts(SAMPLE.fts, ETC_UK6)).status).toBe('pass');
    expect(one(coverageValue, sampleFacts(SAMPLE.ftsUk4, HARROGATE_UK4)).detail).toMatch(/tender states/);
  });
  it('fails on a real Contracts Finder tender with no value', () => {
    expect(one(coverageValue, sampleFacts(SAMPLE.cf2025, CF_NO_VALUE))).toMatchObject({ status: 'fail' });
  });
  it('fails on an award whose value was removed (mutated)', () => {
    const facts = mutated(SAMPLE.fts, DURHAM_UK6, (rs) => delete award1(rs[0]!).value);
    expect(one(coverageValue, facts)).toMatchObject({
      status: 'fail',
      detail: 'No value on award 1 (of 1 live awards).',
    });
  });
  it('does not apply to a procurement cancelled without an award (mutated)', () => {
    const facts = mutated(SAMPLE.ftsUk4, HARROGATE_UK4, (rs) => {
      (rs[0]!.tender as Release).status = 'cancelled';
    });
    expect(one(coverageValue, facts)).toMatchObject({ status: 'not-applicable', reason: 'out-of-scope' });
  });
});

describe('coverage-currency', () => {
  it('passes when every amount is in GBP', () => {
    expect(one(coverageCurrency, sampleFacts(SAMPLE.ftsUk4, HARROGATE_UK4))).toMatchObject({
      status: 'pass',
    });
  });
  it('fails on the real Central Bedfordshire notice whose lot value is in AED', () => {
    expect(one(coverageCurrency, sampleFacts(SAMPLE.fts, CBC_UK4))).toEqual({
      status: 'fail',
      detail: 'Mixed currencies in one record: tender GBP, lot 1 AED.',
    });
  });
  it('fails on an amount without currency (mutated)', () => {
    const facts = mutated(SAMPLE.fts, DURHAM_UK6, (rs) => delete (award1(rs[0]!).value as Release).currency);
    expect(one(coverageCurrency, facts).detail).toBe('Amount without a valid currency on award 1.');
  });
});

describe('coverage-cpv', () => {
  it('passes on real FTS codes (without check digit)', () => {
    expect(one(coverageCpv, sampleFacts(SAMPLE.ftsUk4, HARROGATE_UK4)).detail).toBe(
      'Main CPV 09323000; 2 valid code(s).',
    );
  });
  it('fails when the codes are not in CPV 2008 (mutated)', () => {
    const facts = mutated(SAMPLE.ftsUk4, HARROGATE_UK4, (rs) => {
      for (const item of (rs[0]!.tender as Release).items as Release[])
        for (const c of item.additionalClassifications as Release[]) c.id = '99999999';
    });
    expect(one(coverageCpv, facts)).toEqual({
      status: 'fail',
      detail: 'No valid CPV code; invalid: 99999999.',
    });
  });
});

describe('coverage-contract-period and coverage-end-date', () => {
  it('pass on a real award period', () => {
    const facts = sampleFacts(SAMPLE.fts, ETC_UK6);
    expect(one(coverageContractPeriod, facts).detail).toBe('Start 2026-11-01, end 2029-09-30 (from awards).');
    expect(one(coverageEndDate, facts).detail).toBe('Ends 2029-09-30 (from awards).');
  });
  it('fail on a real Contracts Finder notice with no contract dates', () => {
    const facts = sampleFacts(SAMPLE.cf2025, CF_NO_PERIOD);
    expect(one(coverageContractPeriod, facts).status).toBe('fail');
    expect(one(coverageEndDate, facts).status).toBe('fail');
  });
  it('end date fails when an awarded record has only the tender estimate (mutated)', () => {
    const facts = mutated(SAMPLE.fts, ETC_UK6, (rs) => {
      const a = award1(rs[0]!);
      (rs[0]!.tender as Release).contractPeriod = a.contractPeriod;
      delete a.contractPeriod;
    });
    expect(one(coverageContractPeriod, facts).status).toBe('pass');
    expect(one(coverageEndDate, facts)).toEqual({
      status: 'fail',
      detail: 'Awarded, but the only end date (2029-09-30) is the tender estimate.',
    });
  });
});

describe('coverage-supplier-identifier', () => {
  it('passes on a real PPON supplier', () => {
    expect(one(coverageSupplierIdentifier, sampleFacts(SAMPLE.fts, ETC_UK6)).status).toBe('pass');
  });
  it('fails on the real NOMINET supplier, whose 9-digit Companies House number cannot be read', () => {
    expect(one(coverageSupplierIdentifier, sampleFacts(SAMPLE.cf2025, CF_NOMINET))).toEqual({
      status: 'fail',
      detail: 'no identifier for NOMINET UK.',
    });
  });
  it('fails on an award that names no supplier (mutated) and does not apply before an award', () => {
    const facts = mutated(SAMPLE.fts, ETC_UK6, (rs) => delete award1(rs[0]!).suppliers);
    expect(one(coverageSupplierIdentifier, facts).detail).toBe('award 1 names no supplier.');
    expect(one(coverageSupplierIdentifier, sampleFacts(SAMPLE.fts, CBC_UK4)).status).toBe('not-applicable');
  });
});

describe('coverage-buyer-identifier', () => {
  it('passes on a real PPON buyer', () => {
    expect(one(coverageBuyerIdentifier, sampleFacts(SAMPLE.fts, CBC_UK4)).detail).toBe(
      'Central Bedfordshire Council: GB-PPON-PVNH-1137-QJBX.',
    );
  });
  it('fails on a real Sell2Wales buyer known only by a local id', () => {
    const facts = factsFromReleases(
      releasesOf('data/sample/sell2wales/sell2wales-releases.jsonl', S2W_WELSH_GOV),
    );
    expect(one(coverageBuyerIdentifier, facts)).toEqual({
      status: 'fail',
      detail: 'Welsh Government - Commercial Delivery is named but carries no identifier.',
    });
  });
});

describe('coverage-region', () => {
  it('passes on real NUTS delivery regions', () => {
    expect(one(coverageRegion, sampleFacts(SAMPLE.fts, NOTTS_UK6)).detail).toBe(
      'Delivered in UKF14, UKF15, UKF16.',
    );
  });
  it('fails on a real UK6 without delivery region, and on an ambiguous region name', () => {
    expect(one(coverageRegion, sampleFacts(SAMPLE.fts, ETC_UK6)).detail).toBe(
      'No delivery region published.',
    );
    expect(one(coverageRegion, sampleFacts(SAMPLE.cf2025, CF_WEST_MIDLANDS)).detail).toBe(
      'Delivery region published but not readable as a UK region: West Midlands.',
    );
  });
});

describe('coverage-sme-vcse', () => {
  it('passes on a real FTS supplier with both flags', () => {
    expect(one(coverageSmeVcse, sampleFacts(SAMPLE.fts, DURHAM_UK6)).status).toBe('pass');
  });
  it('fails on real Contracts Finder suppliers without a VCSE flag', () => {
    const out = one(coverageSmeVcse, sampleFacts(SAMPLE.cf2025, CF_FRAMEWORK));
    expect(out.status).toBe('fail');
    expect(out.detail).toMatch(/^no VCSE flag for Mullen Property Services Ltd; Axis Europe PLC;/);
  });
});

describe('coverage-tenderers', () => {
  it('passes on a real open procedure with numberOfTenderers', () => {
    expect(one(coverageTenderers, sampleFacts(SAMPLE.fts, ETC_UK6)).detail).toBe('15 tenderer(s).');
  });
  it('fails on a real awarded open procedure without a count', () => {
    expect(one(coverageTenderers, sampleFacts(SAMPLE.cf2025, CF_FRAMEWORK)).status).toBe('fail');
  });
  it('fails when SME final-stage bids exceed final-stage bids (mutated)', () => {
    const facts = mutated(SAMPLE.fts, ETC_UK6, (rs) => {
      const stats = (rs[0]!.bids as { statistics: Release[] }).statistics;
      stats.find((s) => s.measure === 'smeFinalStageBids')!.value = 14;
    });
    expect(one(coverageTenderers, facts).detail).toBe(
      '14 SME final-stage bids but only 13 final-stage bids.',
    );
  });
  it('does not apply to a real direct award', () => {
    expect(one(coverageTenderers, sampleFacts(SAMPLE.fts, DURHAM_UK6))).toMatchObject({
      status: 'not-applicable',
      detail: 'Not an open or selective procedure (method direct).',
    });
  });
});
