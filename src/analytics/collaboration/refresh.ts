// Rebuilds the collaboration finder's stored summary (migration 0036; docs/collaboration.md, "Summary") for one
// as-of day: the let contracts whose decisions fall due within the longest window (60 months), found by the direct
// path's own SQL (query.ts contractsDue), each given `months`, the shortest window holding it (1 + the number of
// window ends before its decision day), then per level (CPV group, class): the contracts by market, the cells
// (market × area × buyer) with their figures per window length, and the suppliers (merged organisations followed)
// with two or more buyers in a market, per cell and window length. One transaction: the finder sees the old summary
// or the new, never half. Cost: the direct path's national query over 60 months, once per level, and the inserts.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Day, LeadTimePolicy } from '../../domain/rules/index.js';
import type { Database } from '../../store/database.js';
import { hoods } from './groups-sql.js';
import { contractsDue } from './query.js';
import {
  COLLABORATION_LEVELS,
  COLLABORATION_MAX_MONTHS,
  NATIONAL,
  windowLast,
  type CollaborationLevel,
} from './rules.js';

type Db = Kysely<Database>;

export interface CollaborationRefreshSummary {
  asOf: Day;
  contracts: number;
  cells: number;
  suppliers: number;
  seconds: number;
}

const MAX = COLLABORATION_MAX_MONTHS;

/**
 * Per-window arrays from rows of `src` grouped by `key` (one row per `months`, with running totals as `cumulative`
 * gives them): a row stands for every window from its months to the next row's months − 1, so the array starts at
 * the first months and holds one element per window length up to the longest.
 */
function perWindow(src: string, key: string, cumulative: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`select r.*, ${cumulative},
      coalesce(lead(r.months) over w, ${MAX + 1}::int) as next_months
    from ${sql.table(src)} r window w as (partition by ${sql.raw(key)} order by r.months)`;
}

async function refreshLevel(trx: Db, level: CollaborationLevel, asOf: Day, policy: LeadTimePolicy) {
  const scope = { asOf, last: windowLast(asOf, MAX), level, policy, minBuyers: 2 };
  // Window ends 1 … MAX − 1 months on, plus one day: width_bucket counts those at or before the decision day.
  const ends = Array.from({ length: MAX - 1 }, (_, i) => windowLast(asOf, i + 1));
  const r = await sql<{ contracts: number; cells: number; suppliers: number }>`
    with ${contractsDue(scope, undefined, true)},
    b as materialized (
      select cm.*, (1 + width_bucket(cm.due, array(select e + 1 from unnest(${ends}::date[]) e)))::int as months
      from cm),
    hood as (${hoods()}),
    contracts as (
      insert into collaboration_contract (level, market, anchor, months, area, buyer_id, ocid, gbp_value, due,
                                          horizon_day, horizon_from)
      select ${level}, b.m, j.anchor, b.months, b.area, b.buyer_id, b.ocid, b.gbp_value, b.due, b.horizon_day,
        b.horizon_from
      from b cross join lateral (
        select ${NATIONAL}::text as anchor where cardinality(b.area) = 0
        union all
        select hood.anchor from hood where b.area && hood.codes) j
      order by b.m, j.anchor, b.gbp_value desc nulls last, b.ocid
      returning 1),
    cb as (
      select m, area, buyer_id, months, count(*)::int as n, coalesce(sum(gbp_value), 0) as v,
        count(*) filter (where gbp_value is null)::int as nk, min(due) as first_due, max(due) as last_due
      from b group by m, area, buyer_id, months),
    cw as (${perWindow(
      'cb',
      'r.m, r.area, r.buyer_id',
      sql`sum(r.n) over w as cn, sum(r.v) over w as cv, sum(r.nk) over w as cnk, max(r.last_due) over w as cld`,
    )}),
    reg as (
      select m, area, buyer_id, array_agg(code order by code) as codes, array_agg(mo order by code) as mos
      from (select m, area, buyer_id, code, min(months)::smallint as mo
            from b, unnest(b.region_prefixes) code group by m, area, buyer_id, code) x
      group by m, area, buyer_id),
    cells as (
      insert into collaboration_cell (level, market, area, buyer_id, months_from, first_due, contracts, value,
                                      value_not_known, last_due, region_codes, region_months)
      select ${level}, a.m, a.area, a.buyer_id, a.months_from, a.first_due, a.contracts, a.value, a.value_not_known,
        a.last_due, coalesce(reg.codes, '{}'), coalesce(reg.mos, '{}')
      from (select m, area, buyer_id, min(months) as months_from, min(first_due) as first_due,
              array_agg(cn::int order by w) as contracts, array_agg(cv order by w) as value,
              array_agg(cnk::int order by w) as value_not_known, array_agg(cld order by w) as last_due
            from cw, generate_series(cw.months, cw.next_months - 1) w
            group by m, area, buyer_id) a
      left join reg on reg.m = a.m and reg.area = a.area and reg.buyer_id = a.buyer_id
      returning 1),
    sb as (
      select b.m, b.area, b.buyer_id, b.months, sup.id as supplier_id, count(distinct b.ocid)::int as n
      from b cross join lateral unnest(b.supplier_ids) sid
      join organisation s0 on s0.id = sid
      join organisation sup on sup.id = coalesce(s0.merged_into, s0.id)
      group by b.m, b.area, b.buyer_id, b.months, sup.id),
    shared as (select m, supplier_id from sb group by m, supplier_id having count(distinct buyer_id) >= 2),
    sbs as (select sb.* from sb join shared on shared.m = sb.m and shared.supplier_id = sb.supplier_id),
    sw as (${perWindow('sbs', 'r.m, r.area, r.buyer_id, r.supplier_id', sql`sum(r.n) over w as cn`)}),
    suppliers as (
      insert into collaboration_supplier (level, market, area, buyer_id, supplier_id, months_from, contracts)
      select ${level}, m, area, buyer_id, supplier_id, min(months), array_agg(cn::int order by w)
      from sw, generate_series(sw.months, sw.next_months - 1) w
      group by m, area, buyer_id, supplier_id
      returning 1)
    select (select count(*) from c)::int as contracts, (select count(*) from cells)::int as cells,
      (select count(*) from suppliers)::int as suppliers`.execute(trx);
  return r.rows[0]!;
}

