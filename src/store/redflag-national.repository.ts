// The national red-flag list (docs/red-flags.md, "National list"): every buyer's stored flagged results (migration
// 0030, filter columns 0035), filtered by flag, severity, buyer, main CPV prefix and region prefix, in one round
// trip: a page of results with their buyer and whether that buyer waits to be judged again, the number of results
// (counted up to a cap, so a count never scans the whole table), and how many buyers are queued.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from './database.js';
import { queuedSql } from './redflag-store.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface NationalFlagFilter {
  flagId?: string;
  /** 0 high, 1 medium, 2 low (red_flag_result.severity). */
  severity?: number;
  /** A surviving organisation id. */
  buyerId?: number;
  /** Digits only (checked by the service). */
  cpvPrefix?: string;
  /** A region code prefix (NUTS form, as stored), e.g. UKE or UKE4. */
  region?: string;
}

/** `severity`: severity, flag, buyer, then the buyer's list order (red_flag_result_national); `buyer`: buyer first. */
export type NationalFlagSort = 'severity' | 'buyer';

export interface NationalFlagRow {
  buyerId: number;
  buyerName: string;
  /** The buyer waits to be judged again: this result is from its last refresh, older than its data. */
  queued: boolean;
  result: unknown;
}

export interface NationalFlagPage {
  /** Results matching, counted up to `cap`. */
  total: number;
  /** More than `cap` results match (total is then `cap`). */
  capped: boolean;
  /** Buyers waiting to be judged again, anywhere (their stored results are stale or not there yet). */
  queuedBuyers: number;
  items: NationalFlagRow[];
}

function where(f: NationalFlagFilter): RawBuilder<boolean> {
  const parts: RawBuilder<boolean>[] = [sql<boolean>`true`];
  if (f.flagId !== undefined) parts.push(sql<boolean>`r.flag_id = ${f.flagId}`);
  if (f.severity !== undefined) parts.push(sql<boolean>`r.severity = ${f.severity}`);
  if (f.buyerId !== undefined) parts.push(sql<boolean>`r.buyer_id = ${f.buyerId}`);
  // Prefixes are digits (CPV) or letters and digits (regions): no LIKE wildcards in them.
  if (f.cpvPrefix !== undefined) parts.push(sql<boolean>`r.cpv_main like ${`${f.cpvPrefix}%`}`);
  if (f.region !== undefined) parts.push(sql<boolean>`r.region_prefixes @> array[${f.region}]::text[]`);
  return sql.join(parts, sql` and `) as RawBuilder<boolean>;
}

const ORDER: Record<NationalFlagSort, RawBuilder<unknown>> = {
  severity: sql`r.severity, r.flag_id, r.buyer_id, r.position`,
  buyer: sql`r.buyer_id, r.position`,
};

export async function readNationalFlags(
  db: Db,
  filter: NationalFlagFilter,
  sort: NationalFlagSort,
  offset: number,
  limit: number,
  cap: number,
): Promise<NationalFlagPage> {
  const w = where(filter);
  const keys = sql`r.buyer_id, r.position, r.severity, r.flag_id`;
  const order = ORDER[sort];
  // Only the first `cap` results can be paged.
  const take = Math.max(0, Math.min(limit, cap - offset));
  // Filtered on what the ordering index holds (red_flag_result_national: severity, flag, buyer; the primary key for
  // `buyer`: buyer), the matches are counted up to cap + 1 and the page's offset + limit keys read off that index in
  // list order, index-only once vacuumed: the filter is checked in the index, so a walk never reads the table.
  // Otherwise (CPV, region; flag or severity sorted by buyer) the first cap + 1 keys in list order are materialised,
  // then counted and paged: PostgreSQL weighs fetching the matches by the filter's own index and sorting them against
  // walking the ordering index, for cap + 1 rows. Asked for a page only, it walked the ordering index, reading each
  // row's CPV code or regions from the table: 6 s for a CPV code whose 21,840 results sit at the end of the list
  // order, 7 s and more for a region with none (docs/performance.md).
  // The count is in list order, though any cap + 1 would do: without an order PostgreSQL may count by a sequential
  // scan, which before the table is vacuumed starts where the last one stopped (synchronised scans), so it reads and
  // hint-bits fresh pages on every request (60-400 ms; docs/performance.md).
  const walk =
    filter.cpvPrefix === undefined &&
    filter.region === undefined &&
    (sort === 'severity' || (filter.flagId === undefined && filter.severity === undefined));
  const matches = walk
    ? sql`n as (
        select count(*)::int as n from (select from red_flag_result r where ${w} order by ${order} limit ${cap + 1}) c
      ),
      k as (select ${keys} from red_flag_result r where ${w} order by ${order} offset ${offset} limit ${take})`
    : sql`m as materialized (select ${keys} from red_flag_result r where ${w} order by ${order} limit ${cap + 1}),
      n as (select count(*)::int as n from m),
      k as (select * from m r order by ${order} offset ${offset} limit ${take})`;
  // Then only the page's results are read from the table.
  const r = await sql<{
    total: number;
    queued_buyers: number;
    buyer_id: number | null;
    buyer_name: string;
    queued: boolean;
    result: unknown;
  }>`
    with ${matches}
    select h.total, h.queued_buyers, r.buyer_id, r.buyer_name, r.queued, r.result
    from (select (select n from n) as total,
                 (select count(distinct buyer_id) from red_flag_queue)::int as queued_buyers) h
    left join (
      select k.*, o.name as buyer_name, ${queuedSql(sql.ref('k.buyer_id'))} as queued, x.result
      from k join red_flag_result x on x.buyer_id = k.buyer_id and x.position = k.position
      join organisation o on o.id = k.buyer_id) r on true
    order by ${order}`.execute(db);
  // One row per result of the page (each result parsed on its own: cheaper than one JSON array of them all), or one
  // row without a result when the page is empty.
  const head = r.rows[0]!;
  return {
    total: Math.min(head.total, cap),
    capped: head.total > cap,
    queuedBuyers: head.queued_buyers,
    items: r.rows.flatMap((i) =>
      i.buyer_id === null
        ? []
        : [{ buyerId: Number(i.buyer_id), buyerName: i.buyer_name, queued: i.queued, result: i.result }],
    ),
  };
}
