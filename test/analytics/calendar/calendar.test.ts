// The compliance calendar's pure logic on facts from real sample records (test/analytics/quality/support.ts:
// compile → project → facts), mutated where the sample lacks the case, as each test says. Boundary days for each
// status; organisation duties dated period by period.
import { describe, expect, it } from 'vitest';
import { buildCalendar, timing, type CalendarEntry } from '../../../src/analytics/calendar/index.js';
import type { BuyerFacts } from '../../../src/analytics/quality/facts.js';
import {
  SAMPLE,
  derivedNotice,
  derivedUk7,
  factsFromReleases,
  releasesOf,
  sampleFacts,
} from '../quality/support.js';

const ETC = 'ocds-h6vhtk-06e832'; // UK6 of 6 Oct 2026, expected signature 19 Oct 2026 → UK7 due 18 Nov 2026
const DURHAM = 'ocds-h6vhtk-078217'; // below-threshold UK6, award 2 Nov 2026 → UK7 due 2 Dec 2026

const buyer = (over: Partial<BuyerFacts> = {}): BuyerFacts => ({
  buyerId: 7,
  name: 'Test buyer',
  buyerType: 'publicAuthoritySubCentralGovernment',
  commitments: [],
  pipelineNotices: [],
  ...over,
});

const line = (e: CalendarEntry) => `${e.dueDate} ${e.status} ${e.duty} ${e.subject ?? ''}`.trim();
const recordLines = (asOf: string, records = [sampleFacts(SAMPLE.fts, ETC)]) =>
  buildCalendar({ records, buyer: null, asOf }).entries.map(line);

describe('status of a dated duty', () => {
  it('is upcoming beyond the window, due soon within it (due day included), overdue the day after', () => {
    expect(timing('2026-11-18', '2026-10-18', 30)).toBe('upcoming'); // 31 days left
    expect(timing('2026-11-18', '2026-10-19', 30)).toBe('due-soon'); // 30 days left
    expect(timing('2026-11-18', '2026-11-18', 30)).toBe('due-soon');
    expect(timing('2026-11-18', '2026-11-19', 30)).toBe('overdue');
    // A duty published data cannot confirm is never called overdue.
    expect(timing('2026-11-18', '2026-11-19', 30, false)).toBe('unconfirmable');
    expect(timing('2026-11-18', '2026-11-18', 30, false)).toBe('due-soon');
  });
});

describe('UK7 contract details (real ETC UK6)', () => {
  it('is upcoming, due soon, then overdue around its due day of 18 Nov 2026', () => {
    expect(recordLines('2026-10-10')).toEqual(['2026-11-18 upcoming uk7-contract-details award 1']);
    expect(recordLines('2026-10-19')).toEqual(['2026-11-18 due-soon uk7-contract-details award 1']);
    expect(recordLines('2026-11-18')).toEqual(['2026-11-18 due-soon uk7-contract-details award 1']);
    expect(recordLines('2026-11-19')).toEqual(['2026-11-18 overdue uk7-contract-details award 1']);
  });

  it('is absent before the record was published (6 Oct 2026)', () => {
    expect(recordLines('2026-10-05')).toEqual([]);
  });

  it('is done when a UK7 is published (derived UK7), with the days late when it came after the due day', () => {
    const releases = releasesOf(SAMPLE.fts, ETC);
    const onTime = derivedUk7(releases[0]!, 'UK7-a', '2026-11-18T16:00:00Z', {});
    const late = derivedUk7(releases[0]!, 'UK7-b', '2026-11-20T10:00:00Z', {});
    const [a] = buildCalendar({
      records: [factsFromReleases([...releases, onTime])],
      buyer: null,
      asOf: '2026-11-25',
    }).entries;
    expect(a).toMatchObject({ status: 'done', doneDate: '2026-11-18', daysLate: 0, ocid: ETC });
    const [b] = buildCalendar({
      records: [factsFromReleases([...releases, late])],
      buyer: null,
      asOf: '2026-11-25',
    }).entries;
    expect(b).toMatchObject({ status: 'done', doneDate: '2026-11-20', daysLate: 2 });
    // Seen only once published: as of 19 Nov the late UK7 does not exist yet.
    const [c] = buildCalendar({
      records: [factsFromReleases([...releases, late])],
      buyer: null,
      asOf: '2026-11-19',
    }).entries;
    expect(c).toMatchObject({ status: 'overdue', doneDate: null });
  });
});

