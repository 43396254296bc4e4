// CPU time (not wall-clock) of the ingest's parts, per release: what the work costs whatever else the machine runs.
// `postgresCpuMs` sums the CPU of an embedded PostgreSQL's process tree (the postmaster, its live children and the
// children it has reaped) from /proc; `pipelineCpu` runs the Node stages of ingest over a file in isolated, timed
// steps — read (splitting, JSON.parse), validate, hash, compile, project — on the pipeline's own code.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipelineDeps } from '../../src/ocds/pipeline.js';
import { prepareRelease } from '../../src/ocds/ingest/prepare.js';
import { readInputs } from '../../src/ocds/parse/index.js';
import { projectRecord } from '../../src/ocds/project/index.js';

const TICK_MS = 10; // USER_HZ is 100 on Linux

function procTimes(pid: string): { ppid: string; own: number; children: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields after the command: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14)
    return { ppid: f[1]!, own: Number(f[11]) + Number(f[12]), children: Number(f[13]) + Number(f[14]) };
  } catch {
    return null;
  }
}

/** CPU milliseconds the PostgreSQL whose data folder is `pgDir` has used so far (Linux only). */
export function postgresCpuMs(pgDir: string): number {
  const postmaster = readFileSync(join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]!.trim();
  const root = procTimes(postmaster);
  if (!root) throw new Error(`no PostgreSQL process ${postmaster}`);
  let ticks = root.own + root.children;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const p = procTimes(pid);
    if (p && p.ppid === postmaster) ticks += p.own;
  }
  return ticks * TICK_MS;
}

const cpuMs = (from: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
};

export interface PipelineCpu {
  releases: number;
  /** CPU milliseconds of each Node stage over the file. */
  ms: { read: number; validate: number; hash: number; compile: number; project: number };
}

/**
 * The Node stages' CPU over every release of a file, one stage at a time per release. Compile merges each release
 * alone (most synthetic ocids have one release), and project builds the rows and serialises them as the store
 * sends them: an estimate of the per-record work, not the grouped run.
 */
export async function pipelineCpu(file: string): Promise<PipelineCpu> {
  const deps = pipelineDeps();
  const ms = { read: 0, validate: 0, hash: 0, compile: 0, project: 0 };
  let releases = 0;
  const items = readInputs([file])[Symbol.asyncIterator]();
  for (;;) {
    let t = process.cpuUsage();
    const next = await items.next();
    ms.read += cpuMs(t);
    if (next.done) break;
    if (next.value.kind === 'bad') continue;
    t = process.cpuUsage();
    const usable = deps.checker.checkUsable(next.value);
    if (!usable.ok) continue;
    deps.checker.validate(usable.release);
    ms.validate += cpuMs(t);
    t = process.cpuUsage();
    prepareRelease({ checkUsable: () => usable, validate: () => [] }, next.value);
    ms.hash += cpuMs(t);
    const data = usable.release as unknown as Record<string, unknown>;
    t = process.cpuUsage();
    const { compiled } = deps.compile([data]);
    ms.compile += cpuMs(t);
    t = process.cpuUsage();
    const ocid = String(data.ocid);
    const projection = projectRecord({
      ocid,
      compiled,
      releases: [{ id: String(data.id), date: String(data.date), tags: [], data }],
      source: 'bench',
      synthetic: true,
    });
    JSON.stringify(compiled);
    JSON.stringify(projection);
    ms.project += cpuMs(t);
    releases++;
  }
  return { releases, ms };
}
