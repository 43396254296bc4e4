// Releases (append-only), quarantine, ingest runs and the compile queue. All writes take a db or trx first,
// so the caller owns the transaction (one transaction per ingest batch: a crash loses the batch, never half of it).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface NewRelease {
  ocid: string;
  releaseId: string;
  dateText: string;
  tags: string[];
  hash: Buffer;
  /** The release as JSON text (already serialised once for hashing). */
  json: string;
  findings: string;
  findingCount: number;
  upgradedFrom: string | null;
}

export interface NewQuarantine {
  file: string;
  byteOffset: number | null;
  line: number | null;
  itemIndex: number | null;
  pointer: string;
  reason: string;
  message: string;
  excerpt: string | null;
}

export interface RunCounts {
  read: number;
  stored: number;
  duplicates: number;
  quarantined: number;
}

export async function startRun(
  db: Db,
  source: string,
  inputs: string[],
  synthetic: boolean,
): Promise<number> {
  const row = await db
    .insertInto('ingest_run')
    .values({ source, inputs, synthetic })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addRunCounts(db: Db, runId: number, c: RunCounts): Promise<void> {
  await db
    .updateTable('ingest_run')
    .set((eb) => ({
      read: eb('read', '+', c.read),
      stored: eb('stored', '+', c.stored),
      duplicates: eb('duplicates', '+', c.duplicates),
      quarantined: eb('quarantined', '+', c.quarantined),
    }))
    .where('id', '=', runId)
    .execute();
}

export async function finishRun(db: Db, runId: number, error?: string): Promise<void> {
  await db
    .updateTable('ingest_run')
    .set({ status: error ? 'failed' : 'done', finished_at: new Date(), error: error ?? null })
    .where('id', '=', runId)
    .execute();
}

const RELEASE_COLUMNS = 12;
// PostgreSQL allows 65,535 bind parameters per statement.
const MAX_ROWS_PER_INSERT = Math.floor(65_000 / RELEASE_COLUMNS);

/**
 * Stores releases that are not already stored (same ocid, id and content hash), in the caller's transaction.
 * Returns how many were new and their ocids (to queue for compilation).
 */
export async function insertReleases(
  trx: Db,
  rows: NewRelease[],
  meta: { source: string; runId: number | null; synthetic: boolean },
): Promise<{ stored: number; ocids: string[] }> {
  let stored = 0;
  const ocids = new Set<string>();
  for (let i = 0; i < rows.length; i += MAX_ROWS_PER_INSERT) {
    const chunk = rows.slice(i, i + MAX_ROWS_PER_INSERT);
    const inserted = await trx
      .insertInto('release')
      .values(
        chunk.map((r) => ({
          ocid: r.ocid,
          release_id: r.releaseId,
          release_date: r.dateText,
          date_text: r.dateText,
          tags: r.tags,
          hash: r.hash,
          source: meta.source,
          ingest_run_id: meta.runId,
          synthetic: meta.synthetic,
          upgraded_from: r.upgradedFrom,
          data: r.json,
          findings: r.findings,
          finding_count: r.findingCount,
        })),
      )
      .onConflict((oc) => oc.constraint('release_identity').doNothing())
      .returning('ocid')
      .execute();
    stored += inserted.length;
    for (const r of inserted) ocids.add(r.ocid);
  }
  return { stored, ocids: [...ocids] };
}

export async function queueCompile(trx: Db, ocids: string[]): Promise<void> {
  if (ocids.length === 0) return;
  // `do update`, not `do nothing`: the upsert locks an existing queue row. A compile that has already taken the
  // row (locked, about to delete it) makes us wait and then insert afresh; a compile that comes after us skips
  // the locked row until we commit. Either way the ocid is compiled again with these releases visible.
  await sql`insert into compile_queue (ocid) select unnest(${ocids}::text[]) as ocid order by ocid
    on conflict (ocid) do update set queued_at = now()`.execute(trx);
}

export async function insertQuarantine(
  trx: Db,
  rows: NewQuarantine[],
  meta: { source: string; runId: number | null },
): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await trx
    .insertInto('quarantine')
    .values(
      rows.map((q) => ({
        ingest_run_id: meta.runId,
        source: meta.source,
        file: q.file,
        byte_offset: q.byteOffset,
        line: q.line,
        item_index: q.itemIndex,
        pointer: q.pointer,
        reason: q.reason,
        message: q.message,
        excerpt: q.excerpt,
      })),
    )
    .onConflict((oc) => oc.constraint('quarantine_identity').doNothing())
    .returning('id')
    .execute();
  return inserted.length;
}

