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
