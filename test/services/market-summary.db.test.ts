// The market summary (migration 0034) against the market facts on the real sample: for buyers, CPV divisions,
// groups and classes, regions and CPV markets within a buyer or a region, over whole financial years, the default
// period (to today, with awards after the refresh day kept by day) and a period ending on the refresh day, the profile
// read from the summary must equal — every figure, to the last bit — the profile read from the fact rows. Then when
// the summary is not used (stale after a change to the facts, a custom period, a sub-class CPV code), and the
// supplier profile's market sizes.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FiguresSource, SupplierWindow } from '../../src/services/market/market-figures.js';
import { createMarketService, type MarketProfile } from '../../src/services/market/market.service.js';
import { createSupplierService } from '../../src/services/market/supplier.service.js';
import { refreshMarketSummary, summaryState } from '../../src/store/market-summary.repository.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { rewriteMarketFacts } from '../../src/store/market-fact.repository.js';
import { createSampleDb, type TestDb } from '../support/db.js';

// Mid-way through the sample's awards (2021–2026, most in 2025), so that some are after it (kept by day).
const REFRESH_DAY = '2025-09-30';
const TODAY = '2025-11-15';

type Input = { buyerId?: number; cpv?: string; region?: string; from?: string; to?: string };

describe('market summary against the market facts', () => {
  let t: TestDb;
  const served: FiguresSource[] = [];
  const services = () => ({
    summary: createMarketService({ db: t.db, today: () => TODAY, onSource: (s) => served.push(s) }),
    facts: createMarketService({ db: t.db, today: () => TODAY, summary: false }),
  });
  let scopes: Input[];

  beforeAll(async () => {
    t = await createSampleDb();
    const r = await refreshMarketSummary(t.db, REFRESH_DAY);
    const facts = await sql<{ n: number }>`select count(*)::int as n from market_fact`.execute(t.db);
    expect(r).toMatchObject({ facts: facts.rows[0]!.n, refreshDay: REFRESH_DAY });
    expect(r.cells).toBeGreaterThan(0);
    // The buyers with the most awards, every CPV division, group and class with awards, and the ITL1 regions.
    const buyers = await sql<{ id: string }>`
      select buyer_id::text as id from market_fact where buyer_id is not null
      group by 1 order by count(*) desc, 1 limit 6`.execute(t.db);
    const cpvs = await sql<{ p: string }>`
      select distinct left(cpv_main, n) as p from market_fact, generate_series(2, 4) n
      where length(cpv_main) >= n order by 1`.execute(t.db);
    scopes = [
      ...buyers.rows.map((b) => ({ buyerId: Number(b.id) })),
      ...cpvs.rows.map((c) => ({ cpv: c.p })),
      ...['UKF', 'UKI', 'UKL', 'UKM', 'TLE', 'UKF1'].map((region) => ({ region })),
      { buyerId: Number(buyers.rows[0]!.id), cpv: '45' },
      { buyerId: Number(buyers.rows[1]!.id), cpv: '72' },
      { region: 'UKF', cpv: '45' },
      { region: 'UKL', cpv: '4521' },
    ];
  }, 180_000);
  afterAll(async () => t?.drop());

  /** Both profiles of one query (and part of its supplier list), the summary's checked to come from the summary. */
  async function both(input: Input, window?: SupplierWindow): Promise<[MarketProfile, MarketProfile]> {
    const { summary, facts } = services();
    served.length = 0;
    const a = await summary.profile(summary.queryOrThrow(input), window);
    const b = await facts.profile(facts.queryOrThrow(input), window);
    return [a, b];
  }

  it.each([
    ['whole financial years', { from: '2021-04-01', to: '2027-03-31' }],
    ['the default period, to today (after the refresh day)', {}],
    ['a period ending on the refresh day', { from: '2024-04-01', to: REFRESH_DAY }],
  ])('gives every figure of the facts for every scope over %s', async (_name, period: Input) => {
    let withAwards = 0;
    const seen = { direct: 0, localKnown: 0, entrants: 0, competitive: 0 };
    const periodTables = { used: 0, notUsed: 0 };
    for (const scope of scopes) {
      const [a, b] = await both({ ...scope, ...period });
      expect(
        served.map((s) => s.kind),
        JSON.stringify(scope),
      ).toEqual(['summary']);
      if (served[0]?.kind === 'summary' && served[0].period) periodTables.used += 1;
      else if (scope.cpv !== undefined && Object.keys(scope).length === 1) periodTables.notUsed += 1;
      expect(a, JSON.stringify(scope)).toEqual(b);
      if (a.figures.awards > 0) withAwards += 1;
      seen.direct += a.figures.directAward.byCount.numerator;
      seen.localKnown += a.figures.local.byCount.denominator;
      seen.entrants += a.figures.newEntrants.count;
      seen.competitive += a.figures.singleBid.competitive;
    }
    expect(withAwards).toBeGreaterThan(scopes.length / 2);
    // Every kind of figure was exercised, not only zeros (the sample publishes no bid counts: no single bids).
    // (Over the shorter periods no supplier of known locality won an award.)
    for (const [figure, n] of Object.entries(seen))
      if (figure !== 'localKnown' || period.from === '2021-04-01') expect(n, figure).toBeGreaterThan(0);
    // The period tables (migration 0043) answer CPV markets over the default period only, and not the markets with
    // an award after the refresh day and on or before today.
    if (Object.keys(period).length === 0) {
      expect(periodTables.used).toBeGreaterThan(10);
      expect(periodTables.notUsed).toBeGreaterThan(0);
    } else expect(periodTables.used).toBe(0);
  });

  it('gives the same pages of the supplier list and the same largest suppliers from every source', async () => {
    const cpvs = scopes.filter((s) => s.cpv !== undefined && Object.keys(s).length === 1);
    let pages = 0;
    for (const scope of cpvs)
      for (const window of [
        { offset: 0, limit: 3, largest: 10 },
        { offset: 3, limit: 2, largest: 1 },
        { offset: 0, limit: 1 },
      ]) {
        const [a, b] = await both(scope, window);
        expect(a, JSON.stringify({ scope, window })).toEqual(b);
        expect(a.figures.suppliers.length).toBe(
          Math.max(0, Math.min(window.limit, a.supplierCount - window.offset)),
        );
        expect(a.largestSuppliers.length).toBe(Math.min(window.largest ?? 0, a.supplierCount));
        if (served[0]?.kind === 'summary' && served[0].period && a.figures.suppliers.length > 0) pages += 1;
      }
    expect(pages).toBeGreaterThan(10);
  });

  it('counts new entrants, processes and undated awards per year as the facts do', async () => {
    const [a, b] = await both({ cpv: '45', from: '2022-04-01', to: '2026-03-31' });
    expect(a.periods.map((p) => p.newEntrants)).toEqual(b.periods.map((p) => p.newEntrants));
    expect(a.periods.map((p) => p.processes)).toEqual(b.periods.map((p) => p.processes));
    // The look-back decides: some years have new entrants, and some suppliers are not new.
    expect(a.periods.some((p) => p.newEntrants.count > 0)).toBe(true);
    expect(a.periods.some((p) => p.newEntrants.count < p.newEntrants.ofSuppliers)).toBe(true);
    expect(a.undatedAwards).toBe(b.undatedAwards);
  });

  it('reads the facts for a custom period, a CPV code below a class, and after the facts change until refreshed', async () => {
    const { summary } = services();
    const reasons = async (input: Input) => {
      served.length = 0;
      await summary.profile(summary.queryOrThrow(input));
      return served.map((s) => (s.kind === 'facts' ? s.reason : s.kind));
    };
    expect(await reasons({ cpv: '45', from: '2024-05-01', to: '2025-03-31' })).toEqual([
      'the period does not start on 1 April',
    ]);
    expect(await reasons({ cpv: '45', from: '2024-04-01', to: '2025-06-30' })).toEqual([
      'the period ends before the refresh day, not on 31 March',
    ]);
    expect(await reasons({ cpv: '45233' })).toEqual(['the CPV prefix is longer than a class']);
    const ocid = await sql<{ ocid: string }>`select ocid from market_fact limit 1`.execute(t.db);
    await rewriteMarketFacts(t.db, [ocid.rows[0]!.ocid]);
    expect(await reasons({ cpv: '45' })).toEqual(['the facts changed since the summary was built']);
    await refreshMarketSummary(t.db, REFRESH_DAY);
    expect(await reasons({ cpv: '45' })).toEqual(['summary']);
  });

  it('gives the supplier profile the same market sizes from the summary as from the facts', async () => {
    const sources: FiguresSource[] = [];
    const make = (summary: boolean) =>
      createSupplierService({ db: t.db, today: () => TODAY, summary, onSource: (s) => sources.push(s) });
    const suppliers = await sql<{ id: string }>`
      select organisation_id::text as id from market_fact where organisation_id is not null
      group by 1 order by count(*) desc, 1 limit 5`.execute(t.db);
    let markets = 0;
    for (const { id } of suppliers.rows)
      for (const level of ['division', 'group', 'class']) {
        const input = { from: '2021-04-01', to: '2027-03-31', level };
        const [fromSummary, fromFacts] = [make(true), make(false)];
        const a = await fromSummary.profile(fromSummary.queryOrThrow(Number(id), input));
        const b = await fromFacts.profile(fromFacts.queryOrThrow(Number(id), input));
        expect(a).toEqual(b);
        if ('figures' in a) markets += a.figures.markets.filter((m) => m.marketValue !== null).length;
      }
    expect(markets).toBeGreaterThan(10);
    expect(sources.filter((s) => s.kind === 'summary')).toHaveLength(15);
  });
});

describe('migration 0034', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createSampleDb();
  }, 180_000);
  afterAll(async () => t?.drop());

  it('fills the summary from the facts a database already holds', async () => {
    await sql`
      drop table market_summary_supplier, market_summary_award, market_summary_process, market_summary_state,
        market_fact_version;
      drop trigger market_fact_version_bump on market_fact;
      drop trigger market_fact_version_bump on organisation;
      drop function market_fact_version_bump;
      delete from schema_migration where name = '0034-market-summary'`.execute(t.db);
    await migrateToLatest(t.db);
    const state = await summaryState(t.db);
    expect(state?.fresh).toBe(true);
    const cells = await sql<{ n: number }>`select count(*)::int as n from market_summary_supplier`.execute(
      t.db,
    );
    expect(cells.rows[0]!.n).toBeGreaterThan(0);
    expect(state?.cells).toBeGreaterThan(cells.rows[0]!.n);
  });
});
