// UK2 market engagement (s.16–17) and the UK1 pipeline duty (s.93) on real records of data/sample.
import { describe, expect, it } from 'vitest';
import { paMarketEngagement } from '../../../src/analytics/quality/checks/pa-market-engagement.js';
import { estimatedSpend, paPipeline } from '../../../src/analytics/quality/checks/pa-pipeline.js';
import type { BuyerFacts, RecordFacts } from '../../../src/analytics/quality/facts.js';
import {
  SAMPLE,
  ctx,
  derivedNotice,
  factsFromReleases,
  releasesOf,
  sampleFacts,
  type Release,
} from './support.js';

const CBC_UK4 = 'ocds-h6vhtk-078219'; // Central Bedfordshire Council, above threshold, UK4 of 6 Oct 2026
const HARROGATE_UK4 = 'ocds-h6vhtk-067fb8'; // below threshold
/** Espo, Contracts Finder: £400,000,000 awarded, contract 3 Dec 2024 – 30 Nov 2028. */
const CF_ESPO = 'ocds-b5fd17-8d84c691-fc64-4f64-b240-443a0af1ba82';
const NORTHUMBERLAND_UK1 = 'ocds-h6vhtk-068ae4'; // real UK1 of 24 Apr 2026

describe('pa-market-engagement (UK2)', () => {
  const cbc = sampleFacts(SAMPLE.fts, CBC_UK4);

  it('cannot judge the real above-threshold UK4 from the contract model: the no-engagement reason is not in it', () => {
    expect(paMarketEngagement.evaluate(cbc, ctx('2026-11-25'))).toEqual([
      {
        status: 'not-applicable',
        reason: 'not-computable',
        missing: ['planning.noEngagementNoticeRationale'],
        detail: 'No UK2 before the UK4 of 2026-10-06; whether the UK4 gives a reason is not known.',
      },
    ]);
  });

  it('fails when the facts carry the release’s (absent) reason, passes with a reason', () => {
    // What the facts will hold once the model projects planning.noEngagementNoticeRationale: the real release
    // has no planning section at all, so the reason is null.
    const release = releasesOf(SAMPLE.fts, CBC_UK4)[0]!;
    const rationale =
      ((release.planning as Release | undefined)?.noEngagementNoticeRationale as string) ?? null;
    const facts: RecordFacts = { ...cbc, noEngagementNoticeRationale: rationale };
    expect(paMarketEngagement.evaluate(facts, ctx('2026-11-25'))).toEqual([
      {
        status: 'fail',
        detail: 'No UK2 before the UK4 of 2026-10-06, and no reason given for not publishing one.',
      },
    ]);
    const reasoned = { ...cbc, noEngagementNoticeRationale: 'Engagement was with existing providers only.' };
    expect(paMarketEngagement.evaluate(reasoned, ctx('2026-11-25'))[0]!.status).toBe('pass');
  });

  it('passes with a UK2 published before the UK4 (mutated: UK2 release added), not with one after', () => {
    const releases = releasesOf(SAMPLE.fts, CBC_UK4);
    const before = factsFromReleases([
      ...releases,
      derivedNotice(releases[0]!, 'UK2-derived', '2026-09-01T09:00:00Z', 'UK2'),
    ]);
    expect(paMarketEngagement.evaluate(before, ctx('2026-11-25'))[0]).toEqual({
      status: 'pass',
      doneDate: '2026-09-01',
      detail: 'UK2 published 2026-09-01, before the UK4 of 2026-10-06.',
    });
    const after = factsFromReleases([
      ...releases,
      derivedNotice(releases[0]!, 'UK2-derived', '2026-10-20T09:00:00Z', 'UK2'),
    ]);
    expect(paMarketEngagement.evaluate(after, ctx('2026-11-25'))[0]!.reason).toBe('not-computable');
  });

  it('does not apply below threshold, nor before the UK4 was published', () => {
    expect(
      paMarketEngagement.evaluate(sampleFacts(SAMPLE.ftsUk4, HARROGATE_UK4), ctx('2026-11-25'))[0],
    ).toMatchObject({
      reason: 'out-of-scope',
      detail: 'Below threshold: no UK2 duty.',
    });
    expect(paMarketEngagement.evaluate(cbc, ctx('2026-10-05'))[0]!.reason).toBe('out-of-scope');
  });
});

