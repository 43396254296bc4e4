// bench/ingest: end-to-end ingest (parse + validate + store + compile + project) of N synthetic releases into a
// fresh embedded PostgreSQL, against merely reading the same bytes and JSON.parse-ing each line.
// Target (design.md §8): ingest time ≤ 2.5 × read+parse time; memory bounded (Node RSS ≤ 512 MB).
// Prints the busy time of each stage (read/parse, validate, hash, store, queue, compile, project) after the totals.
// With --statements, also the client-side time of each kind of SQL statement (the 20 longest).
// Usage: npm run build && node dist/bench/ingest.js [--releases 200000] [--compile-batch 500] [--statements]
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { newStageTimes, STAGES, type StageTimes } from '../src/ocds/ingest/stage-times.js';
import { ingestPaths } from '../src/ocds/pipeline.js';
import { openDatabase } from '../src/store/db.js';
import { readParseFloor, writeSyntheticInput } from './lib/read-parse.js';
import { pipelineCpu, postgresCpuMs } from './lib/cpu-budget.js';
import { percentile } from './lib/timing.js';
import { loggedKysely, topStatements, type StatementTime } from './lib/statement-times.js';

const { values } = parseArgs({
  options: {
    releases: { type: 'string', default: '200000' },
    child: { type: 'string' },
    dir: { type: 'string' },
    'compile-batch': { type: 'string' },
    statements: { type: 'boolean', default: false },
  },
});

if (values.child) {
  // Child mode: one ingest in a clean process, so its peak RSS is the ingest's own.
  const handle = await openDatabase({ dataDir: values.dir!, poolSize: 4 });
  const logged = values.statements ? loggedKysely(handle.url, 4) : undefined;
  const times = newStageTimes();
  const pgDir = join(values.dir!, 'pg');
  const pgCpu0 = postgresCpuMs(pgDir);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const compileBatchSize = values['compile-batch'] ? Number(values['compile-batch']) : undefined;
  // The time between one compiled batch and the next: the critical path's pace, batch by batch.
  const batchMs: number[] = [];
  let compiledSoFar = 0;
  let lastBatchAt = t0;
  const summary = await ingestPaths(logged?.db ?? handle.db, [values.child], {
    source: 'bench',
    synthetic: true,
    times,
    onProgress: (p) => {
      if (p.compiled === compiledSoFar) return;
      compiledSoFar = p.compiled;
      const now = performance.now();
      batchMs.push(now - lastBatchAt);
      lastBatchAt = now;
    },
    ...(compileBatchSize ? { compileBatchSize } : {}),
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const nodeCpuMs = (cpu.user + cpu.system) / 1000;
  const pgCpuMs = postgresCpuMs(pgDir) - pgCpu0;
  await logged?.db.destroy();
  await handle.close();
  const statements = logged ? topStatements(logged.times, 20) : [];
  process.stdout.write(
    JSON.stringify({
      ...summary,
      times,
      seconds,
      statements,
      nodeCpuMs,
      pgCpuMs,
      batchMs,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
  process.exit(0);
}

const input = await writeSyntheticInput(Number(values.releases));
const { work, file, count, bytes } = input;
const floorCpu0 = process.cpuUsage();
const baseline = await readParseFloor(input);
const floorCpu = process.cpuUsage(floorCpu0);
const floorCpuMs = (floorCpu.user + floorCpu.system) / 1000 / 3; // three runs
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
    ...(values.statements ? ['--statements'] : []),
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
  statements: StatementTime[];
  nodeCpuMs: number;
  pgCpuMs: number;
  batchMs: number[];
};
const stagesCpu = await pipelineCpu(file);
rmSync(work, { recursive: true, force: true });

const mb = bytes / 1e6;
console.log(`synthetic releases: ${count} (${mb.toFixed(0)} MB JSON Lines, scaled from the real sample)`);
console.log(
  `read + JSON.parse:  ${baseline.toFixed(2)} s  (${(count / baseline).toFixed(0)} releases/s, ${(mb / baseline).toFixed(0)} MB/s)`,
);
console.log(
  `ingest end-to-end:  ${r.seconds.toFixed(2)} s  (${(count / r.seconds).toFixed(0)} releases/s, ${(mb / r.seconds).toFixed(1)} MB/s), ${r.stored} stored, ${r.compiled} records`,
);
if (r.batchMs.length > 0)
  console.log(
    `compile batches: ${r.batchMs.length}, one every p50 ${percentile(r.batchMs, 50).toFixed(0)} ms, p95 ${percentile(r.batchMs, 95).toFixed(0)} ms (from the end of the previous one)`,
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
if (r.statements.length > 0) {
  console.log('client-side time per kind of SQL statement (the 20 longest; calls, total):');
  for (const st of r.statements)
    console.log(
      `  ${String(st.calls).padStart(6)} × ${(st.ms / 1000).toFixed(2).padStart(7)} s  ${st.statement}`,
    );
}

// CPU budget: the least CPU the required work takes per release against what the target allows on two cores.
const us = (ms: number) => ((1000 * ms) / count).toFixed(0).padStart(6);
const nodeStages = Object.values(stagesCpu.ms).reduce((a, b) => a + b, 0);
const budgetMs = 2.5 * baseline * 1000 * 2;
console.log('CPU budget (µs of CPU per release; a contended machine inflates CPU time too):');
console.log(`  read + JSON.parse floor ${us(floorCpuMs)}  (wall ${us(baseline * 1000)})`);
for (const [stage, ms] of Object.entries(stagesCpu.ms))
  console.log(
    `  ${stage.padEnd(22)} ${us(ms)}  (isolated loop over the same ${stagesCpu.releases} releases)`,
  );
console.log(`  Node stages, sum       ${us(nodeStages)}`);
console.log(`  Node, whole ingest     ${us(r.nodeCpuMs)}  (ingest child, process.cpuUsage)`);
console.log(`  PostgreSQL, ingest     ${us(r.pgCpuMs)}  (postmaster and its children, /proc)`);
console.log(`  least required         ${us(nodeStages + r.pgCpuMs)}  (Node stages + PostgreSQL)`);
console.log(
  `  budget at ≤ 2.5        ${us(budgetMs)}  (2.5 × read+parse wall × 2 cores); required / budget ${((nodeStages + r.pgCpuMs) / budgetMs).toFixed(2)}`,
);
