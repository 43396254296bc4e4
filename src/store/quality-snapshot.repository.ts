// Stored data-quality results (migration 0006): the snapshot's day, per-buyer tallies and scores (as of the day
// and its trend's quarter ends), failing units, and the queue of records changed since. Written by
// services/quality-refresh.ts inside one repeatable-read transaction; read by the quality service.
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { QualityFailureTable, QualityScoreTable, QualityTallyTable } from './analytics.types.js';
import type { Database } from './database.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Rows per insert statement (PostgreSQL allows 65,535 bind parameters per statement). */
const CHUNK = 5000;

export interface SnapshotInfo {
  asOf: string;
  refreshedAt: Date;
  kind: 'full' | 'incremental';
  buyers: number;
  seconds: number;
}

export type TallyRow = Insertable<QualityTallyTable>;
export type FailureRow = Insertable<QualityFailureTable>;
/** A score as computed (a number; stored as numeric). */
export type ScoreRow = Omit<Insertable<QualityScoreTable>, 'score' | 'rank'> & { score: number | null };

export async function readSnapshot(db: Db): Promise<SnapshotInfo | null> {
  const row = await db
    .selectFrom('quality_snapshot')
    .select([sql<string>`as_of::text`.as('as_of'), 'refreshed_at', 'kind', 'buyers', 'seconds'])
    .executeTakeFirst();
  if (!row) return null;
  const { as_of, refreshed_at, ...rest } = row;
  return { ...rest, asOf: as_of, refreshedAt: refreshed_at, seconds: Number(rest.seconds) };
}

export async function writeSnapshot(db: Db, info: Omit<SnapshotInfo, 'refreshedAt'>): Promise<void> {
  const values = { as_of: info.asOf, kind: info.kind, buyers: info.buyers, seconds: info.seconds };
  await db
    .insertInto('quality_snapshot')
    .values({ id: 1, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...values, refreshed_at: sql`now()` }))
    .execute();
}

async function insertChunked<T extends 'quality_tally' | 'quality_score' | 'quality_failure'>(
  db: Db,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto(table)
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed by the caller's table
      .values(rows.slice(i, i + CHUNK) as any)
      .execute();
}

export const insertTallies = (db: Db, rows: readonly TallyRow[]) => insertChunked(db, 'quality_tally', rows);
export const insertFailures = (db: Db, rows: readonly FailureRow[]) =>
  insertChunked(db, 'quality_failure', rows);
export const insertScores = (db: Db, rows: readonly ScoreRow[]) =>
  insertChunked(
    db,
    'quality_score',
    rows.map((r) => ({ ...r, score: r.score === null ? null : String(r.score) })),
  );

/**
 * Removes stored results: of some buyers, or (no ids) of all, keeping the scores as of `keepDays`.
 * Never truncate: readers keep the old snapshot until the refresh commits.
 */
export async function clearResults(
  db: Db,
  buyerIds?: readonly number[],
  keepDays: readonly string[] = [],
): Promise<void> {
  if (buyerIds?.length === 0) return;
  for (const table of ['quality_failure', 'quality_tally', 'quality_score'] as const) {
    let q = db.deleteFrom(table);
    if (buyerIds) q = q.where('buyer_id', '=', sql<number>`any(${[...buyerIds]}::bigint[])`);
    if (table === 'quality_score' && keepDays.length > 0)
      q = q.where(sql<boolean>`as_of <> all(${[...keepDays]}::date[])`);
    await q.execute();
  }
}

/** The records changed since the snapshot (as this transaction sees them), without duplicates. */
export async function queuedOcids(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('quality_queue').select('ocid').distinct().execute();
  return rows.map((r) => r.ocid);
}

/** Removes the queue entries this transaction sees (under repeatable read, later ones stay for the next refresh). */
export async function clearQueue(db: Db): Promise<void> {
  await db.deleteFrom('quality_queue').execute();
}

/** Buyers whose stored results these records touch: their buyer now, and any buyer a stored failure names. */
export async function buyersOfOcids(db: Db, ocids: readonly string[]): Promise<number[]> {
  if (ocids.length === 0) return [];
  const r = await sql<{ id: string }>`
    select buyer_id as id from process where ocid = any(${ocids}::text[]) and buyer_id is not null
    union
    select buyer_id from quality_failure where ocid = any(${ocids}::text[])`.execute(db);
  return r.rows.map((x) => Number(x.id));
}

/** Buyers with stored results that have since been merged into another organisation. */
export async function mergedBuyersWithResults(db: Db): Promise<number[]> {
  const r = await sql<{ id: string }>`
    select distinct s.buyer_id as id from quality_score s
    join organisation o on o.id = s.buyer_id where o.merged_into is not null`.execute(db);
  return r.rows.map((x) => Number(x.id));
}

/** Ranks the scores of a day among every buyer (1 + buyers scoring higher). */
export async function rankScores(db: Db, asOf: string): Promise<void> {
  await sql`
    update quality_score q set rank = r.rank
    from (select buyer_id, rank() over (order by score desc) as rank
          from quality_score where as_of = ${asOf}::date and score is not null) r
    where q.as_of = ${asOf}::date and q.buyer_id = r.buyer_id`.execute(db);
}

/** Refreshes the planner's statistics after the snapshot was rewritten in full (an incremental one barely moves them). */
export async function analyseSnapshot(db: Db): Promise<void> {
  await sql`analyze quality_score, quality_tally, quality_failure`.execute(db);
}

/** Records of these buyers against all records: decides between an incremental and a full refresh. */
export async function processShare(
  db: Db,
  buyerIds: readonly number[],
): Promise<{ some: number; all: number }> {
  const r = await sql<{ some: string; all: string }>`
    select count(*) filter (where buyer_id = any(${[...buyerIds]}::bigint[])) as some, count(*) as all
    from process`.execute(db);
  return { some: Number(r.rows[0]!.some), all: Number(r.rows[0]!.all) };
}
