// The quality checks end to end on PostgreSQL: ingest the real sample (data/sample), load facts page by page,
// run every check as of 25 Nov 2026. The expected counts were worked out independently of this code, from the
// contract-model tables of the same ingest (a separate script over a table dump, then the individual records read
// by hand): e.g. 157 records are Contracts Finder procurements closed without an award (155 `unsuccessful`,
// 2 `cancelled`); 232 buyers carry no readable identifier (Sell2Wales `org-n` ids and Contracts Finder 2014–15
// hashes); the Procurement Act cases are the six Find a Tender records, read by hand from their JSON.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckResult } from '../../../src/analytics/quality/check.js';
import { loadRecordFacts } from '../../../src/analytics/quality/load-facts.js';
import { collectQualityResults } from '../../../src/analytics/quality/run.js';
import { createSampleDb, type TestDb } from '../../support/db.js';

const AS_OF = '2026-11-25';
const key = (r: CheckResult) => `${r.checkId} ${r.ocid ?? ''} ${r.buyerId} ${r.subject ?? ''}`;
const failing = (results: CheckResult[], checkId: string) =>
  results.filter((r) => r.checkId === checkId && r.status === 'fail');

describe('quality checks on the ingested sample', () => {
  let t: TestDb;
  let results: CheckResult[];
  let espoId: number;
  beforeAll(async () => {
    t = await createSampleDb();
    results = await collectQualityResults(t.db, { all: true }, { asOf: AS_OF, pageSize: 100 });
    const espo = await sql<{ id: number }>`select id from organisation where name = ${'Espo'}`.execute(t.db);
    expect(espo.rows).toHaveLength(1);
    espoId = Number(espo.rows[0]!.id);
  }, 180_000);
  afterAll(() => t.drop());

  it('judges every record with every record check, and every buyer with the pipeline check', async () => {
    const counts = await sql<{ processes: number; buyers: number }>`
      select count(*)::int as processes, count(distinct buyer_id)::int as buyers from process`.execute(t.db);
    const { processes, buyers } = counts.rows[0]!;
    expect(processes).toBe(378);
    expect(buyers).toBe(296);
    const records = results.filter((r) => r.ocid !== null);
    // Each deadline check gives one result per live award; every award-level case in the sample has one award.
    expect(records).toHaveLength(378 * 20);
    expect(new Set(records.map((r) => r.ocid)).size).toBe(378);
    expect(results.filter((r) => r.ocid === null)).toHaveLength(296);
  });

  it('finds the failures counted independently from the contract-model tables', () => {
    const fails: Record<string, number> = {};
    for (const r of results) if (r.status === 'fail') fails[r.checkId] = (fails[r.checkId] ?? 0) + 1;
    expect(fails).toEqual({
      'coverage-value': 35,
      'coverage-currency': 1,
      'coverage-contract-period': 68,
      'coverage-end-date': 68,
      'coverage-supplier-identifier': 1,
      'coverage-buyer-identifier': 232,
      'coverage-region': 87,
      'coverage-sme-vcse': 32,
      'coverage-tenderers': 50,
      'coherence-award-after-start': 10,
      'coherence-value-range': 3,
      'coherence-duplicate-suppliers': 1,
      'pa-contract-details': 1,
      'pa-below-threshold-contract-details': 1,
      'pa-pipeline': 1,
    });
    expect(failing(results, 'coverage-currency').map((r) => r.ocid)).toEqual(['ocds-h6vhtk-078219']);
    expect(failing(results, 'coherence-duplicate-suppliers').map((r) => r.ocid)).toEqual([
      'ocds-b5fd17-8c7529f3-ad28-4b4d-b917-c5d1578e412f',
    ]);
  });

  it('reports the statutory deadlines of the real Find a Tender notices with their due days', async () => {
    expect(failing(results, 'pa-contract-details')).toMatchObject([
      { ocid: 'ocds-h6vhtk-06e832', subject: 'award 1', dueDate: '2026-11-18' },
    ]);
    expect(failing(results, 'pa-below-threshold-contract-details')).toMatchObject([
      { ocid: 'ocds-h6vhtk-06d285', subject: 'award 1', dueDate: '2026-11-08' },
    ]);
    expect(results.filter((r) => r.reason === 'not-yet-due')).toMatchObject([
      { ocid: 'ocds-h6vhtk-078217', checkId: 'pa-below-threshold-contract-details', dueDate: '2026-12-02' },
    ]);
    // The buyer each result counts against is the record's buyer organisation.
    const etc = failing(results, 'pa-contract-details')[0]!;
    const buyer = await sql<{
      name: string;
    }>`select name from organisation where id = ${etc.buyerId}`.execute(t.db);
    expect(buyer.rows[0]?.name).toBe('The Education Training Collective');
  });

  it('finds no other Procurement Act case in the sample: Contracts Finder records have no UK notices or contracts', () => {
    const judged = results
      .filter((r) => r.checkId.startsWith('pa-') && r.reason !== 'out-of-scope')
      .map((r) => `${r.checkId} ${r.ocid ?? 'buyer'} ${r.status} ${r.reason ?? ''}`.trim())
      .sort();
    expect(judged).toEqual([
      'pa-below-threshold-contract-details ocds-h6vhtk-06d285 fail',
      'pa-below-threshold-contract-details ocds-h6vhtk-078217 not-applicable not-yet-due',
      'pa-contract-details ocds-h6vhtk-06e832 fail',
      'pa-market-engagement ocds-h6vhtk-078219 not-applicable not-computable',
      'pa-pipeline buyer fail',
    ]);
    // Central Bedfordshire's above-threshold UK4: no UK2, and the reason field is not in the model.
    expect(
      results.find((r) => r.checkId === 'pa-market-engagement' && r.ocid === 'ocds-h6vhtk-078219'),
    ).toMatchObject({ missing: ['planning.noEngagementNoticeRationale'] });
  });

  it('finds Espo over £100m in FY 2026-27 from its £400m framework (365 of 1,459 days) with no UK1', () => {
    expect(failing(results, 'pa-pipeline')).toEqual([
      {
        ocid: null,
        buyerId: espoId,
        checkId: 'pa-pipeline',
        status: 'fail',
        subject: 'FY 2026-27',
        dueDate: '2026-05-26',
        detail:
          'No UK1 pipeline notice published; it was due by 2026-05-26 (56 days beginning 2026-04-01; ' +
          '£100068540 estimated from 1 published contract(s)), 183 days ago.',
      },
    ]);
  });

  it('gives the same results whatever the page size', async () => {
    const small = await collectQualityResults(t.db, { all: true }, { asOf: AS_OF, pageSize: 37 });
    expect(small.map(key).sort()).toEqual(results.map(key).sort());
  });

  it('runs for one buyer (its records and its pipeline duty) or for a list of ocids (records only)', async () => {
    const espo = await collectQualityResults(t.db, { buyerId: espoId }, { asOf: AS_OF });
    const ocids = await sql<{ ocid: string }>`select ocid from process where buyer_id = ${espoId}`.execute(
      t.db,
    );
    expect(new Set(espo.filter((r) => r.ocid).map((r) => r.ocid))).toEqual(
      new Set(ocids.rows.map((r) => r.ocid)),
    );
    expect(espo.filter((r) => r.ocid === null)).toHaveLength(1);
    const some = await collectQualityResults(
      t.db,
      { ocids: ['ocds-h6vhtk-06e832', 'ocds-h6vhtk-unknown'] },
      { asOf: AS_OF },
    );
    expect(some).toHaveLength(20);
    expect(some.every((r) => r.ocid === 'ocds-h6vhtk-06e832')).toBe(true);
  });

  it('as of an earlier day sees only what was published by then (for a trend by quarter)', async () => {
    const q2 = await collectQualityResults(t.db, { all: true }, { asOf: '2025-06-30' });
    // The 6 Find a Tender records were published in 2026.
    expect(q2.some((r) => r.ocid?.startsWith('ocds-h6vhtk-'))).toBe(false);
    expect(failing(q2, 'pa-pipeline')).toMatchObject([
      { buyerId: espoId, subject: 'FY 2025-26', dueDate: '2025-05-26' },
    ]);
  });

  it('loads facts that match the tables (a spot check on one record)', async () => {
    const [facts] = await loadRecordFacts(t.db, ['ocds-h6vhtk-06e832']);
    expect(facts).toMatchObject({
      ocid: 'ocds-h6vhtk-06e832',
      legalBasis: 'UKPGA 2023/54',
      tender: { aboveThreshold: true, numberOfTenderers: 15, finalStageBids: 13 },
      awards: [
        {
          id: '1',
          status: 'pending',
          value: { amount: null, gross: '256378.74', currency: 'GBP' },
          futureSignatureDate: '2026-10-19T22:59:59.000Z',
          standstillEnd: '2026-10-15T22:59:59.000Z',
        },
      ],
      notices: [{ releaseId: '094477-2026', noticeType: 'UK6', kind: 'contract-award' }],
    });
    expect(facts!.noEngagementNoticeRationale).toBeUndefined();
  });
});
