// Record-level red flags on real sample records (Find a Tender, 6 Oct 2026): each as published, and mutated
// copies (said so in each test) for the cases the sample lacks, with the thresholds at their boundaries.
import { describe, expect, it } from 'vitest';
import { awardOverEstimate } from '../../../src/analytics/redflags/flags/award-over-estimate.js';
import { modificationIncrease } from '../../../src/analytics/redflags/flags/modification.js';
import { shortTenderPeriod } from '../../../src/analytics/redflags/flags/short-tender-period.js';
import { singleBid } from '../../../src/analytics/redflags/flags/single-bid.js';
import type { RecordFacts } from '../../../src/analytics/quality/facts.js';
import { rulesOn } from '../../../src/domain/rules/index.js';
import {
  SAMPLE,
  derivedUk10,
  derivedUk7,
  factsFromReleases,
  releasesOf,
  sampleFacts,
} from '../quality/support.js';

const ctx = { rules: rulesOn() };
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- release JSON

/** The releases of a sample record with `change` applied to each (a mutation of real data). */
function mutated(ocid: string, change: (r: Json) => void): RecordFacts {
  const releases = releasesOf(SAMPLE.fts, ocid);
  releases.forEach((r) => change(r as Json));
  return factsFromReleases(releases);
}

describe('single-bid', () => {
  it('is clear on the real open procedure with 15 bids (06e832) and flags it with 1 bid', () => {
    expect(singleBid.evaluate(sampleFacts(SAMPLE.fts, 'ocds-h6vhtk-06e832'), ctx)).toMatchObject([
      { status: 'clear', subject: 'lot 1' },
    ]);
    const one = mutated('ocds-h6vhtk-06e832', (r) => {
      for (const s of r.bids.statistics) if (s.measure === 'bids') s.value = 1;
    });
    expect(singleBid.evaluate(one, ctx)).toMatchObject([
      { status: 'flagged', subject: 'lot 1', evidence: [{ label: 'bids received', value: '1' }] },
    ]);
  });

  it('leaves other methods, unawarded tenders and unknown bid counts unflagged, saying why', () => {
    expect(singleBid.evaluate(sampleFacts(SAMPLE.fts, 'ocds-h6vhtk-06d285'), ctx)[0]).toMatchObject({
      status: 'not-applicable',
      reason: 'out-of-scope',
    });
    expect(singleBid.evaluate(sampleFacts(SAMPLE.fts, 'ocds-h6vhtk-078219'), ctx)[0]!.detail).toMatch(
      /No award/,
    );
    const unknown = mutated('ocds-h6vhtk-06e832', (r) => delete r.bids);
    expect(singleBid.evaluate(unknown, ctx)).toMatchObject([
      {
        status: 'not-applicable',
        reason: 'not-computable',
        missing: ['tender.numberOfTenderers', expect.any(String)],
      },
    ]);
  });
});

describe('short-tender-period', () => {
  const endOn = (day: string) =>
    mutated('ocds-h6vhtk-078219', (r) => (r.tender.tenderPeriod.endDate = `${day}T12:00:00+00:00`));

  it('is clear on the real UK4 (078219: 6 Oct to 5 Nov 2026, 30 days, above threshold)', () => {
    expect(shortTenderPeriod.evaluate(sampleFacts(SAMPLE.fts, 'ocds-h6vhtk-078219'), ctx)).toMatchObject([
      { status: 'clear', rules: [{ id: 'redflag.tender-period-min-days', value: '25' }] },
    ]);
  });

  it('flags 24 days and clears exactly 25 (the minimum)', () => {
    expect(shortTenderPeriod.evaluate(endOn('2026-10-30'), ctx)[0]).toMatchObject({
      status: 'flagged',
      detail: 'Tender period of 24 days, below the 25-day minimum.',
    });
    expect(shortTenderPeriod.evaluate(endOn('2026-10-31'), ctx)[0]!.status).toBe('clear');
  });

  it('uses the 10-day minimum after a UK3, and is out of scope below threshold', () => {
    // A UK3 release added to the record's notices, as a UK3 published on 1 Aug 2026 would be.
    const uk3 = mutated(
      'ocds-h6vhtk-078219',
      (r) => (r.tender.tenderPeriod.endDate = '2026-10-20T12:00:00+00:00'),
    );
    const withUk3 = {
      ...uk3,
      notices: [
        {
          releaseId: 'uk3',
          date: '2026-08-01T09:00:00.000Z',
          noticeType: 'UK3',
          kind: 'planned-procurement',
          classifiedBy: 'noticeType',
        },
        ...uk3.notices,
      ],
    };
    expect(shortTenderPeriod.evaluate(withUk3, ctx)[0]).toMatchObject({
      status: 'clear',
      rules: [{ id: 'redflag.tender-period-min-days-with-uk3', value: '10' }],
    });
    const below = mutated('ocds-h6vhtk-078219', (r) => (r.tender.aboveThreshold = false));
    expect(shortTenderPeriod.evaluate(below, ctx)[0]!.reason).toBe('out-of-scope');
    const noEnd = mutated('ocds-h6vhtk-078219', (r) => delete r.tender.tenderPeriod);
    expect(shortTenderPeriod.evaluate(noEnd, ctx)[0]).toMatchObject({
      reason: 'not-computable',
      missing: ['tender.tenderPeriod.endDate'],
    });
  });
});

