// bench/ingest-check: ingests N synthetic releases (the real sample scaled) into a fresh embedded PostgreSQL and
// prints, for every table the ingest writes, its row count and an MD5 of its rows (columns a clock fills — default
// now() — left out). Two builds that store the same results print the same lines: run it before and after a change
// to the ingest path and diff the output. The records are compiled after the store, in one drain, so which
// batch a record lands in — and the ids and queue rows that follow from that — does not depend on timing.
// With --sample, the real sample (data/sample) instead.
// Usage: npm run build && node dist/bench/ingest-check.js [--releases 3000 | --sample]
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { compilePending, ingestPaths } from '../src/ocds/pipeline.js';
import { openDatabase } from '../src/store/db.js';
import { repoPath } from '../src/paths.js';
import { writeSyntheticInput } from './lib/read-parse.js';
import { OCID_TABLES } from './lib/scale.js';

const { values } = parseArgs({
  options: { releases: { type: 'string', default: '3000' }, sample: { type: 'boolean', default: false } },
});

/** The tables an ingest writes: releases, quarantine, records, organisations, the contract model and its summaries. */
const TABLES = [
  'release',
  'quarantine',
  'record',
  'compile_queue',
  'organisation',
  'organisation_identifier',
  ...OCID_TABLES,
  'quality_queue',
  'red_flag_queue',
];

const input = await writeSyntheticInput(Number(values.releases));
const handle = await openDatabase({ dataDir: join(input.work, 'db'), poolSize: 4 });
try {
  const sample = values.sample ?? false;
  await ingestPaths(handle.db, [sample ? repoPath('data', 'sample') : input.file], {
    source: 'bench',
    synthetic: !sample,
    compile: false,
  });
  await compilePending(handle.db);
  for (const table of TABLES) {
    const cols = await sql<{ column_name: string }>`
      select column_name from information_schema.columns
      where table_schema = 'public' and table_name = ${table}
        and coalesce(column_default, '') not like '%now()%'
      order by ordinal_position`.execute(handle.db);
    const list = sql.join(cols.rows.map((c) => sql.ref(c.column_name)));
    const r = await sql<{ n: number; md5: string | null }>`
      select count(*)::int as n, md5(string_agg(t::text, E'\n' order by t::text)) as md5
      from (select ${list} from ${sql.table(table)}) t`.execute(handle.db);
    console.log(`${table.padEnd(24)} ${String(r.rows[0]!.n).padStart(7)}  ${r.rows[0]!.md5 ?? '-'}`);
  }
} finally {
  await handle.close();
  rmSync(input.work, { recursive: true, force: true });
}
