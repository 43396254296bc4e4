// bench/horizon: the horizon scan at 1 million contract histories (issue 6: p95 ≤ 50 ms on PostgreSQL). Times the
// service's scan (a page of results plus the counts and value per 6/12/18/24-month window) for the national view
// and filtered by buyer, CPV division and region, each with its p95 and ratio to the 50 ms target: as loaded, and the
// same after `vacuum analyze` (what autovacuum does after a bulk insert: the covering indexes then serve
// index-only scans).
// Usage: npm run build && node dist/bench/horizon.js [--processes 1000000] [--data-dir /tmp/missionbuy-1m] [--runs 50]
import { sql } from 'kysely';
import type { HorizonQueryInput } from '../src/services/index.js';
import { createHorizonService } from '../src/services/horizon/horizon.service.js';
import { openBenchDataset } from './lib/dataset.js';
import { percentile, timeRuns } from './lib/timing.js';

const { handle, counts, runs, log } = await openBenchDataset();
const db = handle.db;
const horizon = createHorizonService({ db });

// Real filters from the data: the buyer with the most let contracts, the commonest CPV division and ITL1 region.
const pick = async (query: ReturnType<typeof sql<{ v: string }>>) => (await query.execute(db)).rows[0]!.v;
const buyer = await pick(sql<{ v: string }>`
  select buyer_id::text as v from horizon_entry where buyer_id is not null
  group by buyer_id order by count(*) desc limit 1`);
const cpv = await pick(sql<{ v: string }>`
  select c as v from horizon_entry, unnest(cpv_prefixes) c where length(c) = 2
  group by c order by count(*) desc limit 1`);
const region = await pick(sql<{ v: string }>`
  select r as v from horizon_entry, unnest(region_prefixes) r where length(r) = 3
  group by r order by count(*) desc limit 1`);

const cases: [string, HorizonQueryInput][] = [
  ['national, 24 months', { months: 24 }],
  ['national, 6 months, by value', { months: 6, sort: 'value' }],
  ['buyer, 18 months', { months: 18, buyerId: buyer }],
  ['CPV division, 12 months', { months: 12, cpv }],
  ['region, 24 months', { months: 24, region }],
  ['national, 24 months, page 20', { months: 24, page: 20 }],
];
/** Every case timed; `state` says whether autovacuum had set the visibility map (index-only scans) or not yet. */
async function measure(state: string) {
  const results = [];
  for (const [name, input] of cases) {
    const q = horizon.queryOrThrow(input);
    log(`${state}: ${name} × ${runs}…`);
    const times = await timeRuns(runs, () => horizon.scan(q));
    const total = (await horizon.scan(q)).total;
    const p95 = percentile(times, 95);
    results.push({
      case: name,
      filter: input,
      contracts: total,
      p50Ms: Math.round(percentile(times, 50) * 10) / 10,
      p95Ms: Math.round(p95 * 10) / 10,
      ratioToTarget50ms: Math.round((p95 / 50) * 100) / 100,
    });
  }
  return results;
}
const asLoaded = await measure('as loaded');
// What autovacuum does after a bulk insert (the insert threshold), done now rather than waited for.
await sql`vacuum analyze horizon_entry`.execute(db);
const vacuumed = await measure('after vacuum');
await handle.close();
console.log(JSON.stringify({ synthetic: true, dataset: counts, asLoaded, vacuumed }, null, 2));
