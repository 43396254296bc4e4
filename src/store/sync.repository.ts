// Sync state (committed in the same transaction as the releases of the page it moves past) and sync runs.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface SyncState {
  source: string;
  baseUrl: string;
  windowFrom: string | null;
  windowTo: string | null;
  nextUrl: string | null;
  pages: number;
  completedAt: Date | null;
}

export async function getSyncState(db: Db, source: string): Promise<SyncState | undefined> {
  const r = await db.selectFrom('sync_state').selectAll().where('source', '=', source).executeTakeFirst();
  return (
    r && {
      source: r.source,
      baseUrl: r.base_url,
      windowFrom: r.window_from,
      windowTo: r.window_to,
      nextUrl: r.next_url,
      pages: r.pages,
      completedAt: r.completed_at,
    }
  );
}

export async function saveSyncState(
  db: Db,
  s: Omit<SyncState, 'completedAt'> & { completed: boolean },
): Promise<void> {
  const values = {
    source: s.source,
    base_url: s.baseUrl,
    window_from: s.windowFrom,
    window_to: s.windowTo,
    next_url: s.nextUrl,
    pages: s.pages,
    completed_at: s.completed ? new Date() : null,
    updated_at: new Date(),
  };
  await db
    .insertInto('sync_state')
    .values(values)
    .onConflict((oc) => oc.column('source').doUpdateSet(values))
    .execute();
}

export async function startSyncRun(
  db: Db,
  r: { source: string; ingestRunId: number; windowFrom: string; windowTo: string },
): Promise<number> {
  const row = await db
    .insertInto('sync_run')
    .values({
      source: r.source,
      ingest_run_id: r.ingestRunId,
      window_from: r.windowFrom,
      window_to: r.windowTo,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Runs left 'running' by a process that died. Only call while holding the source's lock. */
export async function markInterruptedRuns(db: Db, source: string): Promise<void> {
  await db
    .updateTable('sync_run')
    .set({
      status: 'failed',
      finished_at: new Date(),
      error: 'interrupted (the process stopped before finishing)',
    })
    .where('source', '=', source)
    .where('status', '=', 'running')
    .execute();
}

export interface SyncRunCounts {
  pages: number;
  requests: number;
  retries: number;
  releases: number;
  stored: number;
  duplicates: number;
  quarantined: number;
}

export async function addSyncRunCounts(db: Db, id: number, c: SyncRunCounts): Promise<void> {
  await db
    .updateTable('sync_run')
    .set((eb) => ({
      pages: eb('pages', '+', c.pages),
      requests: eb('requests', '+', c.requests),
      retries: eb('retries', '+', c.retries),
      releases: eb('releases', '+', c.releases),
      stored: eb('stored', '+', c.stored),
      duplicates: eb('duplicates', '+', c.duplicates),
      quarantined: eb('quarantined', '+', c.quarantined),
    }))
    .where('id', '=', id)
    .execute();
}

export async function finishSyncRun(
  db: Db,
  id: number,
  status: 'done' | 'failed' | 'skipped',
  problems: string[],
  error?: string,
): Promise<void> {
  await db
    .updateTable('sync_run')
    .set({ status, finished_at: new Date(), problems: JSON.stringify(problems), error: error ?? null })
    .where('id', '=', id)
    .execute();
}

/**
 * Runs `body` while holding a session-level advisory lock named after the source, on a connection of its own:
 * one sync per source at a time, however many processes try. Returns undefined when the lock is taken.
 */
export async function withSourceLock<T>(
  db: Kysely<Database>,
  source: string,
  body: () => Promise<T>,
): Promise<T | undefined> {
  return db.connection().execute(async (conn) => {
    const key = `missionbuy:sync:${source}`;
    const got = await sql<{ ok: boolean }>`select pg_try_advisory_lock(hashtext(${key})) as ok`.execute(conn);
    if (!got.rows[0]?.ok) return undefined;
    try {
      return await body();
    } finally {
      await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(conn);
    }
  });
}
