// The SQL both of the finder's paths share (docs/collaboration.md): from a `cell` CTE (market m × area × buyer, with
// its contracts n, value v, values not known nk, first and last decision due and whether it meets the region filter)
// the anchors, each group's member cells, the groups of enough buyers and the maximal ones (`g`), the filters
// applied to them and the ranking that pages them. The direct path (query.ts) builds `cell` from the contracts due,
// the summary path (summary-query.ts) reads it from the stored summary; what follows is the same text.
import { sql, type RawBuilder } from 'kysely';
import { ITL1_CODES } from '../../domain/itl-adjacency.js';
import type { Day } from '../../domain/rules/index.js';
import type { CollaborationPageOptions, CollaborationScope, CollaborationSort } from './query.js';
import { NATIONAL, neighbourhood, type Anchor } from './rules.js';

export const day = (d: Day) => sql`${d}::date`;

/**
 * `p` (an element of cpv_prefixes) is a whole code at least as specific as the market level: 85000000 (a division)
 * is in no group market, 85300000 is in group 853 (rules.ts marketsOf).
 */
export const SPECIFIC_CODE = (digits: number) =>
  sql`length(p) = 8 and length(rtrim(p, '0')) >= ${digits}::int`;

/** The anchor → neighbourhood table (domain/itl-adjacency.ts), as two parallel arrays. */
export function hoods(): RawBuilder<unknown> {
  const anchors: Anchor[] = [...ITL1_CODES, NATIONAL];
  return sql`select h.anchor, string_to_array(h.codes, ',') as codes
    from unnest(${anchors}::text[], ${anchors.map((a) => neighbourhood(a).join(','))}::text[]) h(anchor, codes)`;
}

/** The markets a query runs over, as an SQL condition on `m` (a market code) given the CPV filter. */
export function marketCompatible(s: CollaborationScope, markets?: readonly string[]): RawBuilder<boolean> {
  const c: RawBuilder<unknown>[] = [];
  if (s.cpvPrefix !== undefined) c.push(sql`(m like ${s.cpvPrefix} || '%' or ${s.cpvPrefix} like m || '%')`);
  if (markets !== undefined) c.push(sql`m = any(${[...markets]}::text[])`);
  return c.length === 0 ? sql<boolean>`true` : sql<boolean>`${sql.join(c, sql` and `)}`;
}

/** After a `cell` CTE: hood (neighbourhoods), anchor, member (cells of each group), grp and g (maximal groups). */
export function groupsFromCells(s: CollaborationScope): RawBuilder<unknown> {
  return sql`
    hood as (${hoods()}),
    anchor as (
      select distinct m, a from cell, unnest(case when cardinality(area) = 0 then array[${NATIONAL}]::text[] else area end) a),
    member as (
      select anchor.a, cell.*
      from anchor join hood on hood.anchor = anchor.a
      join cell on cell.m = anchor.m and (cell.area && hood.codes or cardinality(cell.area) = 0)),
    grp as (
      select m, a, count(distinct buyer_id)::int as buyer_count, sum(n)::int as contract_count, sum(v) as v,
        sum(nk)::int as nk, min(first_due) as first_due, max(last_due) as last_due,
        array_agg(distinct array_to_string(area, '+')) as areas,
        bool_or(region_hit) as region_hit, bool_or(buyer_id = ${s.buyerId ?? null}::bigint) as has_buyer
      from member group by m, a having count(distinct buyer_id) >= ${s.minBuyers}::int),
    g as (
      select grp.* from grp
      where not exists (
        select 1 from grp bigger
        where bigger.m = grp.m and bigger.a <> grp.a
          and grp.areas <@ bigger.areas
          and (bigger.contract_count > grp.contract_count or bigger.a < grp.a)))`;
}

/** The ITL1 codes of a region-prefix array `col`, distinct and sorted: the contract's area ('{}' = national). */
export const areaOf = (col: RawBuilder<unknown>) =>
  sql`array(select distinct r from unnest(${col}) r where r = any(${ITL1_CODES}::text[]) order by r)`;

/** Group filters applied after the maximal groups are known (a filter never splits a group). */
function groupFilter(s: CollaborationScope): RawBuilder<boolean> {
  const c: RawBuilder<unknown>[] = [sql`true`];
  if (s.buyerId !== undefined) c.push(sql`g.has_buyer`);
  if (s.region !== undefined) c.push(sql`g.region_hit`);
  return sql<boolean>`${sql.join(c, sql` and `)}`;
}

const ORDER: Record<CollaborationSort, RawBuilder<unknown>> = {
  value: sql`g.v`,
  buyers: sql`g.buyer_count`,
  contracts: sql`g.contract_count`,
  decision: sql`g.first_due`,
};

