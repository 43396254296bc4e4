// bench/redflags: the red-flag list per buyer at 1 million contract histories (issue 6: p95 ≤ 50 ms on
// PostgreSQL). Times ~50 varied requests of the buyer's red-flags page call (first page of 50 flagged results, with
// the summary per flag), for buyers spread from the largest to small ones. There is no national red-flag list yet:
// flags are computed per buyer on request (docs/red-flags.md), so a national list would need stored results.
// Usage: npm run build && node dist/bench/redflags.js [--processes 1000000] [--data-dir /tmp/missionbuy-1m] [--runs 50]
import { sql } from 'kysely';
import { createRedFlagsService } from '../src/services/redflags.service.js';
import { openBenchDataset } from './lib/dataset.js';
import { timeCases } from './lib/timing.js';

const { handle, counts, runs, log } = await openBenchDataset();
const db = handle.db;
const redflags = createRedFlagsService({ db });
const all = (
  await sql<{ v: string; n: string }>`
    select buyer_id::text as v, count(*)::text as n from process where buyer_id is not null
    group by 1 order by count(*) desc`.execute(db)
).rows;
const buyers = Array.from(
  { length: Math.min(runs, all.length) },
  (_, i) => all[Math.floor((i * all.length) / runs)]!,
);
log(`buyers' records: largest ${buyers[0]!.n}, smallest ${buyers.at(-1)!.n}`);
const results = await timeCases(
  [
    [
      'red flags per buyer',
      buyers.map((b) => b.v),
      (v) => redflags.flags({ buyerId: v, status: 'flagged', pageSize: 50 }),
    ],
  ],
  runs,
  log,
);
await handle.close();
console.log(JSON.stringify({ synthetic: true, dataset: counts, results }, null, 2));
