// bench/collaboration: the collaboration finder at 1 million contract histories (issue 6: p95 ≤ 50 ms on
// PostgreSQL). Rebuilds the stored summary as of the day asked (default today; timed: the refresh's cost), then times
// the service's find (a page of 25 groups with their buyers, contracts and shared incumbents) for the national view
// (6, 12, 24 months, a page deep) and filtered by buyer, CPV division, region and at class level, each with its p50,
// p95 and ratio to the 50 ms target, from the summary; with --direct the same cases from the contracts (no summary:
// the as-of day moved one day on); then EXPLAIN (ANALYZE, BUFFERS) of the slowest summary case's slowest statement.
// It never builds the dataset: it stops when /tmp/missionbuy-1m holds fewer processes than asked (bench/scale.js
// builds it).
// Usage: npm run build && node dist/bench/collaboration.js [--processes 1000000] [--data-dir /tmp/missionbuy-1m]
//   [--runs 50] [--as-of 2026-12-06] [--direct]
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import type { CollaborationQueryInput } from '../src/services/collaboration/collaboration-query.js';
import { createCollaborationService } from '../src/services/collaboration/collaboration.service.js';
import { refreshCollaboration } from '../src/services/collaboration/summary-refresh.js';
import { addDays, ukDay } from '../src/domain/rules/index.js';
import { openDatabase } from '../src/store/db.js';
import { countRows } from './lib/dataset.js';
import { explainingKysely } from './lib/explain.js';
import { measureCases, pickHorizonFilters } from './lib/horizon-cases.js';

const { values } = parseArgs({
  options: {
    processes: { type: 'string', default: '1000000' },
    'data-dir': { type: 'string', default: '/tmp/missionbuy-1m' },
    runs: { type: 'string', default: '50' },
    'as-of': { type: 'string' },
    direct: { type: 'boolean', default: false },
  },
});
const log = (line: string) => process.stderr.write(`${line}\n`);
const handle = await openDatabase({
  databaseUrl: process.env.DATABASE_URL,
  dataDir: values['data-dir'],
  poolSize: 4,
});
const counts = await countRows(handle);
if (counts.processes < Number(values.processes)) {
  await handle.close();
  log(
    `the dataset holds ${counts.processes} processes, fewer than ${values.processes}: build it with bench/scale.js`,
  );
  process.exit(2);
}
// A second client on the same server that records the SQL it runs, for EXPLAIN.
const explaining = explainingKysely(handle.url, 4, log);
const db = explaining.db;
const runs = Number(values.runs);
const asOf = values['as-of'] ?? ukDay(new Date())!;
const service = createCollaborationService({ db, today: () => asOf });

const { buyer, cpv, region } = await pickHorizonFilters(db);
log(`refreshing the summary as of ${asOf}…`);
const refresh = await refreshCollaboration(db, asOf);
const summaryTables: { table: string; rows: number; size: string }[] = [];
for (const table of ['collaboration_cell', 'collaboration_contract', 'collaboration_supplier']) {
  const r = await sql<{ rows: number; size: string }>`
    select (select count(*) from ${sql.table(table)})::int as rows,
      pg_size_pretty(pg_total_relation_size(${table}::regclass)) as size`.execute(db);
  summaryTables.push({ table, ...r.rows[0]! });
}

const cases: [string, CollaborationQueryInput][] = [
  ['national, 12 months', {}],
  ['national, 24 months', { windowMonths: 24 }],
  ['national, 6 months, soonest decision', { windowMonths: 6, sort: 'decision' }],
  ['national, 12 months, page 5', { page: 5 }],
  ['buyer (most let contracts), 12 months', { buyerId: buyer }],
  ['CPV division, 12 months', { cpv }],
  ['ITL1 region, 12 months', { region }],
  ['CPV class level, 12 months', { level: 'class' }],
];

const measure = (state: string, day: string, n: number) =>
  measureCases(cases, { runs: n, state, counted: 'groups', log }, (input) => {
    const q = service.queryOrThrow({ ...input, asOf: day });
    return () => service.find(q);
  });
const summary = await measure('summary', asOf, runs);
// The next day has no summary: the direct path (fewer runs, it is slow).
const direct = values.direct ? await measure('direct', addDays(asOf, 1), Math.min(runs, 5)) : undefined;

// EXPLAIN of the slowest case's slowest (main) query.
const slowest = [...summary].sort((a, b) => b.p95Ms - a.p95Ms)[0]!;
const explained = await explaining.slowestOf(() =>
  service.find(service.queryOrThrow({ ...slowest.filter, asOf })),
);
await explaining.destroy();
await handle.close();
console.log(
  JSON.stringify(
    {
      synthetic: true,
      dataset: counts,
      filters: { buyer, cpv, region },
      asOf,
      refresh,
      summaryTables,
      summary,
      direct,
      slowest: { case: slowest.case, ms: explained.ms, sql: explained.sql },
    },
    null,
    2,
  ),
);
console.log(explained.plan.join('\n'));
