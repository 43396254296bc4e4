// bench/quality: data-quality scoring at 1 million contract histories (issue 5). Prints:
//   - the time to score every organisation (a full refresh of the stored snapshot: today + 4 trend quarters),
//   - an incremental refresh after one buyer's records change (what a sync or ingest triggers),
//   - p95 of the slowest organisation's scorecard (the buyer with the most records) and of league-table pages,
// each page figure with its ratio to the 50 ms per-query target of design.md §8.
// Usage: npm run build && node dist/bench/quality.js [--processes 1000000] [--data-dir /tmp/missionbuy-1m] [--runs 50]
import { sql } from 'kysely';
import { ukDay } from '../src/domain/rules/index.js';
import { refreshQuality } from '../src/services/quality-refresh.js';
import { createQualityService } from '../src/services/quality.service.js';
import { openBenchDataset } from './lib/dataset.js';
import { percentile, timeRuns } from './lib/timing.js';

const { handle, counts, runs, log } = await openBenchDataset();
const db = handle.db;
const asOf = ukDay(new Date())!;

log('full refresh (scoring every organisation)…');
const full = await refreshQuality(db, { asOf, full: true });

// The slowest organisation's page: the buyer with the most records.
const biggest = await sql<{ buyer_id: string; n: string }>`
  select buyer_id, count(*) as n from process where buyer_id is not null
  group by buyer_id order by count(*) desc limit 1`.execute(db);
const slowId = Number(biggest.rows[0]!.buyer_id);

log('incremental refresh after one buyer changes…');
await sql`insert into quality_queue (ocid) select ocid from process where buyer_id = ${slowId}`.execute(db);
const incremental = await refreshQuality(db, { asOf });

const quality = createQualityService({ db, today: () => asOf });
log(`scorecard of organisation ${slowId} (${biggest.rows[0]!.n} records) × ${runs}…`);
const scorecard = await timeRuns(runs, () => quality.scorecard(slowId));
const leagueTotal = (await quality.league({})).total;
const lastPage = Math.ceil(leagueTotal / 100);
log(`league pages × ${runs}…`);
const league = await timeRuns(runs, (i) =>
  quality.league({
    sort: (['score', 'name', 'failures'] as const)[i % 3],
    page: 1 + ((i * 7919) % lastPage),
    pageSize: 100,
  }),
);
await handle.close();

const ms = (x: number) => Math.round(x * 10) / 10;
const p95Scorecard = percentile(scorecard, 95);
const p95League = percentile(league, 95);
console.log(
  JSON.stringify(
    {
      synthetic: true,
      dataset: counts,
      fullRefresh: { seconds: full.seconds, buyers: full.buyers },
      incrementalRefresh: {
        seconds: incremental.seconds,
        buyers: incremental.buyers,
        kind: incremental.kind,
      },
      slowestScorecard: {
        organisation: slowId,
        records: Number(biggest.rows[0]!.n),
        p50Ms: ms(percentile(scorecard, 50)),
        p95Ms: ms(p95Scorecard),
        ratioToTarget50ms: Math.round((p95Scorecard / 50) * 100) / 100,
      },
      leaguePage: {
        organisations: leagueTotal,
        p50Ms: ms(percentile(league, 50)),
        p95Ms: ms(p95League),
        ratioToTarget50ms: Math.round((p95League / 50) * 100) / 100,
      },
    },
    null,
    2,
  ),
);
