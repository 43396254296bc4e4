// KPIs (s.52), KPI ratings (UK9, s.71) and termination notices (UK11, s.80). The sample has no contracts[], no
// KPIs and no UK9/UK11, so every contract here comes from a UK7 release derived from the real ETC UK6
// (ocds-h6vhtk-06e832: award 1, period 1 Nov 2026 – 30 Sep 2029, extendable to 30 Sep 2031): mutated data, built
// on the real parties, award and period. Values over £5m are mutated too (the real award is £256,378.74).
import { describe, expect, it } from 'vitest';
import { paKpiRatings } from '../../../src/analytics/quality/checks/pa-kpi-ratings.js';
import { paKpis } from '../../../src/analytics/quality/checks/pa-kpis.js';
import { paTerminationNotice } from '../../../src/analytics/quality/checks/pa-termination-notice.js';
import {
  SAMPLE,
  ctx,
  derivedNotice,
  derivedUk7,
  factsFromReleases,
  releasesOf,
  type Release,
} from './support.js';

const ETC = 'ocds-h6vhtk-06e832';
const OVER_5M = { amountGross: 6000000, amount: 5000000, currency: 'GBP' };
const kpi = (id: string) => ({ id, title: `KPI ${id}` });

/** The real UK6 plus a derived UK7 (signed 20 Oct 2026) with the given contract changes, plus more notices. */
function contractRecord(contract: Record<string, unknown>, more: (uk6: Release) => Release[] = () => []) {
  const releases = releasesOf(SAMPLE.fts, ETC);
  const uk6 = releases[0]!;
  const uk7 = derivedUk7(uk6, 'UK7-derived', '2026-11-05T10:00:00Z', {
    dateSigned: '2026-10-20T12:00:00Z',
    ...contract,
  });
  return factsFromReleases([...releases, uk7, ...more(uk6)]);
}

describe('pa-kpis', () => {
  it('passes a contract over £5m with three agreed KPIs', () => {
    const facts = contractRecord({ value: OVER_5M, agreedMetrics: [kpi('1'), kpi('2'), kpi('3')] });
    expect(paKpis.evaluate(facts, ctx('2026-11-25'))).toEqual([
      {
        status: 'pass',
        subject: 'contract 1-contract',
        detail: '3 KPIs published for GBP 6000000 incl. VAT.',
      },
    ]);
  });

  it('fails with one KPI and no reason, passes with a no-KPI rationale', () => {
    const one = contractRecord({ value: OVER_5M, agreedMetrics: [kpi('1')] });
    expect(paKpis.evaluate(one, ctx('2026-11-25'))[0]).toMatchObject({
      status: 'fail',
      detail: 'GBP 6000000 incl. VAT: 1 KPI(s) published, at least 3 needed, and no reason given for fewer.',
    });
    const reasoned = contractRecord({
      value: OVER_5M,
      noAgreedMetricsRationale: 'One-off delivery of goods.',
    });
    expect(paKpis.evaluate(reasoned, ctx('2026-11-25'))[0]).toMatchObject({ status: 'pass' });
  });

  it('does not apply at the real value (£256,378.74), nor to light-touch contracts', () => {
    expect(paKpis.evaluate(contractRecord({}), ctx('2026-11-25'))[0]).toMatchObject({
      status: 'not-applicable',
      reason: 'out-of-scope',
      detail: 'GBP 256378.74 incl. VAT is not over £5000000.',
    });
    const lightTouch = contractRecord({ value: OVER_5M }, (uk6) => [
      {
        ocid: uk6.ocid,
        id: 'regime',
        date: '2026-11-06T00:00:00Z',
        tag: ['tenderUpdate'],
        tender: { specialRegime: ['lightTouch'] },
      },
    ]);
    expect(paKpis.evaluate(lightTouch, ctx('2026-11-25'))[0]).toMatchObject({ reason: 'out-of-scope' });
  });

  it('does not apply before a contract is entered into (the real UK6 alone)', () => {
    expect(
      paKpis.evaluate(factsFromReleases(releasesOf(SAMPLE.fts, ETC)), ctx('2026-11-25'))[0]!.reason,
    ).toBe('out-of-scope');
  });
});

