// Compiling alongside storing: after each stored batch, drain the compile queue on another connection while the
// caller goes on reading or fetching. An ocid whose releases arrive after it was compiled is queued again (the
// queue upsert in release.repository.ts makes that race-free), so the end result equals store-then-compile.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/database.js';
import { drainCompileQueue, type CompileDeps } from './compile-queue.js';
import type { StageTimes } from './stage-times.js';

export interface DrainOptions {
  /** Records per compile transaction (drainCompileQueue's default when absent). */
  batchSize?: number | undefined;
  times?: StageTimes | undefined;
}

export interface BackgroundCompiler {
  /** Starts a drain unless one is running (it keeps going while batches keep arriving). Throws an earlier failure. */
  kick(): void;
  /** Waits for the running drain, then throws its failure if it had one. */
  settle(): Promise<void>;
  /** Records (re)built so far. */
  readonly compiled: number;
}

export function backgroundCompiler(
  db: Kysely<Database>,
  deps: CompileDeps,
  onProgress?: (compiled: number) => void,
  drain: DrainOptions = {},
): BackgroundCompiler {
  let running: Promise<void> | null = null;
  let failure: unknown;
  let compiled = 0;
  const rethrow = () => {
    if (failure !== undefined) throw failure;
  };
  return {
    kick() {
      rethrow();
      if (running) return;
      const before = compiled;
      running = drainCompileQueue(db, deps, {
        ...drain,
        onProgress: (n) => {
          compiled = before + n;
          onProgress?.(compiled);
        },
      })
        .then(
          (n) => void (compiled = before + n),
          (e: unknown) => void (failure ??= e),
        )
        .finally(() => (running = null));
    },
    async settle() {
      await running;
      rethrow();
    },
    get compiled() {
      return compiled;
    },
  };
}
