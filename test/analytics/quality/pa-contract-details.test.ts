// UK7 deadlines on the real Find a Tender UK6 notices of 6 Oct 2026 (data/sample). The sample has no UK7: passing
// cases add a UK7 release derived from the real UK6 (mutated), and say so. Due days were worked out by hand from
// the published JSON: ETC's futureSignatureDate is 2026-10-19T23:59:59+01:00, so the UK7 is due by 18 Nov 2026.
import { describe, expect, it } from 'vitest';
import { paBelowThresholdContractDetails } from '../../../src/analytics/quality/checks/pa-below-threshold-contract-details.js';
import { paContractDetails } from '../../../src/analytics/quality/checks/pa-contract-details.js';
import type { RecordFacts } from '../../../src/analytics/quality/facts.js';
import {
  SAMPLE,
  ctx,
  derivedUk7,
  factsFromReleases,
  releasesOf,
  sampleFacts,
  type Release,
} from './support.js';

const ETC = 'ocds-h6vhtk-06e832'; // above threshold, award pending, futureSignatureDate 2026-10-19
const NOTTS = 'ocds-h6vhtk-06d285'; // light-touch, award below threshold (£253,478), futureSignatureDate 2026-10-09
const DURHAM = 'ocds-h6vhtk-078217'; // below threshold direct award £38,058, futureSignatureDate 2026-11-02

const uk6Of = (ocid: string) => releasesOf(SAMPLE.fts, ocid);
const withUk7 = (ocid: string, date: string): RecordFacts => {
  const releases = uk6Of(ocid);
  return factsFromReleases([...releases, derivedUk7(releases[0]!, 'UK7-derived', date, {})]);
};
const award1 = (r: Release) => (r.awards as Release[])[0]!;

describe('pa-contract-details (UK7 after UK6)', () => {
  const etc = sampleFacts(SAMPLE.fts, ETC);

  it('is overdue on the real ETC award as of 25 Nov 2026: due 30 days after the expected signature', () => {
    expect(paContractDetails.evaluate(etc, ctx('2026-11-25'))).toEqual([
      {
        status: 'fail',
        subject: 'award 1',
        dueDate: '2026-11-18',
        detail:
          'No UK7 contract details notice published; it was due by 2026-11-18 ' +
          '(30 days after expected signature date 2026-10-19), 7 days ago.',
      },
    ]);
  });

  it('is not yet due on the due day itself, and overdue the day after', () => {
    expect(paContractDetails.evaluate(etc, ctx('2026-11-18'))[0]).toMatchObject({
      status: 'not-applicable',
      reason: 'not-yet-due',
      dueDate: '2026-11-18',
    });
    expect(paContractDetails.evaluate(etc, ctx('2026-11-19'))[0]!.status).toBe('fail');
  });

  it('passes with a UK7 on time, and fails with one published late (mutated: UK7 added)', () => {
    expect(
      paContractDetails.evaluate(withUk7(ETC, '2026-11-10T10:00:00Z'), ctx('2026-11-25'))[0],
    ).toMatchObject({
      status: 'pass',
      doneDate: '2026-11-10',
      dueDate: '2026-11-18',
    });
    const late = paContractDetails.evaluate(withUk7(ETC, '2026-11-20T10:00:00Z'), ctx('2026-11-25'))[0]!;
    expect(late).toMatchObject({ status: 'fail', doneDate: '2026-11-20' });
    expect(late.detail).toMatch(/published on 2026-11-20, 2 days after it was due on 2026-11-18/);
    // Judged as of a day before the late UK7, the notice is not seen yet.
    expect(
      paContractDetails.evaluate(withUk7(ETC, '2026-11-20T10:00:00Z'), ctx('2026-11-19'))[0]!.doneDate,
    ).toBe(undefined);
  });

  it('falls back to the standstill end, then to the UK6 date + 8 working days (mutated)', () => {
    const noMilestone = uk6Of(ETC);
    delete award1(noMilestone[0]!).milestones;
    expect(paContractDetails.evaluate(factsFromReleases(noMilestone), ctx('2026-11-25'))[0]).toMatchObject({
      dueDate: '2026-11-14',
      detail: expect.stringContaining('standstill ends 2026-10-15, the earliest signature'),
    });
    delete award1(noMilestone[0]!).standstillPeriod;
    expect(paContractDetails.evaluate(factsFromReleases(noMilestone), ctx('2026-11-25'))[0]).toMatchObject({
      dueDate: '2026-11-15',
      detail: expect.stringContaining('UK6 of 2026-10-06 + 8 working days standstill, estimated'),
    });
  });

  it('gives light-touch contracts 120 days, flagged as a configurable default (mutated: award above threshold)', () => {
    const releases = uk6Of(NOTTS);
    award1(releases[0]!).aboveThreshold = true;
    expect(paContractDetails.evaluate(factsFromReleases(releases), ctx('2026-11-25'))[0]).toMatchObject({
      status: 'not-applicable',
      reason: 'not-yet-due',
      dueDate: '2027-02-06',
      detail: expect.stringContaining('120 days (light-touch, a configurable default)'),
    });
  });

  it('cannot judge a UK6 whose law is not published (mutated: legal basis removed)', () => {
    const releases = uk6Of(ETC);
    delete (releases[0]!.tender as Release).legalBasis;
    expect(paContractDetails.evaluate(factsFromReleases(releases), ctx('2026-11-25'))).toEqual([
      {
        status: 'not-applicable',
        reason: 'not-computable',
        missing: ['tender.legalBasis'],
        detail:
          'Cannot tell whether the Procurement Act 2023 applies: no legal basis published (started 2026-10-06).',
      },
    ]);
  });

  it('leaves below-threshold awards to the below-threshold check, and ignores records before the Act', () => {
    expect(paContractDetails.evaluate(sampleFacts(SAMPLE.fts, DURHAM), ctx('2026-11-25'))[0]).toMatchObject({
      status: 'not-applicable',
      reason: 'out-of-scope',
    });
    const releases = uk6Of(ETC);
    (releases[0]!.tender as Release).legalBasis = { scheme: 'CELEX', id: '32014L0024' };
    expect(paContractDetails.evaluate(factsFromReleases(releases), ctx('2026-11-25'))[0]).toMatchObject({
      status: 'not-applicable',
      reason: 'out-of-scope',
      detail: 'Not a Procurement Act 2023 procurement (legal basis CELEX 32014L0024).',
    });
  });
});

