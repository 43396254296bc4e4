// bench/collaboration: the collaboration finder at 1 million contract histories (issue 6: p95 ≤ 50 ms on
// PostgreSQL). Times the service's find (a page of 25 groups with their buyers, contracts and shared incumbents) for
// the national view and filtered by buyer, CPV division, region and at class level, each with its p95 and ratio to
// the 50 ms target, as found and after `vacuum analyze horizon_entry`; then EXPLAIN (ANALYZE, BUFFERS) of the
// slowest case's main query.
// It never builds the dataset: it stops when /tmp/missionbuy-1m holds fewer processes than asked (bench/scale.js
// builds it).
// Usage: npm run build && node dist/bench/collaboration.js [--processes 1000000] [--data-dir /tmp/missionbuy-1m] [--runs 50]
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect, sql, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { CollaborationQueryInput } from '../src/services/collaboration/collaboration-query.js';
import { createCollaborationService } from '../src/services/collaboration/collaboration.service.js';
import { openDatabase } from '../src/store/db.js';
import type { Database } from '../src/store/database.js';
import { countRows } from './lib/dataset.js';
import { measureCases, pickHorizonFilters } from './lib/horizon-cases.js';

const { values } = parseArgs({
  options: {
    processes: { type: 'string', default: '1000000' },
    'data-dir': { type: 'string', default: '/tmp/missionbuy-1m' },
    runs: { type: 'string', default: '50' },
    'as-of': { type: 'string' },
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
let lastQuery: CompiledQuery | undefined;
const pool = new pg.Pool({ connectionString: handle.url, max: 4 });
const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool }),
  log: (e) => {
    if (e.level === 'query') lastQuery = e.query;
  },
});
const service = createCollaborationService({ db });
const runs = Number(values.runs);

const { buyer, cpv, region } = await pickHorizonFilters(db);
const asOf = values['as-of'];
const base = asOf ? { asOf } : {};

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

const measure = (state: string) =>
  measureCases(cases, { runs, state, counted: 'groups', log }, (input) => {
    const q = service.queryOrThrow({ ...base, ...input });
    return () => service.find(q);
  });
const asFound = await measure('as found');
await sql`vacuum analyze horizon_entry`.execute(db);
const vacuumed = await measure('after vacuum');

// EXPLAIN of the slowest case's last (main) query.
const slowest = [...vacuumed].sort((a, b) => b.p95Ms - a.p95Ms)[0]!;
await service.find(service.queryOrThrow({ ...base, ...slowest.filter }));
const main = lastQuery!;
const client = await pool.connect();
const plan = await client.query<{ 'QUERY PLAN': string }>(
  `explain (analyze, buffers) ${main.sql}`,
  main.parameters as unknown[],
);
client.release();
await db.destroy();
await handle.close();
console.log(
  JSON.stringify(
    {
      synthetic: true,
      dataset: counts,
      filters: { buyer, cpv, region },
      asFound,
      vacuumed,
      slowest: slowest.case,
    },
    null,
    2,
  ),
);
console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
