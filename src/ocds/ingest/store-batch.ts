// One batch of prepared items written in the caller's transaction: releases (deduplicated), quarantine rows,
// the run's counters and the compile queue. File ingest and API sync both write through here.
import type { Transaction } from 'kysely';
import type { Database } from '../../store/database.js';
import {
  addRunCounts,
  insertQuarantine,
  insertReleases,
  queueCompile,
  type NewQuarantine,
  type NewRelease,
  type RunCounts,
} from '../../store/release.repository.js';
import { timeAsync, type StageTimes } from './stage-times.js';

export interface Batch {
  releases: NewRelease[];
  quarantine: NewQuarantine[];
}

export interface BatchMeta {
  source: string;
  runId: number;
  synthetic: boolean;
}

export async function storeBatch(
  trx: Transaction<Database>,
  batch: Batch,
  meta: BatchMeta,
  times?: StageTimes,
): Promise<RunCounts> {
  const { stored, ocids } = await timeAsync(times, 'store', () => insertReleases(trx, batch.releases, meta));
  await timeAsync(times, 'queue', () => queueCompile(trx, ocids));
  // Quarantine rows are deduplicated too, but every bad item read is counted as quarantined.
  await timeAsync(times, 'store', () => insertQuarantine(trx, batch.quarantine, meta));
  const counts = {
    read: batch.releases.length + batch.quarantine.length,
    stored,
    duplicates: batch.releases.length - stored,
    quarantined: batch.quarantine.length,
  };
  await timeAsync(times, 'store', () => addRunCounts(trx, meta.runId, counts));
  return counts;
}
