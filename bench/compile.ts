// bench/compile: OCDS merge throughput on real Contracts Finder releases, already parsed (the merge alone), on one
// thread and on every core with worker threads, against the Python reference ocds-merge (≈ 3,900 releases/s on
// this machine kind, issue #3). Also checks the output: the fast tree merge must equal the reference port of
// ocds-merge's own algorithm on every record.
//   node dist/bench/compile.js [--seconds 3]
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createCompiledRelease, getMergeRules, type MergeRules } from '../src/ocds/compile/index.js';
import { compileReference } from '../src/ocds/compile/merge-flat.js';
import { ruleRoot } from '../src/ocds/compile/rules.js';
import { sortReleases } from '../src/ocds/compile/sort.js';
import { readInputs } from '../src/ocds/parse/index.js';
import { loadReleaseSchema } from '../src/ocds/schema/index.js';
import { upgradeRelease10to11 } from '../src/ocds/upgrade/index.js';
import { repoPath } from '../src/paths.js';

const PYTHON_OCDS_MERGE = 3_900; // releases/s, issue #3
const TARGET_RATIO = 10;

type Json = Record<string, unknown>;

/** The real Contracts Finder releases of the sample, grouped by ocid (1.0 ones upgraded as ingest does). */
async function loadGroups(): Promise<Json[][]> {
  const byOcid = new Map<string, Json[]>();
  const items = readInputs([repoPath('data/sample/contracts-finder')], {
    upgrade: (r, from) => (from === '1.0' ? upgradeRelease10to11(r as Json) : r),
  });
  for await (const item of items) {
    if (item.kind !== 'release') continue;
    const r = item.value as Json;
    if (typeof r.ocid !== 'string' || typeof r.date !== 'string') continue;
    byOcid.set(r.ocid, [...(byOcid.get(r.ocid) ?? []), r]);
  }
  return [...byOcid.values()];
}

/** Merges every group again and again for `seconds`; returns releases merged per second. */
function run(groups: Json[][], rules: MergeRules, seconds: number): number {
  const releases = groups.reduce((n, g) => n + g.length, 0);
  let merged = 0;
  const t0 = performance.now();
  const until = t0 + seconds * 1000;
  do {
    for (const g of groups) createCompiledRelease(g, rules);
    merged += releases;
  } while (performance.now() < until);
  return merged / ((performance.now() - t0) / 1000);
}

const rules = getMergeRules(loadReleaseSchema());

if (!isMainThread) {
  const { seconds } = workerData as { seconds: number };
  const groups = await loadGroups();
  run(groups, rules, 0.5); // warm up
  parentPort!.postMessage(run(groups, rules, seconds));
} else {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '3' } } });
  const seconds = Number(values.seconds);
  const groups = await loadGroups();
  const releases = groups.reduce((n, g) => n + g.length, 0);

  let differ = 0;
  for (const g of groups) {
    const fast = createCompiledRelease(g, rules).compiled;
    const reference = compileReference(sortReleases(g), ruleRoot(rules)).compiled;
    if (JSON.stringify(fast) !== JSON.stringify(reference)) differ++;
  }

  run(groups, rules, 1); // warm up the JIT
  const single = run(groups, rules, seconds);
  const threads = availableParallelism();
  const rates = await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<number>((resolve, reject) => {
          const w = new Worker(new URL(import.meta.url), { workerData: { seconds } });
          w.once('message', resolve);
          w.once('error', reject);
        }),
    ),
  );
  const parallel = rates.reduce((a, b) => a + b, 0);

  console.log(
    `input: ${releases} real Contracts Finder releases in ${groups.length} records (data/sample/contracts-finder)`,
  );
  console.log(
    `identical to the reference port of ocds-merge: ${groups.length - differ}/${groups.length} records`,
  );
  console.log(
    `1 thread:   ${single.toFixed(0)} releases/s  (ratio to Python ocds-merge ${PYTHON_OCDS_MERGE}/s: ${(single / PYTHON_OCDS_MERGE).toFixed(1)}×)`,
  );
  console.log(
    `${threads} threads:  ${parallel.toFixed(0)} releases/s  (ratio: ${(parallel / PYTHON_OCDS_MERGE).toFixed(1)}×, target ≥ ${TARGET_RATIO}×)`,
  );
  if (differ > 0) process.exitCode = 1;
}
