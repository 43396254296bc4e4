// bench/horizon: the horizon scan at 1 million contract histories (issue 6: p95 ≤ 50 ms on PostgreSQL). Times the
// service's scan (a page of results plus the counts and value per 6/12/18/24-month window) for the national view
// and filtered by buyer, CPV division and region, each with its p95 and ratio to the 50 ms target: as loaded, and the
// same after `vacuum analyze` (what autovacuum does after a bulk insert: the covering indexes then serve
// index-only scans).
// The day counts are rebuilt first (timed). Usage: npm run build && node dist/bench/horizon.js [--processes 1000000] [--data-dir /tmp/missionbuy-1m] [--runs 50]
import { sql } from 'kysely';
import type { HorizonQueryInput } from '../src/services/index.js';
import { createHorizonService } from '../src/services/horizon/horizon.service.js';
import { createMissionDashboardService } from '../src/services/missions/dashboard.service.js';
import { createSocialValueService } from '../src/services/social-value/social-value.service.js';
import { refreshHorizonDayCounts } from '../src/store/horizon-day-count.repository.js';
import { openBenchDataset } from './lib/dataset.js';
import { explainingKysely } from './lib/explain.js';
import { measureCases, pickHorizonFilters } from './lib/horizon-cases.js';

const { handle, counts, runs, log } = await openBenchDataset();
const db = handle.db;
// The scan runs on a client that records its statements, to explain the slowest case's slowest one at the end.
const explaining = explainingKysely(handle.url, 8, log);
const horizon = createHorizonService({ db: explaining.db });

// Real filters from the data: the buyer with the most let contracts, the commonest CPV division and ITL1 region.
const { buyer, cpv, region } = await pickHorizonFilters(db);

// The mission filter reads each contract's missions (contract_mission), written by the missions refresh after ingest:
// refreshed here (and timed) when the dataset has none yet. The mission with the most let contracts in 24 months.
const mapped = await sql<{ any: boolean }>`select exists (select 1 from contract_mission) as any`.execute(db);
let missionsRefresh: unknown = null;
if (!mapped.rows[0]?.any) {
  log('refreshing the missions of every contract…');
  missionsRefresh = await createMissionDashboardService({
    db,
    socialValue: createSocialValueService({ db }),
    includeSynthetic: true,
  }).refresh();
}
// The national and per-mission views read the day counts (migration 0047), rebuilt after ingest: rebuilt (and timed)
// here, after the missions they count by.
log('refreshing the day counts…');
const dayCountsRefresh = await refreshHorizonDayCounts(db);
const mission = (
  await sql<{ v: string }>`
    select m.mission_id as v from contract_mission m join horizon_entry e on e.ocid = m.ocid
    where m.role in ('primary', 'secondary') group by 1 order by count(*) desc limit 1`.execute(db)
).rows[0]!.v;

const cases: [string, HorizonQueryInput][] = [
  ['national, 24 months', { months: 24 }],
  ['national, 6 months, by value', { months: 6, sort: 'value' }],
  ['buyer, 18 months', { months: 18, buyerId: buyer }],
  ['CPV division, 12 months', { months: 12, cpv }],
  ['region, 24 months', { months: 24, region }],
  ['national, 24 months, page 20', { months: 24, page: 20 }],
  ['mission, 24 months', { months: 24, mission }],
];
const measure = (state: string) =>
  measureCases(cases, { runs, state, counted: 'contracts', log }, (input) => {
    const q = horizon.queryOrThrow(input);
    return () => horizon.scan(q);
  });
const asLoaded = await measure('as loaded');
// What autovacuum does after a bulk insert (the insert threshold), done now rather than waited for.
await sql`vacuum analyze horizon_entry`.execute(db);
const vacuumed = await measure('after vacuum');
const slowest = [...vacuumed].sort((a, b) => b.p95Ms - a.p95Ms)[0]!;
const explained = {
  case: slowest.case,
  ...(await explaining.slowestOf(() => horizon.scan(horizon.queryOrThrow(slowest.filter)))),
};
await explaining.destroy();
await handle.close();
console.log(
  JSON.stringify(
    { synthetic: true, dataset: counts, missionsRefresh, dayCountsRefresh, asLoaded, vacuumed, explained },
    null,
    2,
  ),
);
