// bench/redflags: the red-flag list per buyer at 1 million contract histories (issue 6: p95 ≤ 50 ms on
// PostgreSQL). Times ~50 varied requests of the buyer's red-flags page call (first page of 50 flagged results, with
// the summary per flag), for buyers spread from the largest to small ones. The flagged list is read from the stored
// results (docs/red-flags.md, "Stored results"): the refresh that fills them is timed first (a full one when every
// buyer is queued, as after migration 0030), then an incremental one after the largest buyer's records change.
// The national list (every buyer's stored flagged results, filtered and paged: src/services/redflags-national.ts) is
// timed over varied filters, sorts and pages. With BENCH_REFRESH=sample only the benchmarked buyers have stored
// results; BENCH_NATIONAL_FILL=copy then gives every other buyer a copy of one benchmarked buyer's results (said so
// in the output), so the national read runs on a table of the size a full refresh would give; BENCH_NATIONAL_TIMES=k
// then stores each result k times (a bigger table than the synthetic records give; the copies of an earlier run are
// replaced, so it can run again on the same dataset). Both lists are timed as loaded, then after `vacuum analyze`;
// the national list's slowest input is then explained (EXPLAIN ANALYZE of its slowest statement).
// Usage: npm run build && node dist/bench/redflags.js [--processes 1000000] [--data-dir /tmp/missionbuy-1m] [--runs 50]
import { sql } from 'kysely';
import { RED_FLAGS } from '../src/analytics/redflags/index.js';
import { refreshRedFlags } from '../src/services/redflags-refresh.js';
import { createRedFlagsService } from '../src/services/redflags.service.js';
import { queueRedFlagBuyers } from '../src/store/redflag-store.repository.js';
import { openBenchDataset } from './lib/dataset.js';
import { explainingKysely } from './lib/explain.js';
import { timeCases } from './lib/timing.js';

const { handle, counts, runs, log } = await openBenchDataset();
const db = handle.db;
// The lists are read through a client that records their statements, to explain the slowest at the end.
const explaining = explainingKysely(handle.url, 8, log);
const redflags = createRedFlagsService({ db: explaining.db });
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
// A full refresh judges every queued buyer (all 12,000 after migration 0030: as long as the quality full refresh).
// With BENCH_REFRESH=sample only the benchmarked buyers are kept in the queue (the others keep being judged on
// request), to time the stored reads when a full refresh does not fit in the time at hand.
if (process.env.BENCH_REFRESH === 'sample') {
  await sql`delete from red_flag_queue where buyer_id <> all(${buyers.map((b) => Number(b.v))}::bigint[])`.execute(
    db,
  );
  log('queue cut to the benchmarked buyers (BENCH_REFRESH=sample)');
}
log('refreshing the stored red flags (every queued buyer)…');
const fullRefresh = {
  ...(await refreshRedFlags(db)),
  records:
    process.env.BENCH_REFRESH === 'sample' ? buyers.reduce((a, b) => a + Number(b.n), 0) : counts.processes,
  scope: process.env.BENCH_REFRESH === 'sample' ? 'benchmarked buyers' : 'every queued buyer',
};
await queueRedFlagBuyers(db, [Number(buyers[0]!.v)]);
const incrementalRefresh = await refreshRedFlags(db);
const nationalFill = process.env.BENCH_NATIONAL_FILL === 'copy' ? await fillNational() : null;
const storedResults = Number(
  (await sql<{ n: string }>`select count(*)::text as n from red_flag_result`.execute(db)).rows[0]!.n,
);
log(`stored flagged results: ${storedResults}`);
const regions = ['TLC', 'TLD', 'TLE', 'TLF', 'TLG', 'TLH', 'TLI', 'TLJ', 'TLK', 'TLL', 'TLM', 'TLN'];
const nationalInputs = [
  {},
  ...RED_FLAGS.map((f) => ({ flag: f.id })),
  { severity: 'high' },
  { severity: 'medium' },
  ...regions.map((region) => ({ region })),
  ...['45', '72', '79', '33', '90'].map((cpv) => ({ cpv })),
  { region: 'TLI', flag: 'single-bid' },
  { sort: 'buyer' },
  ...[2, 10, 50, 150].map((page) => ({ page })),
  ...buyers.slice(0, 10).map((b) => ({ buyerId: b.v })),
].map((x) => JSON.stringify(x));
const cases: Parameters<typeof timeCases>[0] = [
  [
    'red flags per buyer',
    buyers.map((b) => b.v),
    (v) => redflags.flags({ buyerId: v, status: 'flagged', pageSize: 50 }),
  ],
  [
    'national red flags (filters, sorts, pages)',
    nationalInputs,
    (v) => redflags.national({ ...(JSON.parse(v) as Record<string, string>), pageSize: 50 }),
  ],
];
const results = await timeCases(cases, runs, log);
// What autovacuum does after the refresh's (and the fill's) bulk insert, done now rather than waited for: counting
// in list order is then an index-only scan (docs/performance.md, "Red flags: national list, count apart from the
// page").
await sql`vacuum analyze red_flag_result, red_flag_buyer`.execute(db);
const vacuumed = await timeCases(cases, runs, log);
// EXPLAIN (ANALYZE, BUFFERS) of the slowest statement of the national list's slowest input, vacuumed.
const national = vacuumed[1]!;
const explained = {
  input: national.slowest,
  ...(await explaining.slowestOf(() =>
    redflags.national({ ...(JSON.parse(national.slowest) as Record<string, string>), pageSize: 50 }),
  )),
};
await explaining.destroy();
await handle.close();
console.log(
  JSON.stringify(
    {
      synthetic: true,
      dataset: counts,
      fullRefresh,
      incrementalRefresh,
      largestBuyerRecords: Number(buyers[0]!.n),
      storedResults,
      nationalFill,
      results,
      vacuumed,
      explained,
    },
    null,
    2,
  ),
);