describe('pa-kpi-ratings (UK9)', () => {
  const withKpis = { value: OVER_5M, agreedMetrics: [kpi('1'), kpi('2'), kpi('3')] };
  const uk9 = (date: string) => (uk6: Release) => [
    derivedNotice(uk6, `UK9-${date}`, date, 'UK9', '1-contract'),
  ];

  it('is due 12 months after the contract starts (1 Nov 2026), and overdue after that', () => {
    const facts = contractRecord(withKpis);
    expect(paKpiRatings.evaluate(facts, ctx('2027-11-01'))[0]).toMatchObject({
      status: 'not-applicable',
      reason: 'not-yet-due',
      dueDate: '2027-11-01',
    });
    expect(paKpiRatings.evaluate(facts, ctx('2027-11-02'))[0]).toMatchObject({
      status: 'fail',
      dueDate: '2027-11-01',
      detail: 'No KPI rating since 2026-11-01; one was due by 2027-11-01 (every 12 months).',
    });
  });

  it('passes after a UK9 within the year and moves the next due day on', () => {
    const facts = contractRecord(withKpis, uk9('2027-10-20T09:00:00Z'));
    expect(paKpiRatings.evaluate(facts, ctx('2027-11-02'))[0]).toEqual({
      status: 'pass',
      subject: 'contract 1-contract',
      dueDate: '2028-10-20',
      doneDate: '2027-10-20',
      detail: 'Last rated 2027-10-20; next rating due by 2028-10-20.',
    });
  });

  it('keeps a gap as a failure even after a late rating', () => {
    const facts = contractRecord(withKpis, uk9('2027-12-15T09:00:00Z'));
    expect(paKpiRatings.evaluate(facts, ctx('2028-01-10'))[0]).toMatchObject({
      status: 'fail',
      detail: 'No KPI rating between 2026-11-01 and 2027-11-01 (the next came 2027-12-15).',
    });
  });

  it('counts ratings published as observations of the contract’s implementation metrics', () => {
    const facts = contractRecord({
      ...withKpis,
      implementation: {
        metrics: [
          {
            id: '1',
            observations: [
              {
                id: 'q3',
                period: { endDate: '2027-09-30T23:59:59+01:00' },
                measureClassification: { id: 'met' },
              },
            ],
          },
        ],
      },
    });
    expect(facts.contracts[0]!.ratings).toEqual([
      { metricId: '1', periodStart: null, periodEnd: '2027-09-30T22:59:59.000Z', classification: 'met' },
    ]);
    expect(paKpiRatings.evaluate(facts, ctx('2027-11-02'))[0]).toMatchObject({
      status: 'pass',
      dueDate: '2028-09-30',
    });
  });

  it('does not apply without KPIs', () => {
    const facts = contractRecord({ value: OVER_5M, noAgreedMetricsRationale: 'One-off delivery.' });
    expect(paKpiRatings.evaluate(facts, ctx('2028-01-10'))[0]).toMatchObject({ reason: 'out-of-scope' });
  });
});

describe('pa-termination-notice (UK11)', () => {
  const ended = { implementation: { endDate: '2029-09-30T23:59:59+01:00' } };
  const uk11 = (date: string) => (uk6: Release) => [
    derivedNotice(uk6, 'UK11-derived', date, 'UK11', '1-contract'),
  ];

  it('is not yet due while the contract runs', () => {
    expect(paTerminationNotice.evaluate(contractRecord({}), ctx('2026-11-25'))[0]).toMatchObject({
      status: 'not-applicable',
      reason: 'not-yet-due',
      dueDate: '2029-10-30',
    });
  });

  it('fails 30 days after a published end without a UK11, passes with one', () => {
    expect(paTerminationNotice.evaluate(contractRecord(ended), ctx('2029-11-15'))[0]).toMatchObject({
      status: 'fail',
      dueDate: '2029-10-30',
      detail: expect.stringContaining(
        'No UK11 contract termination notice published; it was due by 2029-10-30',
      ),
    });
    expect(
      paTerminationNotice.evaluate(contractRecord(ended, uk11('2029-10-10T09:00:00Z')), ctx('2029-11-15'))[0],
    ).toMatchObject({ status: 'pass', doneDate: '2029-10-10' });
  });

  it('cannot judge an extendable contract past its period end until its maximum extent has passed', () => {
    const facts = contractRecord({});
    expect(paTerminationNotice.evaluate(facts, ctx('2029-11-15'))[0]).toMatchObject({
      status: 'not-applicable',
      reason: 'not-computable',
      missing: ['contracts.implementation.endDate'],
    });
    expect(paTerminationNotice.evaluate(facts, ctx('2031-11-15'))[0]).toMatchObject({
      status: 'fail',
      dueDate: '2031-10-30',
      detail: expect.stringContaining('maximum extent 2031-09-30'),
    });
  });

  it('does not apply to a below-threshold contract (the real Durham award, UK7 derived)', () => {
    const releases = releasesOf(SAMPLE.fts, 'ocds-h6vhtk-078217');
    const facts = factsFromReleases([
      ...releases,
      derivedUk7(releases[0]!, 'UK7-derived', '2026-11-20T09:00:00Z', {}),
    ]);
    expect(paTerminationNotice.evaluate(facts, ctx('2031-12-31'))[0]).toMatchObject({
      status: 'not-applicable',
      reason: 'out-of-scope',
      detail: 'Below threshold: no UK11 duty (a configurable default).',
    });
  });
});
