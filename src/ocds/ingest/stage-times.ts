// Where ingest time goes: milliseconds each stage was busy, summed over the run. Stages that run alongside
// each other (reading and validating while a batch is stored and another compiled) overlap, so the sum can exceed
// the wall-clock time. Only measured when the caller asks (bench/ingest); otherwise every helper is a plain call.
import type { IngestDeps } from './ingest.js';

export const STAGES = ['read', 'validate', 'hash', 'store', 'queue', 'compile', 'project'] as const;
export type Stage = (typeof STAGES)[number];
export type StageTimes = Record<Stage, number>;

export function newStageTimes(): StageTimes {
  return { read: 0, validate: 0, hash: 0, store: 0, queue: 0, compile: 0, project: 0 };
}

export function timeSync<T>(times: StageTimes | undefined, stage: Stage, fn: () => T): T {
  if (!times) return fn();
  const t0 = performance.now();
  try {
    return fn();
  } finally {
    times[stage] += performance.now() - t0;
  }
}

export async function timeAsync<T>(
  times: StageTimes | undefined,
  stage: Stage,
  fn: () => Promise<T>,
): Promise<T> {
  if (!times) return fn();
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    times[stage] += performance.now() - t0;
  }
}

/** The pipeline's parts with their calls timed: usable check and validation, merge, projection. */
export function timedDeps(deps: IngestDeps, times: StageTimes | undefined): IngestDeps {
  if (!times) return deps;
  return {
    checker: {
      checkUsable: (c) => timeSync(times, 'validate', () => deps.checker.checkUsable(c)),
      validate: (r) => timeSync(times, 'validate', () => deps.checker.validate(r)),
    },
    compile: (releases) => timeSync(times, 'compile', () => deps.compile(releases)),
    saveRecords: (trx, records) => timeAsync(times, 'project', () => deps.saveRecords(trx, records)),
  };
}
