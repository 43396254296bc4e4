// Drains the compile queue: for each queued ocid, merge all its stored releases into a record and project the
// record into the contract model, in one transaction per batch (the queue rows go with it).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../store/database.js';
import {
  releasesForOcids,
  takeCompileBatch,
  upsertRecords,
  compileQueueLength,
  type NewRecord,
  type StoredRelease,
} from '../../store/release.repository.js';
import type { Finding } from '../types.js';
import { timeAsync, type StageTimes } from './stage-times.js';

export interface RecordInput {
  ocid: string;
  compiled: Record<string, unknown>;
  releases: { id: string; date: string; tags: string[]; data: Record<string, unknown> }[];
  source: string;
  synthetic: boolean;
}

export interface CompileDeps {
  /** Merges one ocid's releases (sorted as stored: date text, then arrival) into a compiled release. */
  compile(releases: Record<string, unknown>[]): { compiled: Record<string, unknown>; findings: Finding[] };
  /** Projects compiled records into the contract model, replacing what was there for those ocids. */
  saveRecords(trx: Transaction<Database>, records: RecordInput[]): Promise<void>;
}

/** Findings about the set of releases itself: the same (ocid, id) published with different content. */
export function clashFindings(releases: StoredRelease[]): Finding[] {
  const byId = new Map<string, StoredRelease[]>();
  for (const r of releases) byId.set(r.releaseId, [...(byId.get(r.releaseId) ?? []), r]);
  const findings: Finding[] = [];
  for (const [id, versions] of byId) {
    if (versions.length < 2) continue;
    findings.push({
      pointer: '',
      keyword: 'release-clash',
      message: `Release ${id} was published ${versions.length} times with different content (dates ${versions
        .map((v) => v.dateText)
        .join(', ')}); every version is kept and merged in date order.`,
      value: versions.map((v) => v.hash.toString('hex').slice(0, 12)),
    });
  }
  return findings;
}

function groupByOcid(releases: StoredRelease[]): Map<string, StoredRelease[]> {
  const groups = new Map<string, StoredRelease[]>();
  for (const r of releases) {
    const g = groups.get(r.ocid);
    if (g) g.push(r);
    else groups.set(r.ocid, [r]);
  }
  return groups;
}

async function compileBatch(
  trx: Transaction<Database>,
  deps: CompileDeps,
  ocids: string[],
  times?: StageTimes,
): Promise<number> {
  const stored = await timeAsync(times, 'queue', () => releasesForOcids(trx, ocids));
  const records: NewRecord[] = [];
  const inputs: RecordInput[] = [];
  for (const [ocid, releases] of groupByOcid(stored)) {
    const { compiled, findings } = deps.compile(releases.map((r) => r.data));
    const allFindings = [...clashFindings(releases), ...findings];
    // The record's source and synthetic flag are those of its first stored release.
    const first = releases.reduce((a, b) => (b.id < a.id ? b : a));
    const latest = releases[releases.length - 1]?.dateText ?? null;
    records.push({
      ocid,
      compiled: JSON.stringify(compiled),
      releaseCount: releases.length,
      latestDate: latest,
      findings: JSON.stringify(allFindings),
      synthetic: first.synthetic,
    });
    inputs.push({
      ocid,
      compiled,
      releases: releases.map((r) => ({ id: r.releaseId, date: r.dateText, tags: r.tags, data: r.data })),
      source: first.source,
      synthetic: first.synthetic,
    });
  }
  await timeAsync(times, 'project', () => upsertRecords(trx, records));
  await deps.saveRecords(trx, inputs);
  return records.length;
}

/** Compiles and projects every queued ocid; returns how many records were (re)built. */
export async function drainCompileQueue(
  db: Kysely<Database>,
  deps: CompileDeps,
  options: {
    batchSize?: number | undefined;
    onProgress?: (compiled: number, queued: number) => void;
    /** Busy time per stage, added to when given (bench/ingest). */
    times?: StageTimes | undefined;
  } = {},
): Promise<number> {
  const batchSize = options.batchSize ?? 200;
  let compiled = 0;
  const queued = await compileQueueLength(db);
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      // A compile transaction holds only derived data and the queue rows it consumed: if the server crashed before
      // its commit reached the disk, both would be lost together and the ocids compiled again by the next drain.
      // So it need not wait for the WAL flush (the batch's store transaction, which holds the releases, does).
      await sql`set local synchronous_commit = off`.execute(trx);
      const ocids = await timeAsync(options.times, 'queue', () => takeCompileBatch(trx, batchSize));
      if (ocids.length === 0) return 0;
      await compileBatch(trx, deps, ocids, options.times);
      return ocids.length;
    });
    if (n === 0) break;
    compiled += n;
    options.onProgress?.(compiled, queued);
  }
  return compiled;
}
