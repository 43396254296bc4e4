// bench/ingest: end-to-end ingest (parse + validate + store + compile + project) of N synthetic releases into a
// fresh embedded PostgreSQL, against merely reading the same bytes and JSON.parse-ing each line.
// Target (design.md §8): ingest time ≤ 2.5 × read+parse time; memory bounded (Node RSS ≤ 512 MB).
// Prints the busy time of each stage (read/parse, validate, hash, store, queue, compile, project) after the totals.
// Usage: npm run build && node dist/bench/ingest.js [--releases 200000] [--compile-batch 500]
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { newStageTimes, STAGES, type StageTimes } from '../src/ocds/ingest/stage-times.js';
import { ingestPaths } from '../src/ocds/pipeline.js';
import { openDatabase } from '../src/store/db.js';
import { readParseFloor, writeSyntheticInput } from './lib/read-parse.js';

const { values } = parseArgs({
  options: {
    releases: { type: 'string', default: '200000' },
    child: { type: 'string' },
    dir: { type: 'string' },
    'compile-batch': { type: 'string' },
  },
});

if (values.child) {
  // Child mode: one ingest in a clean process, so its peak RSS is the ingest's own.
  const handle = await openDatabase({ dataDir: values.dir!, poolSize: 4 });
  const times = newStageTimes();
  const t0 = performance.now();
  const compileBatchSize = values['compile-batch'] ? Number(values['compile-batch']) : undefined;
  const summary = await ingestPaths(handle.db, [values.child], {
    source: 'bench',
    synthetic: true,
    times,
    ...(compileBatchSize ? { compileBatchSize } : {}),
  });
  const seconds = (performance.now() - t0) / 1000;
  await handle.close();
  process.stdout.write(
    JSON.stringify({ ...summary, times, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
  );
  process.exit(0);
}

const input = await writeSyntheticInput(Number(values.releases));
const { work, file, count, bytes } = input;
const baseline = await readParseFloor(input);
const child = spawnSync(
  process.execPath,
  // The same V8 heap cap as bin/missionbuy.js, so the figure is the CLI's.
  [
    '--max-old-space-size=256',
    fileURLToPath(import.meta.url),
    '--child',
    file,
    '--dir',
    join(work, 'db'),
    ...(values['compile-batch'] ? ['--compile-batch', values['compile-batch']] : []),
  ],
  {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
if (child.status !== 0) throw new Error(`ingest child failed with status ${child.status}`);
const r = JSON.parse(child.stdout) as {
  stored: number;
  seconds: number;
  maxRssMb: number;
  compiled: number;
  times: StageTimes;
};
rmSync(work, { recursive: true, force: true });

const mb = bytes / 1e6;
console.log(`synthetic releases: ${count} (${mb.toFixed(0)} MB JSON Lines, scaled from the real sample)`);
console.log(
  `read + JSON.parse:  ${baseline.toFixed(2)} s  (${(count / baseline).toFixed(0)} releases/s, ${(mb / baseline).toFixed(0)} MB/s)`,
);
console.log(
  `ingest end-to-end:  ${r.seconds.toFixed(2)} s  (${(count / r.seconds).toFixed(0)} releases/s, ${(mb / r.seconds).toFixed(1)} MB/s), ${r.stored} stored, ${r.compiled} records`,
);
console.log(`peak RSS (ingest process): ${r.maxRssMb.toFixed(0)} MB (limit 512 MB)`);
console.log(`ratio ingest / read+parse: ${(r.seconds / baseline).toFixed(2)} (target ≤ 2.5)`);
console.log(
  'busy time per stage (stages overlap: reading and validating go on while batches are stored and compiled):',
);
for (const stage of STAGES) {
  const seconds = r.times[stage] / 1000;
  console.log(
    `  ${stage.padEnd(9)} ${seconds.toFixed(2).padStart(8)} s  ${((100 * seconds) / r.seconds).toFixed(0).padStart(3)} % of end-to-end  ${(seconds / baseline).toFixed(2)} × read+parse`,
  );
}
