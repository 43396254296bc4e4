// Opens (and builds once) the scaled benchmark database: the real sample ingested, then its contract model copied
// until there are at least `processes` contract histories (bench/lib/scale.ts). The data folder is kept between
// runs, so every benchmark at 1 million contracts shares one build.
import { mkdirSync, chmodSync } from 'node:fs';
import { sql } from 'kysely';
import { parseArgs } from 'node:util';
import { ingestPaths } from '../../src/ocds/pipeline.js';
import { repoPath } from '../../src/paths.js';
import { openDatabase, type DbHandle } from '../../src/store/db.js';
import { scaleContractModel } from './scale.js';

export interface DatasetOptions {
  /** Target number of processes (contract histories). */
  processes: number;
  /** Embedded data folder, used when no databaseUrl is given. */
  dataDir: string;
  databaseUrl?: string | undefined;
  log?: (line: string) => void;
}

export interface Counts {
  processes: number;
  synthetic_processes: number;
  contracts: number;
  awards: number;
  organisations: number;
  buyers: number;
}

export interface Dataset {
  handle: DbHandle;
  counts: Counts;
  buildSeconds: number;
}

export async function countRows(handle: DbHandle): Promise<Counts> {
  const r = await sql<Record<string, string>>`
    select (select count(*) from process) as processes,
           (select count(*) from process where synthetic) as synthetic_processes,
           (select count(*) from contract) as contracts,
           (select count(*) from award) as awards,
           (select count(*) from organisation) as organisations,
           (select count(distinct buyer_id) from process) as buyers`.execute(handle.db);
  return Object.fromEntries(Object.entries(r.rows[0]!).map(([k, v]) => [k, Number(v)])) as unknown as Counts;
}

export async function openDataset(options: DatasetOptions): Promise<Dataset> {
  const log = options.log ?? (() => {});
  if (!options.databaseUrl) {
    mkdirSync(options.dataDir, { recursive: true });
    chmodSync(options.dataDir, 0o755); // as root, the embedded server (user postgres) must enter it
  }
  const handle = await openDatabase({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    poolSize: 8,
  });
  const t0 = performance.now();
  let counts = await countRows(handle);
  if (counts.processes === 0) {
    log('ingesting the real sample');
    await ingestPaths(handle.db, [repoPath('data', 'sample')], { source: 'sample' });
    counts = await countRows(handle);
  }
  const base = counts.processes - counts.synthetic_processes;
  if (counts.processes < options.processes) {
    // Copies commit a chunk at a time, so an interrupted build resumes after the last whole copy.
    const have = Math.floor(counts.synthetic_processes / base);
    const copies = Math.ceil((options.processes - base) / base) - have;
    log(`copying ${base} real processes ${copies} more times`);
    await scaleContractModel(handle.db, {
      copies,
      from: have + 1,
      onProgress: (done, total) => log(`  ${done}/${total} copies`),
    });
    counts = await countRows(handle);
  }
  return { handle, counts, buildSeconds: (performance.now() - t0) / 1000 };
}

/** The options every benchmark at scale takes, parsed, and the dataset opened (built on first use). */
export async function openBenchDataset(): Promise<Dataset & { runs: number; log: (line: string) => void }> {
  const { values } = parseArgs({
    options: {
      processes: { type: 'string', default: '1000000' },
      'data-dir': { type: 'string', default: '/tmp/missionbuy-1m' },
      runs: { type: 'string', default: '50' },
    },
  });
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const dataset = await openDataset({
    processes: Number(values.processes),
    dataDir: values['data-dir'],
    databaseUrl: process.env.DATABASE_URL,
    log,
  });
  return { ...dataset, runs: Number(values.runs), log };
}