/** BENCH_NATIONAL_FILL=copy: every buyer without stored results gets a copy of a refreshed buyer's (synthetic). */
async function fillNational() {
  log(
    'filling every other buyer with a copy of a refreshed buyer’s stored results (BENCH_NATIONAL_FILL=copy)…',
  );
  await sql`
    create temporary table fill_pair as
    with donors as (select buyer_id, row_number() over (order by buyer_id) - 1 as k from red_flag_buyer),
    targets as (
      select buyer_id, row_number() over (order by buyer_id) as rn
      from (select distinct buyer_id from process where buyer_id is not null) p
      where not exists (select 1 from red_flag_buyer b where b.buyer_id = p.buyer_id))
    select t.buyer_id as target, d.buyer_id as donor
    from targets t join donors d on d.k = t.rn % (select count(*) from donors)`.execute(db);
  await sql`insert into red_flag_buyer (buyer_id, records, summary)
    select f.target, b.records, b.summary from fill_pair f join red_flag_buyer b on b.buyer_id = f.donor`.execute(
    db,
  );
  await sql`insert into red_flag_result (buyer_id, position, ocid, flag_id, severity, result, cpv_main, region_prefixes)
    select f.target, r.position, r.ocid, r.flag_id, r.severity, r.result, r.cpv_main, r.region_prefixes
    from fill_pair f join red_flag_result r on r.buyer_id = f.donor`.execute(db);
  await sql`delete from red_flag_queue q using fill_pair f where q.buyer_id = f.target`.execute(db);
  // BENCH_NATIONAL_TIMES=k: each stored result k times (more positions per buyer), for a table of a real dataset's
  // size (the synthetic records raise few flags).
  const times = Number(process.env.BENCH_NATIONAL_TIMES ?? '1');
  // The copies of an earlier run go first, so that the bench can run again on the same dataset.
  await sql`delete from red_flag_result where position >= 1000000`.execute(db);
  for (let k = 1; k < times; k++)
    await sql`insert into red_flag_result (buyer_id, position, ocid, flag_id, severity, result, cpv_main, region_prefixes)
      select buyer_id, position + ${k * 1_000_000}, ocid, flag_id, severity, result, cpv_main, region_prefixes
      from red_flag_result where position < 1000000`.execute(db);
  await sql`analyze red_flag_buyer`.execute(db);
  await sql`analyze red_flag_result`.execute(db);
  const n = await sql<{ n: string }>`select count(*)::text as n from fill_pair`.execute(db);
  return { synthetic: true, buyersFilledByCopy: Number(n.rows[0]!.n), eachResultTimes: times };
}
