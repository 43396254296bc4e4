// Stored red-flag results (migration 0030; docs/red-flags.md, "Stored results"): per buyer, the summary and record
// count, and the flagged results in the order the list shows them. The projection queues the old and new buyer of
// every process it writes (in its own transaction), organisation merges queue both organisations, and the refresh
// (services/redflags-refresh.ts) recomputes the queued buyers. Results are stored as JSON: the analytics own their
// shape.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Queues the buyers of these processes, as they stand now (call before and after replacing the processes). */
export async function queueRedFlagBuyersOf(db: Db, ocids: readonly string[]): Promise<void> {
  if (ocids.length === 0) return;
  await sql`insert into red_flag_queue (buyer_id)
    select distinct buyer_id from process where ocid = any(${[...ocids]}::text[]) and buyer_id is not null`.execute(
    db,
  );
}

/** Queues some organisations as buyers to recompute (after a merge). */
export async function queueRedFlagBuyers(db: Db, buyerIds: readonly number[]): Promise<void> {
  if (buyerIds.length === 0) return;
  await sql`insert into red_flag_queue (buyer_id) select unnest(${[...buyerIds]}::bigint[])`.execute(db);
}

/** The queued buyer ids (distinct) and the highest queue id read, to clear exactly those afterwards. */
export async function queuedRedFlagBuyers(db: Db): Promise<{ buyerIds: number[]; upTo: number }> {
  const r = await sql<{ buyer_id: string; up_to: string }>`
    select buyer_id::text, (select max(id) from red_flag_queue)::text as up_to
    from red_flag_queue group by buyer_id order by buyer_id`.execute(db);
  return { buyerIds: r.rows.map((x) => Number(x.buyer_id)), upTo: Number(r.rows[0]?.up_to ?? 0) };
}

export async function clearRedFlagQueue(db: Db, upTo: number): Promise<void> {
  await sql`delete from red_flag_queue where id <= ${upTo}`.execute(db);
}

export async function hasQueuedRedFlags(db: Db): Promise<boolean> {
  const r = await sql<{ queued: boolean }>`select exists (select 1 from red_flag_queue) as queued`.execute(
    db,
  );
  return r.rows[0]?.queued ?? false;
}

/** Whether a buyer (or an organisation merged into it) waits to be judged again: its stored results are stale. */
export async function isBuyerQueued(db: Db, buyerId: number): Promise<boolean> {
  const r = await sql<{ queued: boolean }>`
    select exists (
      select 1 from red_flag_queue q
      where q.buyer_id = ${buyerId}
         or q.buyer_id in (select o.id from organisation o where o.merged_into = ${buyerId})
    ) as queued`.execute(db);
  return r.rows[0]?.queued ?? false;
}

export interface StoredFlagRow {
  ocid: string | null;
  flagId: string;
  severity: number;
  result: unknown;
}

/** Replaces one buyer's stored results (none stored for a buyer id that is no longer a buyer: pass null). */
export async function replaceBuyerFlags(
  db: Db,
  buyerId: number,
  stored: { records: number; summary: unknown; rows: readonly StoredFlagRow[] } | null,
): Promise<void> {
  await sql`delete from red_flag_buyer where buyer_id = ${buyerId}`.execute(db);
  if (stored === null) return;
  await sql`insert into red_flag_buyer (buyer_id, records, summary)
    values (${buyerId}, ${stored.records}, ${JSON.stringify(stored.summary)}::jsonb)`.execute(db);
  const CHUNK = 1000;
  for (let i = 0; i < stored.rows.length; i += CHUNK) {
    const chunk = stored.rows.slice(i, i + CHUNK);
    await sql`insert into red_flag_result (buyer_id, position, ocid, flag_id, severity, result)
      select ${buyerId}, x.position, x.ocid, x.flag_id, x.severity, x.result
      from jsonb_to_recordset(${JSON.stringify(
        chunk.map((r, k) => ({
          position: i + k,
          ocid: r.ocid,
          flag_id: r.flagId,
          severity: r.severity,
          result: r.result,
        })),
      )}::jsonb) as x(position int, ocid text, flag_id text, severity smallint, result jsonb)`.execute(db);
  }
}

export interface StoredBuyerFlags {
  records: number;
  summary: unknown;
  total: number;
  items: unknown[];
}

/** A page of one buyer's stored flagged results with its summary; null when the buyer has none stored. */
export async function readBuyerFlags(
  db: Db,
  buyerId: number,
  offset: number,
  limit: number,
): Promise<StoredBuyerFlags | null> {
  const b = await sql<{ records: number; summary: unknown; total: string }>`
    select records, summary, (select count(*) from red_flag_result r where r.buyer_id = b.buyer_id)::text as total
    from red_flag_buyer b where buyer_id = ${buyerId}`.execute(db);
  const head = b.rows[0];
  if (!head) return null;
  const items = await sql<{ result: unknown }>`
    select result from red_flag_result where buyer_id = ${buyerId}
    order by position offset ${offset} limit ${limit}`.execute(db);
  return {
    records: head.records,
    summary: head.summary,
    total: Number(head.total),
    items: items.rows.map((r) => r.result),
  };
}
