// File ingest: read → check → validate → store (append-only, deduplicated) → compile → project.
// One transaction per batch holds the releases, their quarantine rows, the run counters and the compile queue
// entries, so a process killed at any point leaves whole batches only, and a re-run stores exactly what is missing.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/database.js';
import { finishRun, startRun, type NewQuarantine, type NewRelease } from '../../store/release.repository.js';
import type { InputItem } from '../types.js';
import { backgroundCompiler } from './background-compile.js';
import { drainCompileQueue, type CompileDeps } from './compile-queue.js';
import { prepareRelease, toQuarantine, type Checker } from './prepare.js';
import { timedDeps, type StageTimes } from './stage-times.js';
import { storeBatch } from './store-batch.js';

/** Longest stretch of reading and validating before the event loop gets a turn (see the read loop). */
const YIELD_EVERY_MS = 2;

export interface IngestSummary {
  read: number;
  stored: number;
  duplicates: number;
  quarantined: number;
  compiled: number;
  seconds: number;
}

export interface IngestProgress {
  phase: 'store' | 'compile';
  read: number;
  stored: number;
  duplicates: number;
  quarantined: number;
  compiled: number;
  compileQueued?: number;
}

export interface IngestOptions {
  source: string;
  synthetic?: boolean;
  /** Releases per transaction. */
  batchSize?: number;
  /** Records per compile transaction (drainCompileQueue's default, 200, when absent). */
  compileBatchSize?: number;
  /** Skip compiling (the queue keeps the work for later). */
  compile?: boolean;
  onProgress?: (p: IngestProgress) => void;
  /** Busy milliseconds per stage, added to when given (bench/ingest's breakdown). */
  times?: StageTimes;
}

export interface IngestDeps extends CompileDeps {
  checker: Checker;
}

/** Ingests the items of an async source (file reader, API pages) into the database. */
export async function ingestItems(
  db: Kysely<Database>,
  items: AsyncIterable<InputItem>,
  inputs: string[],
  untimedDeps: IngestDeps,
  options: IngestOptions,
): Promise<IngestSummary> {
  const started = performance.now();
  const times = options.times;
  const deps = timedDeps(untimedDeps, times);
  const synthetic = options.synthetic ?? false;
  const batchSize = options.batchSize ?? 500;
  const meta = { source: options.source, synthetic };
  const runId = await startRun(db, options.source, inputs, synthetic);
  const total = { read: 0, stored: 0, duplicates: 0, quarantined: 0, compiled: 0 };
  const report = (phase: IngestProgress['phase'], extra: Partial<IngestProgress> = {}) =>
    options.onProgress?.({ phase, ...total, ...extra });

  let releases: NewRelease[] = [];
  let quarantine: NewQuarantine[] = [];
  let pending: Promise<void> = Promise.resolve();
  const compile = options.compile !== false;
  const background = backgroundCompiler(
    db,
    deps,
    (n) => {
      total.compiled = n;
      report('store');
    },
    { times, batchSize: options.compileBatchSize },
  );

  const flush = () => {
    const rs = releases;
    const qs = quarantine;
    releases = [];
    quarantine = [];
    if (rs.length === 0 && qs.length === 0) return;
    // One batch in flight while the next is parsed: the database and the parser work at the same time.
    pending = pending.then(async () => {
      let committing = 0;
      await db.transaction().execute(async (trx) => {
        const counts = await storeBatch(trx, { releases: rs, quarantine: qs }, { ...meta, runId }, times);
        total.read += counts.read;
        total.stored += counts.stored;
        total.duplicates += counts.duplicates;
        total.quarantined += counts.quarantined;
        committing = performance.now();
      });
      if (times) times.store += performance.now() - committing; // the commit (WAL flush) is storing too
      report('store');
      if (compile) background.kick();
    });
    return pending;
  };

  try {
    // 'read' is the time spent waiting for the next item: reading, splitting, JSON.parse, the 1.0 upgrade.
    let waitFrom = performance.now();
    let yieldedAt = waitFrom;
    for await (const item of items) {
      if (times) times.read += performance.now() - waitFrom;
      if (item.kind === 'bad') quarantine.push(toQuarantine(item));
      else {
        const prepared = prepareRelease(deps.checker, item, times);
        if ('release' in prepared) releases.push(prepared.release);
        else quarantine.push(prepared.quarantine);
      }
      if (releases.length + quarantine.length >= batchSize) {
        await pending; // back-pressure: never more than one batch waiting
        flush();
      }
      // Items already read arrive as resolved promises, so this loop would keep the event loop to itself for a
      // whole read chunk; the background compiler's database replies would wait behind it, each round trip of the
      // critical path delayed by up to a chunk's parsing and validation. Let them in every few milliseconds.
      if (performance.now() - yieldedAt > YIELD_EVERY_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        yieldedAt = performance.now();
      }
      if (times) waitFrom = performance.now();
    }
    flush();
    await pending;
    await background.settle();
    if (compile) {
      const before = (total.compiled = background.compiled);
      total.compiled += await drainCompileQueue(db, deps, {
        times,
        batchSize: options.compileBatchSize,
        onProgress: (compiled, queued) => {
          total.compiled = before + compiled;
          report('compile', { compileQueued: queued });
        },
      });
    }
    await finishRun(db, runId);
  } catch (e) {
    await pending.catch(() => {});
    await background.settle().catch(() => {});
    await finishRun(db, runId, (e as Error).message).catch(() => {});
    throw e;
  }
  return { ...total, seconds: Math.round((performance.now() - started) / 10) / 100 };
}