describe('pa-below-threshold-contract-details', () => {
  it('is overdue on the real Nottinghamshire award (£253,478, below the light-touch threshold)', () => {
    expect(
      paBelowThresholdContractDetails.evaluate(sampleFacts(SAMPLE.fts, NOTTS), ctx('2026-11-25')),
    ).toMatchObject([{ status: 'fail', subject: 'award 1', dueDate: '2026-11-08' }]);
  });

  it('is not yet due on the real Durham award as of 25 Nov 2026, and overdue from 3 Dec', () => {
    const durham = sampleFacts(SAMPLE.fts, DURHAM);
    expect(paBelowThresholdContractDetails.evaluate(durham, ctx('2026-11-25'))).toEqual([
      {
        status: 'not-applicable',
        reason: 'not-yet-due',
        subject: 'award 1',
        dueDate: '2026-12-02',
        detail:
          'UK7 contract details notice due by 2026-12-02 (30 days after expected signature date 2026-11-02; ' +
          'notifiable at GBP 38058 incl. VAT).',
      },
    ]);
    expect(paBelowThresholdContractDetails.evaluate(durham, ctx('2026-12-03'))[0]!.status).toBe('fail');
  });

  it('passes with a UK7 (mutated: UK7 added)', () => {
    expect(
      paBelowThresholdContractDetails.evaluate(withUk7(DURHAM, '2026-11-20T09:00:00Z'), ctx('2026-12-03'))[0],
    ).toMatchObject({ status: 'pass', doneDate: '2026-11-20' });
  });

  it('does not apply below the notifiable limit, and cannot judge a net value that VAT could tip over (mutated)', () => {
    const small = uk6Of(DURHAM);
    award1(small[0]!).value = { amountGross: 24000, amount: 20000, currency: 'GBP' };
    expect(
      paBelowThresholdContractDetails.evaluate(factsFromReleases(small), ctx('2026-12-03'))[0],
    ).toMatchObject({
      status: 'not-applicable',
      reason: 'out-of-scope',
      detail: 'GBP 24000 incl. VAT is below the notifiable limit.',
    });
    award1(small[0]!).value = { amount: 29000, currency: 'GBP' };
    expect(
      paBelowThresholdContractDetails.evaluate(factsFromReleases(small), ctx('2026-12-03'))[0],
    ).toMatchObject({
      status: 'not-applicable',
      reason: 'not-computable',
      missing: ['awards.value.amountGross', 'buyer details.classifications (UK_CA_TYPE)'],
    });
  });

  it('does not apply to an above-threshold award', () => {
    expect(
      paBelowThresholdContractDetails.evaluate(sampleFacts(SAMPLE.fts, ETC), ctx('2026-11-25'))[0]!.reason,
    ).toBe('out-of-scope');
  });
});
