// Saved horizon searches (migration 0019, docs/saved-searches.md): rows owned by one user. Every read and write
// here names the owner, so a query can never reach another user's search; the service checks `savedSearch.manage`
// before it gets here. Changes are audited (entity "saved_search") in the same transaction.
import { sql, type Kysely, type Transaction } from 'kysely';
import { writeAudit } from './audit.repository.js';
import type { Database } from './database.js';

type Db = Kysely<Database> | Transaction<Database>;

export const SAVED_SEARCH_ENTITY = 'saved_search';

export interface SavedSearchRecord {
  id: number;
  userId: number;
  name: string;
  /** The horizon scan's query input as saved (strings and numbers). */
  query: Record<string, string | number>;
  feedToken: string;
  createdAt: Date;
  updatedAt: Date;
  seenAt: Date;
  seenDay: string;
  alertCount: number | null;
  alertCountedAt: Date | null;
  alertCountedDay: string | null;
}

// UK days as YYYY-MM-DD text (a date column would come back as a JavaScript Date at local midnight).
const columns = [
  'id',
  'user_id',
  'name',
  'query',
  'feed_token',
  'created_at',
  'updated_at',
  'seen_at',
  sql<string>`seen_day::text`.as('seen_day'),
  'alert_count',
  'alert_counted_at',
  sql<string | null>`alert_counted_day::text`.as('alert_counted_day'),
] as const;

type Row = {
  id: number | string;
  user_id: number | string;
  name: string;
  query: unknown;
  feed_token: string;
  created_at: Date;
  updated_at: Date;
  seen_at: Date;
  seen_day: string;
  alert_count: number | null;
  alert_counted_at: Date | null;
  alert_counted_day: string | null;
};

const toRecord = (r: Row): SavedSearchRecord => ({
  id: Number(r.id),
  userId: Number(r.user_id),
  name: r.name,
  query: (r.query ?? {}) as Record<string, string | number>,
  feedToken: r.feed_token,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  seenAt: r.seen_at,
  seenDay: r.seen_day,
  alertCount: r.alert_count,
  alertCountedAt: r.alert_counted_at,
  alertCountedDay: r.alert_counted_day,
});

/** What the audit log keeps of a search (never its feed token). */
const audited = (s: SavedSearchRecord) => ({ name: s.name, query: s.query });

/** A user's searches, by name. */
export async function listSavedSearches(db: Db, userId: number): Promise<SavedSearchRecord[]> {
  const rows = await db
    .selectFrom('saved_search')
    .select(columns)
    .where('user_id', '=', userId)
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .execute();
  return rows.map((r) => toRecord(r as Row));
}

export async function countSavedSearches(db: Db, userId: number): Promise<number> {
  const r = await db
    .selectFrom('saved_search')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** A search by id, whoever owns it (the service checks the owner), or null. */
export async function findSavedSearch(db: Db, id: number): Promise<SavedSearchRecord | null> {
  const r = await db.selectFrom('saved_search').select(columns).where('id', '=', id).executeTakeFirst();
  return r ? toRecord(r as Row) : null;
}

export async function findSavedSearchByFeedToken(db: Db, token: string): Promise<SavedSearchRecord | null> {
  const r = await db
    .selectFrom('saved_search')
    .select(columns)
    .where('feed_token', '=', token)
    .executeTakeFirst();
  return r ? toRecord(r as Row) : null;
}

/** Whether the user has another search with this name (case-insensitive). */
export async function nameTaken(db: Db, userId: number, name: string, exceptId?: number): Promise<boolean> {
  let q = db
    .selectFrom('saved_search')
    .select('id')
    .where('user_id', '=', userId)
    .where(sql<boolean>`lower(name) = lower(${name})`);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst()) !== undefined;
}

export interface NewSavedSearch {
  userId: number;
  name: string;
  query: Record<string, string | number>;
  feedToken: string;
  now: Date;
  today: string;
}

export async function insertSavedSearch(
  db: Kysely<Database>,
  s: NewSavedSearch,
  actor: string,
): Promise<SavedSearchRecord> {
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('saved_search')
      .values({
        user_id: s.userId,
        name: s.name,
        query: JSON.stringify(s.query),
        feed_token: s.feedToken,
        created_at: s.now,
        updated_at: s.now,
        seen_at: s.now,
        seen_day: s.today,
        alert_count: 0,
        alert_counted_at: s.now,
        alert_counted_day: s.today,
      })
      .returning(columns)
      .executeTakeFirstOrThrow();
    const saved = toRecord(r as Row);
    await writeAudit(trx, {
      actor,
      action: 'create',
      entityType: SAVED_SEARCH_ENTITY,
      entityId: String(saved.id),
      before: null,
      after: audited(saved),
    });
    return saved;
  });
}

type Change =
  | { kind: 'rename'; name: string }
  | { kind: 'feed-token'; feedToken: string }
  | { kind: 'seen'; seenAt: Date; seenDay: string };

/** Renames, replaces the feed token or marks seen: one owned search, audited (not "seen", which is only a read). */
export async function updateSavedSearch(
  db: Kysely<Database>,
  before: SavedSearchRecord,
  change: Change,
  at: Date,
  actor: string,
): Promise<SavedSearchRecord> {
  return db.transaction().execute(async (trx) => {
    const values =
      change.kind === 'rename'
        ? { name: change.name, updated_at: at }
        : change.kind === 'feed-token'
          ? { feed_token: change.feedToken, updated_at: at }
          : {
              seen_at: change.seenAt,
              seen_day: change.seenDay,
              alert_count: 0,
              alert_counted_at: change.seenAt,
              alert_counted_day: change.seenDay,
            };
    const r = await trx
      .updateTable('saved_search')
      .set(values)
      .where('id', '=', before.id)
      .where('user_id', '=', before.userId)
      .returning(columns)
      .executeTakeFirstOrThrow();
    const after = toRecord(r as Row);
    if (change.kind !== 'seen')
      await writeAudit(trx, {
        actor,
        action: change.kind,
        entityType: SAVED_SEARCH_ENTITY,
        entityId: String(before.id),
        before: audited(before),
        after: audited(after),
      });
    return after;
  });
}

export async function deleteSavedSearch(
  db: Kysely<Database>,
  before: SavedSearchRecord,
  actor: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('saved_search')
      .where('id', '=', before.id)
      .where('user_id', '=', before.userId)
      .execute();
    await writeAudit(trx, {
      actor,
      action: 'delete',
      entityType: SAVED_SEARCH_ENTITY,
      entityId: String(before.id),
      before: audited(before),
      after: null,
    });
  });
}

/** Stores a header count worked out at `at` on `day`. */
export async function saveAlertCount(
  db: Db,
  id: number,
  count: number,
  at: Date,
  day: string,
): Promise<void> {
  await db
    .updateTable('saved_search')
    .set({ alert_count: count, alert_counted_at: at, alert_counted_day: day })
    .where('id', '=', id)
    .execute();
}

/** When the horizon scan's rows last changed (the newest written_at), or null when it has none. */
export async function horizonWrittenAt(db: Db): Promise<Date | null> {
  const r = await db
    .selectFrom('horizon_entry')
    .select((eb) => eb.fn.max('written_at').as('at'))
    .executeTakeFirst();
  return (r?.at as Date | null | undefined) ?? null;
}