describe('UK7 below threshold (real Durham Aged Mineworkers’ Homes UK6)', () => {
  it('is due 30 days after the award date, 2 Dec 2026', () => {
    const records = [sampleFacts(SAMPLE.fts, DURHAM)];
    expect(recordLines('2026-11-25', records)).toEqual(['2026-12-02 due-soon uk7-below-threshold award 1']);
    expect(recordLines('2026-12-03', records)).toEqual(['2026-12-02 overdue uk7-below-threshold award 1']);
  });
});

describe('UK9 and UK11 on a contract (UK7 derived from the real ETC UK6: period 1 Nov 2026 – 30 Sep 2029)', () => {
  const OVER_5M = { amountGross: 6000000, amount: 5000000, currency: 'GBP' };
  const kpis = [1, 2, 3].map((i) => ({ id: String(i), title: `KPI ${i}` }));
  function withContract(
    contract: Record<string, unknown>,
    more: (uk6: Record<string, unknown>) => object[] = () => [],
  ) {
    const releases = releasesOf(SAMPLE.fts, ETC);
    const uk7 = derivedUk7(releases[0]!, 'UK7-derived', '2026-11-05T10:00:00Z', {
      dateSigned: '2026-10-20T12:00:00Z',
      ...contract,
    });
    return factsFromReleases([...releases, uk7, ...(more(releases[0]!) as never[])]);
  }

  it('dates the yearly rating, the rating on termination (30 days, a default) and the UK11', () => {
    const facts = withContract({ value: OVER_5M, agreedMetrics: kpis });
    const cal = buildCalendar({ records: [facts], buyer: null, asOf: '2026-11-25' });
    expect(cal.entries.map(line)).toEqual([
      // The derived contract was signed on 20 Oct 2026: the UK7 (published 5 Nov) was due by 19 Nov.
      '2026-11-19 done uk7-contract-details award 1',
      '2027-11-01 upcoming uk9-kpi-rating contract 1-contract',
      '2029-10-30 upcoming uk11-termination contract 1-contract',
      '2029-10-30 upcoming uk9-on-termination contract 1-contract',
    ]);
    const final = cal.entries.find((e) => e.duty === 'uk9-on-termination')!;
    expect(final.assumptions).toEqual(['kpi-rating.on-termination-days']);
    expect(cal.assumptions.map((a) => a.ruleId)).toEqual([
      'calendar.due-soon-days',
      'kpi-rating.on-termination-days',
    ]);
  });

  it('has no KPI rating duties at the real value (£256,378.74), only the UK11', () => {
    const cal = buildCalendar({ records: [withContract({})], buyer: null, asOf: '2026-11-25' });
    expect(cal.entries.map((e) => e.duty)).toEqual(['uk7-contract-details', 'uk11-termination']);
  });

  it('counts the UK11 and the final rating done when published after an early end', () => {
    const facts = withContract(
      {
        value: OVER_5M,
        agreedMetrics: kpis,
        status: 'terminated',
        implementation: { endDate: '2027-03-31T12:00:00Z' },
      },
      (uk6) => [
        derivedNotice(uk6, 'UK11-derived', '2027-04-20T09:00:00Z', 'UK11', '1-contract'),
        derivedNotice(uk6, 'UK9-derived', '2027-05-10T09:00:00Z', 'UK9', '1-contract'),
      ],
    );
    const cal = buildCalendar({ records: [facts], buyer: null, asOf: '2027-06-01' });
    expect(
      cal.entries
        .filter((e) => e.duty !== 'uk7-contract-details')
        .map((e) => `${line(e)} ${e.doneDate} ${e.daysLate}`),
    ).toEqual([
      '2027-04-30 done uk11-termination contract 1-contract 2027-04-20 0',
      '2027-04-30 done uk9-on-termination contract 1-contract 2027-05-10 10',
    ]);
  });
});