/**
 * Takes up to `limit` ocids off the compile queue inside the caller's transaction. The rows stay locked (and
 * other workers skip them) until the transaction commits; if it rolls back they are queued again.
 */
export async function takeCompileBatch(trx: Transaction<Database>, limit: number): Promise<string[]> {
  const rows = await sql<{ ocid: string }>`
    delete from compile_queue where ocid in (
      select ocid from compile_queue order by ocid limit ${limit} for update skip locked
    ) returning ocid`.execute(trx);
  return rows.rows.map((r) => r.ocid);
}

export async function compileQueueLength(db: Db): Promise<number> {
  const row = await db
    .selectFrom('compile_queue')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface StoredRelease {
  id: number;
  ocid: string;
  releaseId: string;
  dateText: string;
  tags: string[];
  hash: Buffer;
  source: string;
  synthetic: boolean;
  data: Record<string, unknown>;
}

/** All stored releases of these ocids, in the order the merge needs (date text, then arrival). */
export async function releasesForOcids(db: Db, ocids: string[]): Promise<StoredRelease[]> {
  if (ocids.length === 0) return [];
  const rows = await db
    .selectFrom('release')
    .select(['id', 'ocid', 'release_id', 'date_text', 'tags', 'hash', 'source', 'synthetic', 'data'])
    .where('ocid', '=', sql<string>`any(${ocids}::text[])`)
    .orderBy('ocid')
    .orderBy('date_text')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    ocid: r.ocid,
    releaseId: r.release_id,
    dateText: r.date_text,
    tags: r.tags,
    hash: r.hash,
    source: r.source,
    synthetic: r.synthetic,
    data: JSON.parse(r.data) as Record<string, unknown>,
  }));
}

export interface NewRecord {
  ocid: string;
  compiled: string;
  releaseCount: number;
  latestDate: string | null;
  findings: string;
  synthetic: boolean;
}

export async function upsertRecords(trx: Db, records: NewRecord[]): Promise<void> {
  if (records.length === 0) return;
  await trx
    .insertInto('record')
    .values(
      records.map((r) => ({
        ocid: r.ocid,
        compiled: r.compiled,
        release_count: r.releaseCount,
        latest_release_date: r.latestDate,
        findings: r.findings,
        synthetic: r.synthetic,
      })),
    )
    .onConflict((oc) =>
      oc.column('ocid').doUpdateSet((eb) => ({
        compiled: eb.ref('excluded.compiled'),
        release_count: eb.ref('excluded.release_count'),
        latest_release_date: eb.ref('excluded.latest_release_date'),
        findings: eb.ref('excluded.findings'),
        synthetic: eb.ref('excluded.synthetic'),
        compiled_at: sql`now()`,
      })),
    )
    .execute();
}

/** Compiled records for export; all when no ocids are given, in ocid order, a page at a time. */
export async function recordsPage(
  db: Db,
  opts: { ocids?: string[]; after?: string; limit: number },
): Promise<{ ocid: string; compiled: unknown }[]> {
  let q = db.selectFrom('record').select(['ocid', 'compiled']).orderBy('ocid').limit(opts.limit);
  if (opts.ocids) q = q.where('ocid', '=', sql<string>`any(${opts.ocids}::text[])`);
  if (opts.after !== undefined) q = q.where('ocid', '>', opts.after);
  const rows = await q.execute();
  return rows.map((r) => ({ ocid: r.ocid, compiled: JSON.parse(r.compiled) as unknown }));
}

export async function countReleases(db: Db): Promise<number> {
  const row = await db
    .selectFrom('release')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