/** Rebuilds the summary for `asOf` with the lead-time policy in force on it (the finder uses it for that day only). */
export async function refreshCollaborationSummary(
  db: Db,
  asOf: Day,
  policy: LeadTimePolicy,
): Promise<CollaborationRefreshSummary> {
  const started = Date.now();
  const totals = await db.transaction().execute(async (trx) => {
    await sql`delete from collaboration_cell`.execute(trx);
    await sql`delete from collaboration_contract`.execute(trx);
    await sql`delete from collaboration_supplier`.execute(trx);
    const out = { contracts: 0, cells: 0, suppliers: 0 };
    for (const level of COLLABORATION_LEVELS) {
      const r = await refreshLevel(trx, level, asOf, policy);
      if (level === 'group') out.contracts = r.contracts;
      out.cells += r.cells;
      out.suppliers += r.suppliers;
    }
    const seconds = (Date.now() - started) / 1000;
    await sql`insert into collaboration_summary_state (id, as_of, policy, refreshed_at, seconds, contracts, cells,
        suppliers)
      values (1, ${asOf}::date, ${JSON.stringify(policy)}, now(), ${seconds}, ${out.contracts}, ${out.cells},
        ${out.suppliers})
      on conflict (id) do update set as_of = excluded.as_of, policy = excluded.policy,
        refreshed_at = excluded.refreshed_at, seconds = excluded.seconds, contracts = excluded.contracts,
        cells = excluded.cells, suppliers = excluded.suppliers`.execute(trx);
    await sql`analyze collaboration_cell, collaboration_contract, collaboration_supplier`.execute(trx);
    return out;
  });
  // The visibility map, so that the lists' index scans check window and buyer in the index alone.
  await sql`vacuum collaboration_cell, collaboration_contract, collaboration_supplier`.execute(db);
  return { asOf, ...totals, seconds: (Date.now() - started) / 1000 };
}