describe('organisation duties', () => {
  it('lists payments compliance periods from 1 Oct 2025: past ones cannot be confirmed, later ones are dated', () => {
    const cal = buildCalendar({ records: [], buyer: buyer(), asOf: '2026-05-01' });
    expect(cal.entries.filter((e) => e.duty === 'payments-compliance').map(line)).toEqual([
      '2026-04-30 unconfirmable payments-compliance 1 Oct 2025 – 31 Mar 2026',
      '2026-10-30 upcoming payments-compliance 1 Apr 2026 – 30 Sep 2026',
      '2027-04-30 upcoming payments-compliance 1 Oct 2026 – 31 Mar 2027',
    ]);
    // On its due day it is due soon, not yet unconfirmable.
    const onDue = buildCalendar({ records: [], buyer: buyer(), asOf: '2026-04-30' });
    expect(onDue.entries.find((e) => e.dueDate === '2026-04-30')?.status).toBe('due-soon');
  });

  it('exempts private utilities from payments compliance and says so', () => {
    const cal = buildCalendar({
      records: [],
      buyer: buyer({ buyerType: 'privateUtility' }),
      asOf: '2026-05-01',
    });
    expect(cal.entries.filter((e) => e.duty === 'payments-compliance')).toEqual([]);
    expect(cal.notes.find((n) => n.duty === 'payments-compliance')?.detail).toMatch(
      /privateUtility is exempt/,
    );
  });

  it('dates SME (then SME and VCSE) spend results by 30 Sep for central government only', () => {
    const central = buildCalendar({
      records: [],
      buyer: buyer({ buyerType: 'publicAuthorityCentralGovernment' }),
      asOf: '2026-11-25',
      horizonMonths: 24,
    });
    const results = central.entries.filter((e) => e.duty === 'sme-vcse-report');
    expect(results.map(line)).toEqual([
      '2026-09-30 unconfirmable sme-vcse-report FY 2025-26',
      '2027-09-30 upcoming sme-vcse-report FY 2026-27',
      '2028-09-30 upcoming sme-vcse-report FY 2027-28',
    ]);
    expect(results[0]!.detail).toMatch(/^SME spend results/);
    expect(results[1]!.detail).toMatch(/^SME and VCSE spend results/);
    expect(results[0]!.assumptions).toEqual(['sme-vcse-report.buyer-types', 'sme-vcse-report.due-month-day']);
    const council = buildCalendar({ records: [], buyer: buyer(), asOf: '2026-11-25' });
    expect(council.entries.some((e) => e.duty === 'sme-vcse-report')).toBe(false);
  });

  it('dates the UK1 window per financial year when published contracts put spend over £100m', () => {
    // Shaped like Espo's real £400m framework (365 of its 1,459 days fall in FY 2026-27: £100,068,540).
    const espo = buyer({
      commitments: [
        { ocid: 'f', value: '400000000', start: '2025-10-01', end: '2029-09-28', published: '2025-03-01' },
      ],
    });
    const before = buildCalendar({ records: [], buyer: espo, asOf: '2026-05-26' });
    expect(before.entries.filter((e) => e.duty === 'uk1-pipeline').map(line)).toEqual([
      '2026-05-26 due-soon uk1-pipeline FY 2026-27',
      '2027-05-26 upcoming uk1-pipeline FY 2027-28',
    ]);
    // FY 2025-26: spend from 1 Oct 2025 only (182 of 1,459 days ≈ £49.9m): not over £100m, in the notes.
    expect(before.notes.find((n) => n.subject === 'FY 2025-26')?.detail).toMatch(/not over £100000000/);
    const after = buildCalendar({ records: [], buyer: espo, asOf: '2026-05-27' });
    expect(after.entries.find((e) => e.subject === 'FY 2026-27')?.status).toBe('overdue');
    const published = buildCalendar({
      records: [],
      buyer: { ...espo, pipelineNotices: [{ ocid: 'p', releaseId: 'r', date: '2026-05-20T10:00:00Z' }] },
      asOf: '2026-05-27',
    });
    expect(published.entries.find((e) => e.subject === 'FY 2026-27')).toMatchObject({
      status: 'done',
      doneDate: '2026-05-20',
      daysLate: 0,
    });
  });
});
