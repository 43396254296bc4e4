// Timing helpers for the page and query benchmarks: run a task N times (after one warm-up), keep each duration.

/** Runs `task` once to warm up, then `runs` times in a row; returns each run's milliseconds. */
export async function timeRuns(runs: number, task: (i: number) => Promise<unknown>): Promise<number[]> {
  await task(0);
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await task(i);
    out.push(performance.now() - t0);
  }
  return out;
}

/** The p-th percentile (nearest rank) of some durations. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) throw new Error('percentile of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export interface CaseResult {
  case: string;
  requests: number;
  distinctInputs: number;
  p50Ms: number;
  p95Ms: number;
  maxMs: number;
  ratioToTarget50ms: number;
  /** The input of the slowest request (to EXPLAIN). */
  slowest: string;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Times each case over `runs` requests that cycle through its inputs (varied requests, after one warm-up of the
 * first input), with the p50, p95, slowest and the ratio of the p95 to a 50 ms target.
 */
export async function timeCases(
  cases: readonly [string, readonly string[], (input: string) => Promise<unknown>][],
  runs: number,
  log: (line: string) => void = () => {},
): Promise<CaseResult[]> {
  const out: CaseResult[] = [];
  for (const [name, inputs, task] of cases) {
    if (inputs.length === 0) throw new Error(`no inputs for ${name}`);
    log(`${name} × ${runs}…`);
    const times = await timeRuns(runs, (i) => task(inputs[i % inputs.length]!));
    const worst = times.indexOf(Math.max(...times));
    const p95 = percentile(times, 95);
    out.push({
      case: name,
      requests: runs,
      distinctInputs: new Set(inputs).size,
      p50Ms: round1(percentile(times, 50)),
      p95Ms: round1(p95),
      maxMs: round1(times[worst]!),
      ratioToTarget50ms: Math.round((p95 / 50) * 100) / 100,
      slowest: inputs[worst % inputs.length]!,
    });
  }
  return out;
}