/** The `p` CTE: the page's groups with their rank `rn` (ties: market, anchor) and, if asked, the total. */
export function pageOfGroups(
  s: CollaborationScope,
  o: CollaborationPageOptions,
  withTotal: boolean,
): RawBuilder<unknown> {
  const dir = o.order === 'asc' ? sql`asc` : sql`desc`;
  return sql`p as (select * from (
            select g.*, ${withTotal ? sql`count(*) over () as total,` : sql``}
              row_number() over (order by ${ORDER[o.sort]} ${dir}, g.m, g.a) as rn
            from g where ${groupFilter(s)}) q
          where q.rn > ${o.offset}::int and q.rn <= ${o.offset + o.limit}::int)`;
}

/** `mh`: each page group's neighbourhood; rows of `t` in the group: same market, area meeting it or national. */
export const inGroup = (t: string) =>
  sql`(${sql.ref(`${t}.area`)} && mh.codes or cardinality(${sql.ref(`${t}.area`)}) = 0)`;

/** The buyer asked for, as an SQL condition on column `col` (never null: false when none is asked). */
export const isAskingBuyer = (s: CollaborationScope, col: string) =>
  sql`(${sql.ref(col)} = ${s.buyerId ?? null}::bigint) is true`;

/**
 * The page's buyer lists (`pb`) from rows of `src` (CTE) with rn, buyer_id, n, v, area, mine: per group the asking
 * buyer first, then by value, at most `limit`, named.
 */
export function buyerLists(src: string, limit: number): RawBuilder<unknown> {
  return sql`pb as materialized (
      select b.rn, json_agg(json_build_object('id', b.buyer_id, 'name', o.name, 'contracts', b.n, 'value', b.v::text,
               'area', array(select distinct r from unnest(string_to_array(b.areas, ',')) r where r <> '' order by r))
             order by b.k) as buyers
      from (select rn, buyer_id, sum(n)::int as n, coalesce(sum(v), 0) as v,
              -- The buyer's regions as text, made a sorted set only for the buyers listed (the limit).
              string_agg(array_to_string(area, ','), ',') as areas,
              row_number() over (partition by rn order by bool_or(mine) desc, coalesce(sum(v), 0) desc,
                                 buyer_id) as k
            from ${sql.table(src)} group by rn, buyer_id) b
      left join organisation o on o.id = b.buyer_id
      where b.k <= ${limit}
      group by b.rn)`;
}

/**
 * The page's contract lists (`pc`) from rows of `src` (CTE or subquery alias k) with rn, k (rank in the group),
 * ocid, buyer_id, gbp_value, due, horizon_day, horizon_from, area: titled from `process` (register contracts, which
 * have no process, drop out after ranking, as they always have).
 */
export function contractLists(src: RawBuilder<unknown>, limit: number): RawBuilder<unknown> {
  return sql`pc as materialized (
      select k.rn, json_agg(json_build_object('ocid', k.ocid, 'title', pr.title, 'buyer_id', k.buyer_id,
               'value', k.gbp_value::text, 'due', k.due::text, 'horizon_day', k.horizon_day::text,
               'from', k.horizon_from, 'area', k.area, 'synthetic', pr.synthetic) order by k.k) as contracts
      from ${src}
      join process pr on pr.ocid = k.ocid
      where k.k <= ${limit}
      group by k.rn)`;
}

/**
 * The page's shared incumbents (`ps`) from `x` rows (rn, id, buyers, contracts, k) of the suppliers with two or more
 * buyers: their count and the first `limit`, named.
 */
export function incumbentLists(src: RawBuilder<unknown>, limit: number): RawBuilder<unknown> {
  return sql`ps as materialized (
      select x.rn, count(*)::int as shared_count,
        json_agg(json_build_object('id', x.id, 'name', sup.name, 'buyers', x.buyers, 'contracts', x.contracts)
                 order by x.k) filter (where x.k <= ${limit}) as shared
      from ${src}
      join organisation sup on sup.id = x.id
      group by x.rn)`;
}

/** The final select of a page: the groups in rank order with their three lists. */
export const PAGE_SELECT = sql`
    select p.m as market, p.a as anchor, p.buyer_count, p.contract_count, p.v::text as value_gbp,
      p.nk as value_not_known, p.first_due::text as first_due, p.last_due::text as last_due, p.areas,
      p.total::int as total, coalesce(pb.buyers, '[]'::json) as buyers, coalesce(pc.contracts, '[]'::json) as contracts,
      coalesce(ps.shared, '[]'::json) as shared, coalesce(ps.shared_count, 0) as shared_count
    from p left join pb on pb.rn = p.rn left join pc on pc.rn = p.rn left join ps on ps.rn = p.rn
    order by p.rn`;