describe('award-over-estimate', () => {
  // 078217: a real direct award of £38,058 VAT included (£31,715 net), published without a tender estimate.
  const real = sampleFacts(SAMPLE.fts, 'ocds-h6vhtk-078217');
  const withEstimate = (gross: string) => ({
    ...real,
    tender: { ...real.tender, value: { amount: null, gross, currency: 'GBP' } },
  });

  it('is not computable without an estimate (as published)', () => {
    expect(awardOverEstimate.evaluate(real, ctx)).toMatchObject([
      { status: 'not-applicable', reason: 'not-computable', missing: ['tender.value'] },
    ]);
  });

  it('flags at 1.5× the estimate and clears just under it', () => {
    expect(awardOverEstimate.evaluate(withEstimate('25372'), ctx)[0]).toMatchObject({
      status: 'flagged',
      evidence: [
        { label: 'estimate', value: '£25,372 (VAT included)' },
        { label: 'award', value: '£38,058' },
        { label: 'ratio', value: '1.50×' },
      ],
    });
    expect(awardOverEstimate.evaluate(withEstimate('25373'), ctx)[0]!.status).toBe('clear');
  });
});

describe('modification-increase', () => {
  // The sample has no contract, amendment or UK10 notice (nor any contract value changing across a record's
  // releases): the contract and its change are derived from the real UK6 award of 06e832 (£256,378.74 VAT included,
  // 6 Oct 2026) as a UK7 contract details notice and a UK10 contract change notice (test/analytics/quality/support.ts).
  const uk6 = releasesOf(SAMPLE.fts, 'ocds-h6vhtk-06e832')[0]!;
  const uk7 = derivedUk7(uk6, 'uk7-1', '2026-10-20T09:00:00+01:00', { id: 'C1' });
  const changed = (gross: number, extra: Json = {}) =>
    factsFromReleases([
      uk6,
      uk7,
      derivedUk10(uk6, 'uk10-1', '2027-03-02T10:00:00Z', 'C1', {
        value: { amountGross: gross, currency: 'GBP' },
        ...extra,
      }),
    ]);

  it('is out of scope without a contract and clear on a contract without amendments', () => {
    expect(modificationIncrease.evaluate(sampleFacts(SAMPLE.fts, 'ocds-h6vhtk-06e832'), ctx)[0]!.reason).toBe(
      'out-of-scope',
    );
    expect(modificationIncrease.evaluate(factsFromReleases([uk6, uk7]), ctx)).toMatchObject([
      { status: 'clear', subject: 'contract C1', detail: 'No modification published.' },
    ]);
  });

  it('flags a UK10 raising the value first agreed by more than 10%, with the values and notices', () => {
    const [r] = modificationIncrease.evaluate(changed(283298.5), ctx); // +10.5%
    expect(r).toMatchObject({
      status: 'flagged',
      subject: 'contract C1',
      detail: 'Value £256,378.74 first agreed, £283,298.50 after modification: up 10.5%, more than 10%.',
      rules: [{ id: 'redflag.modification-increase-percent', value: '10', configurableDefault: true }],
    });
    expect(r!.evidence).toEqual([
      { label: 'value first agreed', value: '£256,378.74 (VAT included), release uk7-1 of 2026-10-20 (UK7)' },
      {
        label: 'value after modifications',
        value: '£283,298.50 (VAT included), release uk10-1 of 2027-03-02 (UK10)',
      },
      { label: 'increase', value: '10.5%' },
      { label: 'amendments published', value: '1' },
      { label: 'amendment 1', value: 'release uk10-1 of 2027-03-02 (UK10), dated 2027-03-02' },
    ]);
    expect(modificationIncrease.evaluate(changed(280734.72), ctx)[0]).toMatchObject({
      status: 'clear',
      detail: 'Value £256,378.74 first agreed, £280,734.72 after modification: up 9.5%.',
    });
  });

  it('is not computable when the amended value or the value first agreed is not published', () => {
    expect(modificationIncrease.evaluate(changed(0, { value: undefined }), ctx)[0]).toMatchObject({
      reason: 'not-computable',
      missing: ['contracts[].amendments[].value'],
    });
    // The contract first published by its UK10: the value before the modification is unknown.
    const late = factsFromReleases([
      uk6,
      derivedUk10(uk6, 'uk10-1', '2027-03-02T10:00:00Z', 'C1', {
        value: { amountGross: 300000, currency: 'GBP' },
      }),
    ]);
    expect(modificationIncrease.evaluate(late, ctx)[0]).toMatchObject({
      reason: 'not-computable',
      missing: ['contracts[].value before the first amendment'],
    });
  });
});
