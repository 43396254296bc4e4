// Stored red-flag results (migration 0030; docs/red-flags.md, "Stored results"): per buyer, the summary and record
// count, and the flagged results in the order the list shows them. The projection queues the old and new buyer of
// every process it writes (in its own transaction), organisation merges queue both organisations, and the refresh
// (services/redflags-refresh.ts) recomputes the queued buyers. Results are stored as JSON: the analytics own their
// shape.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
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
    // With what the national list filters on (migration 0035): the record's main CPV code, and the prefixes of
    // its places of performance and of the buyer's region (as the market analytics read a region).
    await sql`insert into red_flag_result (buyer_id, position, ocid, flag_id, severity, result, cpv_main,
        region_prefixes)
      select ${buyerId}, x.position, x.ocid, x.flag_id, x.severity, x.result, p.cpv_main,
        array(select distinct left(code, n)
              from unnest(coalesce(p.delivery_regions, '{}') || array_remove(array[b.region_code], null)) code,
                   generate_series(2, length(code)) n
              where length(code) >= 2)
      from jsonb_to_recordset(${JSON.stringify(
        chunk.map((r, k) => ({
          position: i + k,
          ocid: r.ocid,
          flag_id: r.flagId,
          severity: r.severity,
          result: r.result,
        })),
      )}::jsonb) as x(position int, ocid text, flag_id text, severity smallint, result jsonb)
      left join process p on p.ocid = x.ocid
      left join organisation b on b.id = ${buyerId}`.execute(db);
  }
}

/**
 * Whether organisation `id` (or one merged into it) waits in the queue: its stored results are stale. Two index
 * probes (red_flag_queue_buyer, organisation_merged_into): one `exists` with `or` scanned the whole queue for each
 * buyer not in it (about 1 ms a buyer with 12,000 queued, 50 ms for a national page; docs/performance.md).
 */
export const queuedSql = (id: RawBuilder<unknown>) => sql<boolean>`(
  exists (select 1 from red_flag_queue q where q.buyer_id = ${id})
  or exists (select 1 from organisation m join red_flag_queue q on q.buyer_id = m.id where m.merged_into = ${id}))`;

export interface StoredBuyerFlags {
  /** The organisation asked for, after following merges. */
  buyer: { id: number; name: string };
  /** Whether it waits to be judged again (its stored results, if any, are older than its data). */
  queued: boolean;
  /** Null when nothing is stored for it. */
  stored: { records: number; summary: unknown; total: number; items: unknown[] } | null;
}

/**
 * In one round trip: the organisation after merges, whether it is queued, and a page of its stored flagged results
 * with its summary. Null when no such organisation.
 */
export async function readBuyerFlags(
  db: Db,
  organisationId: number,
  offset: number,
  limit: number,
): Promise<StoredBuyerFlags | null> {
  const r = await sql<{
    id: string;
    name: string;
    queued: boolean;
    records: number | null;
    summary: unknown;
    total: number;
    items: unknown[];
  }>`
    with recursive chain (id, merged_into, depth) as (
      select id, merged_into, 0 from organisation where id = ${organisationId}
      union all
      select o.id, o.merged_into, chain.depth + 1
      from chain join organisation o on o.id = chain.merged_into
      where chain.depth < 64
    ), s as (select id from chain where merged_into is null)
    select s.id::text, o.name, ${queuedSql(sql.ref('s.id'))} as queued, b.records, b.summary,
      (select count(*) from red_flag_result r where r.buyer_id = s.id)::int as total,
      coalesce((select json_agg(x.result order by x.position)
                from (select result, position from red_flag_result r where r.buyer_id = s.id
                      order by position offset ${offset} limit ${limit}) x), '[]') as items
    from s join organisation o on o.id = s.id
    left join red_flag_buyer b on b.buyer_id = s.id`.execute(db);
  const row = r.rows[0];
  if (!row) return null;
  return {
    buyer: { id: Number(row.id), name: row.name },
    queued: row.queued,
    stored:
      row.records === null
        ? null
        : { records: row.records, summary: row.summary, total: row.total, items: row.items },
  };
}
