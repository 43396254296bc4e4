// bench/market: market-shaping analytics at 1 million contract histories (issue 6: p95 ≤ 50 ms on PostgreSQL).
// Times ~50 varied requests of each page's service call (the market pages ask for their first page of suppliers): the buyer profile (/market?buyerId=), the market (CPV)
// profile at division, group and class (/market?cpv=), and the supplier profile (/organisations/:id/supplier), each
// over the default period (the current financial year and the two before it). Synthetic processes are counted (the
// pages leave them out; here they are the data). The inputs are real ids and codes drawn from the dataset, spread
// from the largest to small ones. Prints p50/p95 and the ratio to the 50 ms target per case, and which table served
// each case's requests (the summary table of migration 0034, or the market facts and why). The summary is rebuilt
// first when it is older than the facts (or always with BENCH_MARKET_REFRESH=1), and that refresh is timed. Ends with
// EXPLAIN (ANALYZE, BUFFERS) of the slowest case's slowest statement.
// Usage: npm run build && node dist/bench/market.js [--processes 1000000] [--data-dir /tmp/missionbuy-1m] [--runs 50]
import { sql } from 'kysely';
import type { FiguresSource } from '../src/services/market/market-figures.js';
import { createMarketService } from '../src/services/market/market.service.js';
import { createSupplierService } from '../src/services/market/supplier.service.js';
import { CHART_BARS, SUPPLIERS_PAGE_SIZE } from '../src/web/pages/market/view-model.js';
import { refreshMarketSummary, summaryState } from '../src/store/market-summary.repository.js';
import { openBenchDataset } from './lib/dataset.js';
import { explainingKysely } from './lib/explain.js';
import { timeCases } from './lib/timing.js';

const { handle, counts, runs, log } = await openBenchDataset();
const db = handle.db;
const state = await summaryState(db);
let refresh = null;
if (!state?.fresh || process.env.BENCH_MARKET_REFRESH === '1') {
  log(`refreshing the market summary (${state ? (state.fresh ? 'asked' : 'stale') : 'never built'})…`);
  refresh = await refreshMarketSummary(db);
}
/** Which source served the requests of the case being timed. */
let served = new Map<string, number>();
const onSource = (s: FiguresSource) => {
  const key =
    s.kind === 'summary' ? (s.period ? 'summary: period tables' : 'summary: cells') : `facts: ${s.reason}`;
  served.set(key, (served.get(key) ?? 0) + 1);
};
// The profiles run on a client that records their statements, to explain the slowest case at the end.
const explaining = explainingKysely(handle.url, 8, log);
const market = createMarketService({ db: explaining.db, includeSynthetic: true, onSource });
const supplier = createSupplierService({ db: explaining.db, includeSynthetic: true, onSource });

/** `runs` values of a ranked list, evenly spread from the first (largest) to the last. */
async function spread(query: ReturnType<typeof sql<{ v: string }>>): Promise<string[]> {
  const all = (await query.execute(db)).rows.map((r) => r.v);
  return Array.from(
    { length: Math.min(runs, all.length) },
    (_, i) => all[Math.floor((i * all.length) / runs)]!,
  );
}
const buyers = await spread(sql<{ v: string }>`
  select buyer_id::text as v from process where buyer_id is not null group by 1 order by count(*) desc`);
const cpvAt = (n: number) =>
  spread(sql<{ v: string }>`
    select left(cpv_main, ${n}) as v from process where cpv_main is not null and length(cpv_main) >= ${n}
      and left(cpv_main, ${n}) !~ '0+$' group by 1 order by count(*) desc`);
const suppliers = await spread(sql<{ v: string }>`
  select organisation_id::text as v from award_supplier group by 1 order by count(*) desc`);

// As /market asks: the first page of the supplier list and the largest suppliers for its chart.
const page = { offset: 0, limit: SUPPLIERS_PAGE_SIZE, largest: CHART_BARS };
const profile = (input: { buyerId?: string; cpv?: string }) =>
  market.profile(market.queryOrThrow(input), page);
const cases: Parameters<typeof timeCases>[0] = [
  ['buyer profile', buyers, (v) => profile({ buyerId: v })],
  ['market profile, CPV division', await cpvAt(2), (v) => profile({ cpv: v })],
  ['market profile, CPV group', await cpvAt(3), (v) => profile({ cpv: v })],
  ['market profile, CPV class', await cpvAt(4), (v) => profile({ cpv: v })],
  ['supplier profile', suppliers, (v) => supplier.profile(supplier.queryOrThrow(Number(v), {}))],
];
const results = [];
for (const c of cases) {
  served = new Map();
  const [r] = await timeCases([c], runs, log);
  results.push({ ...r!, servedBy: Object.fromEntries(served) });
}
// EXPLAIN of the slowest statement of the slowest case, for its first (largest) input.
const slowestCase = cases[results.indexOf([...results].sort((a, b) => b.p95Ms - a.p95Ms)[0]!)]!;
const explained = {
  case: slowestCase[0],
  input: slowestCase[1][0],
  ...(await explaining.slowestOf(() => slowestCase[2](slowestCase[1][0]!))),
};
await explaining.destroy();
await handle.close();
console.log(
  JSON.stringify({ synthetic: true, dataset: counts, summary: state, refresh, results, explained }, null, 2),
);