describe('pa-pipeline (UK1)', () => {
  /** Buyer facts as the loader builds them: the awarded value and period of each record. */
  function buyer(records: RecordFacts[], pipeline: { ocid: string; date: string }[] = []): BuyerFacts {
    return {
      buyerId: 1,
      name: records[0]?.buyer?.name ?? null,
      buyerType: records[0]?.buyer?.buyerType ?? null,
      commitments: records.map((r) => ({
        ocid: r.ocid,
        value: r.awards[0]!.value.gross ?? r.awards[0]!.value.amount!,
        start: r.contractPeriod.start,
        end: r.contractPeriod.end,
        published: r.firstPublished,
      })),
      pipelineNotices: pipeline.map((p) => ({ ...p, releaseId: 'x' })),
    };
  }
  const espo = buyer([sampleFacts(SAMPLE.cf2025, CF_ESPO)]);

  it('estimates Espo’s payments in FY 2026-27 from its real £400m contract: 365 of 1,459 days', () => {
    expect(estimatedSpend(espo, '2026-04-01', '2027-03-31')).toEqual({ pounds: 100068540, contracts: 1 });
  });

  it('fails for a buyer over £100m with no UK1 by 26 May', () => {
    expect(paPipeline.evaluate(espo, ctx('2026-11-25'))).toEqual([
      {
        status: 'fail',
        subject: 'FY 2026-27',
        dueDate: '2026-05-26',
        detail:
          'No UK1 pipeline notice published; it was due by 2026-05-26 (56 days beginning 2026-04-01; £100068540 ' +
          'estimated from 1 published contract(s)), 183 days ago.',
      },
    ]);
    expect(paPipeline.evaluate(espo, ctx('2026-05-01'))[0]!.reason).toBe('not-yet-due');
  });

  it('passes with a UK1 in the window, fails with one after it (mutated: Northumberland’s real UK1 date given to Espo)', () => {
    const uk1 = sampleFacts(SAMPLE.ftsUk1, NORTHUMBERLAND_UK1).notices[0]!;
    expect(uk1.noticeType).toBe('UK1');
    const on = {
      ...espo,
      pipelineNotices: [{ ocid: NORTHUMBERLAND_UK1, releaseId: uk1.releaseId, date: uk1.date }],
    };
    expect(paPipeline.evaluate(on, ctx('2026-11-25'))[0]).toMatchObject({
      status: 'pass',
      doneDate: '2026-04-24',
    });
    const late = { ...espo, pipelineNotices: [{ ocid: 'x', releaseId: 'x', date: '2026-06-10T09:00:00Z' }] };
    expect(paPipeline.evaluate(late, ctx('2026-11-25'))[0]).toMatchObject({
      status: 'fail',
      doneDate: '2026-06-10',
    });
  });

  it('does not apply under £100m, to private utilities, or before the Act', () => {
    expect(paPipeline.evaluate(buyer([]), ctx('2026-11-25'))[0]).toMatchObject({
      reason: 'out-of-scope',
      detail: '£0 estimated from 0 published contract(s): not over £100000000.',
    });
    expect(paPipeline.evaluate({ ...espo, buyerType: 'privateUtility' }, ctx('2026-11-25'))[0]!.reason).toBe(
      'out-of-scope',
    );
    // 15 Jan 2025 falls in FY 2024-25, which started before the Act.
    expect(paPipeline.evaluate(espo, ctx('2025-01-15'))[0]).toMatchObject({
      subject: 'FY 2024-25',
      reason: 'out-of-scope',
    });
  });
});
