// bench/storage-floor: the least any ingest can spend storing N synthetic releases in PostgreSQL. It COPYs the raw
// JSON Lines (with a SHA-256 of each line, computed here) into a scratch table as JSONB, once without any index and
// once with the unique (ocid, id, hash) index idempotent ingest needs, and divides each time by reading +
// JSON.parse-ing the same bytes (the floor bench/ingest divides by). No validation, compile or projection.
// Usage: npm run build && node dist/bench/storage-floor.js [--releases 200000]
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase } from '../src/store/db.js';
import { lineBatches, readParseFloor, writeSyntheticInput } from './lib/read-parse.js';

const { values } = parseArgs({
  options: {
    releases: { type: 'string', default: '200000' },
  },
});

/** COPY text format: a backslash is the escape character (JSON text holds no raw tab or newline). */
async function* copyRows(file: string): AsyncGenerator<string> {
  for await (const lines of lineBatches(file)) {
    let rows = '';
    for (const line of lines) {
      const hash = createHash('sha256').update(line).digest('hex');
      rows += `\\\\x${hash}\t${line.replaceAll('\\', '\\\\')}\n`;
    }
    yield rows;
  }
}

type Variant = 'no index' | 'index' | 'staged';

const LABELS: Record<Variant, string> = {
  'no index': 'COPY, no index',
  index: 'COPY, (ocid, id, hash) index',
  staged: 'COPY to staging + insert … on conflict do nothing, unique (ocid, id, hash)',
};

/** Creates the scratch table, then times the load alone. Returns seconds and the rows the table ends with. */
async function load(
  client: pg.Client,
  file: string,
  variant: Variant,
): Promise<{ seconds: number; rows: number }> {
  await client.query('drop table if exists floor_release');
  // ocid and id are taken out of the document by PostgreSQL, as the index needs them as columns.
  await client.query(`create table floor_release (
    ocid text generated always as (data->>'ocid') stored,
    release_id text generated always as (data->>'id') stored,
    hash bytea not null,
    data jsonb not null)`);
  // The synthetic input repeats some releases exactly (as the real sample does), so only the staged load, which
  // skips those as ingest does, can have the unique index; the plain index shows what maintaining it costs.
  if (variant === 'index')
    await client.query('create index floor_identity on floor_release (ocid, release_id, hash)');
  if (variant === 'staged')
    await client.query(
      'alter table floor_release add constraint floor_identity unique (ocid, release_id, hash)',
    );
  const t0 = performance.now();
  if (variant === 'staged') {
    await client.query('begin');
    await client.query('create temp table floor_staging (hash bytea, data jsonb) on commit drop');
  }
  const target = variant === 'staged' ? 'floor_staging' : 'floor_release';
  await pipeline(
    Readable.from(copyRows(file)),
    client.query(copyFrom(`copy ${target} (hash, data) from stdin`)),
  );
  if (variant === 'staged') {
    await client.query(`insert into floor_release (hash, data) select hash, data from floor_staging
      on conflict on constraint floor_identity do nothing`);
    await client.query('commit');
  }
  const seconds = (performance.now() - t0) / 1000;
  const { rows } = await client.query<{ n: string }>('select count(*) as n from floor_release');
  return { seconds, rows: Number(rows[0]!.n) };
}

const input = await writeSyntheticInput(Number(values.releases));
const baseline = await readParseFloor(input);
const handle = await openDatabase({ dataDir: join(input.work, 'db'), poolSize: 1 });
const client = new pg.Client({ connectionString: handle.url });
await client.connect();
const results: [Variant, { seconds: number; rows: number }][] = [];
try {
  for (const variant of ['no index', 'index', 'staged'] as const)
    results.push([variant, await load(client, input.file, variant)]);
} finally {
  await client.end();
  await handle.close();
  rmSync(input.work, { recursive: true, force: true });
}

const mb = input.bytes / 1e6;
const rate = (s: number) => `${(input.count / s).toFixed(0)} releases/s, ${(mb / s).toFixed(0)} MB/s`;
console.log(`synthetic releases: ${input.count} (${mb.toFixed(0)} MB JSON Lines), stored as JSONB`);
console.log(`read + JSON.parse:           ${baseline.toFixed(2)} s  (${rate(baseline)})`);
for (const [variant, { seconds, rows }] of results) {
  console.log(`${LABELS[variant]}: ${rows} rows`);
  console.log(
    `  ${seconds.toFixed(2)} s  (${rate(seconds)})  ratio to read + parse ${(seconds / baseline).toFixed(2)}`,
  );
}
