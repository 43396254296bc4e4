// The collaboration finder's stored summary (docs/collaboration.md, "Summary") gives exactly the direct path's
// pages: the same groups, ranking, buyers, contracts, shared incumbents and counts, for many windows, levels,
// buyers, filters and sorts; first on the real sample (data/sample), then on copies of it made the benchmark's way
// (bench/lib/scale.ts: dates shifted, buyers and suppliers mapped onto clones), where groups hold more than ten
// contracts and suppliers serve several buyers, so the lists are cut and shared incumbents found. The summary
// answers only the day and lead times it was built for, and no CPV filter finer than the market level; the service
// rebuilds it as of its today (what ingest, sync and the daily job call).
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { scaleContractModel } from '../../../bench/lib/scale.js';
import {
  findCollaborationPage,
  findCollaborationPageDirect,
  findCollaborationPageFromSummary,
  refreshCollaborationSummary,
  summaryState,
  summaryWindow,
  windowLast,
  type CollaborationGroupRow,
  type CollaborationLevel,
  type CollaborationPageOptions,
  type CollaborationScope,
  type CollaborationSort,
} from '../../../src/analytics/collaboration/index.js';
import { leadTimesOn, type Day } from '../../../src/domain/rules/index.js';
import { createCollaborationService } from '../../../src/services/collaboration/collaboration.service.js';
import { useSampleDb } from '../../support/db.js';

const AS_OF = '2026-12-06';
const policy = leadTimesOn(AS_OF).value;

const scope = (
  asOf: Day,
  months: number,
  level: CollaborationLevel,
  more: Partial<CollaborationScope> = {},
): CollaborationScope => ({ asOf, last: windowLast(asOf, months), level, policy, minBuyers: 2, ...more });

const page = (sort: CollaborationSort = 'value', limit = 100, offset = 0): CollaborationPageOptions => ({
  sort,
  order: sort === 'decision' ? 'asc' : 'desc',
  limit,
  offset,
});

describe('collaboration summary', () => {
  const t = useSampleDb();

  /** Every scope and page compared; returns the direct pages (to check they are not all empty). */
  async function compareAll(asOf: Day, windows: number[]): Promise<CollaborationGroupRow[][]> {
    const db = t().db;
    const pages: CollaborationGroupRow[][] = [];
    const check = async (s: CollaborationScope, o: CollaborationPageOptions, months: number) => {
      expect(await summaryWindow(db, s)).toBe(months);
      const direct = await findCollaborationPageDirect(db, s, o);
      const stored = await findCollaborationPageFromSummary(db, s, o, months);
      expect(stored, JSON.stringify({ s: { ...s, policy: undefined }, o })).toEqual(direct);
      expect(await findCollaborationPage(db, s, o)).toEqual(direct);
      pages.push(direct);
    };
    for (const level of ['group', 'class'] as const)
      for (const months of windows) {
        const national = scope(asOf, months, level);
        await check(national, page(), months);
        const found = await findCollaborationPageDirect(db, national, page());
        // Each buyer of the first groups, asking "who could I buy with?".
        const buyers = [...new Set(found.slice(0, 3).flatMap((g) => g.buyers.map((b) => b.id)))].slice(0, 4);
        for (const buyerId of buyers) await check(scope(asOf, months, level, { buyerId }), page(), months);
        for (const sort of ['buyers', 'contracts', 'decision'] as const)
          await check(national, page(sort), months);
        await check(national, page('value', 2, 1), months);
        await check(scope(asOf, months, level, { minBuyers: 3 }), page(), months);
        for (const region of ['UKF', 'UKE4', 'UKI31', 'UKN'])
          await check(scope(asOf, months, level, { region }), page(), months);
        for (const cpvPrefix of ['85', '45', level === 'group' ? '853' : '8531'])
          await check(scope(asOf, months, level, { cpvPrefix }), page(), months);
      }
    return pages;
  }

  it('gives the direct path’s pages on the real sample, and answers only what it was built for', async () => {
    const db = t().db;
    const r = await refreshCollaborationSummary(db, AS_OF, policy);
    expect(r.contracts).toBeGreaterThan(0);
    const pages = await compareAll(AS_OF, [1, 6, 12, 24, 60]);
    expect(pages.some((p) => p.length > 1)).toBe(true);

    // Another day, another window end, a finer CPV filter, other lead times: the direct path answers.
    expect(await summaryWindow(db, scope('2026-12-07', 12, 'group'))).toBeNull();
    expect(await summaryWindow(db, { ...scope(AS_OF, 12, 'group'), last: '2027-12-07' })).toBeNull();
    expect(await summaryWindow(db, scope(AS_OF, 12, 'group', { cpvPrefix: '8531' }))).toBeNull();
    expect(await summaryWindow(db, scope(AS_OF, 12, 'class', { cpvPrefix: '8531' }))).toBe(12);
    const longer = { ...policy, unknownValueMonths: 24 };
    expect(await summaryWindow(db, scope(AS_OF, 12, 'group', { policy: longer }))).toBeNull();
  });

  it('is rebuilt by the service as of its today, whose pages it then answers unchanged', async () => {
    const db = t().db;
    const today = '2026-06-30';
    const service = createCollaborationService({ db, today: () => today });
    const q = service.queryOrThrow({ windowMonths: 24, pageSize: 100 });
    expect(await summaryWindow(db, scope(today, 24, 'group'))).toBeNull();
    const direct = await service.find(q);
    expect(direct.groups.length).toBeGreaterThan(0);
    const r = await service.refresh();
    expect(r.asOf).toBe(today);
    expect((await summaryState(db))?.asOf).toBe(today);
    expect(await summaryWindow(db, scope(today, 24, 'group'))).toBe(24);
    expect(await service.find(q)).toEqual(direct);
  });

  it('gives the direct path’s pages on copies of the sample, with lists cut at ten and shared incumbents', async () => {
    const db = t().db;
    await scaleContractModel(db, { copies: 24, buyerGroups: 3, supplierGroups: 2 });
    for (const asOf of [AS_OF, '2025-03-31']) {
      await refreshCollaborationSummary(db, asOf, policy);
      const groups = (await compareAll(asOf, [6, 24])).flat();
      expect(groups.some((g) => g.contract_count > 10 && g.contracts.length === 10)).toBe(true);
      expect(groups.some((g) => g.buyer_count > 10 && g.buyers.length === 10)).toBe(true);
      expect(groups.some((g) => g.shared_count > 0)).toBe(true);
    }
    // The stored rows are those of the last refresh only.
    const days = await sql<{ n: number }>`select count(*)::int as n from collaboration_summary_state`.execute(
      db,
    );
    expect(days.rows[0]!.n).toBe(1);
  }, 300_000);
});
