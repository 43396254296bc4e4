// The collaboration finder's query, direct path (docs/collaboration.md): groups of two or more buyers whose let
// contracts are in the same CPV market, in the same or adjacent ITL1 regions (or national), with decisions due in
// the window. Reads the horizon scan's summary table (horizon_entry): candidates come from range scans on its end-day
// indexes, one branch per value band (the lead time, and so the decision-due day, depends on the band); the grouping
// is done on (market, area, buyer) cells (groups-sql.ts) so that the test "is this group inside a bigger one"
// compares a few areas, not thousands of contracts. Any as-of day, any filter; the stored summary (summary-query.ts)
// answers today's questions faster with the same results. Every value is a bind parameter; the rules are rules.ts's.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Day, LeadTimePolicy } from '../../domain/rules/index.js';
import type { Database } from '../../store/database.js';
import {
  areaOf,
  buyerLists,
  contractLists,
  day,
  groupsFromCells,
  incumbentLists,
  inGroup,
  isAskingBuyer,
  marketCompatible,
  PAGE_SELECT,
  pageOfGroups,
  SPECIFIC_CODE,
} from './groups-sql.js';
import { LEVEL_DIGITS, type Anchor, type CollaborationLevel } from './rules.js';

type Db = Kysely<Database>;

export interface CollaborationScope {
  asOf: Day;
  /** Last day of the window (inclusive). */
  last: Day;
  level: CollaborationLevel;
  policy: LeadTimePolicy;
  /** CPV prefix (2 to 8 digits): only contracts with a code starting with it, in markets compatible with it. */
  cpvPrefix?: string;
  /** NUTS form of an ITL/NUTS code: only groups with a contract whose region starts with it. */
  region?: string;
  /** Only groups this buyer is in. */
  buyerId?: number;
  minBuyers: number;
}

export const COLLABORATION_SORTS = ['value', 'buyers', 'contracts', 'decision'] as const;
export type CollaborationSort = (typeof COLLABORATION_SORTS)[number];

/** How many buyers, contracts and shared incumbents each group carries in full (the counts are always whole). */
export const GROUP_LIST_LIMIT = 10;

export interface GroupBuyerRow {
  id: number;
  name: string | null;
  contracts: number;
  value: string;
  area: string[];
}
export interface GroupContractRow {
  ocid: string;
  title: string | null;
  buyer_id: number;
  value: string | null;
  due: string;
  horizon_day: string;
  from: 'end' | 'max-extent';
  area: string[];
  synthetic: boolean;
}
export interface GroupIncumbentRow {
  id: number;
  name: string | null;
  buyers: number;
  contracts: number;
}

export interface CollaborationGroupRow {
  market: string;
  anchor: Anchor;
  buyer_count: number;
  contract_count: number;
  value_gbp: string;
  value_not_known: number;
  first_due: string;
  last_due: string;
  /** Areas of the group's contracts ('' = national), sorted. */
  areas: string[];
  shared_count: number;
  buyers: GroupBuyerRow[];
  contracts: GroupContractRow[];
  shared: GroupIncumbentRow[];
  total: number;
}

/** Candidate branches: one per value band × (end, latest possible end), each a plain range on one index. */
function candidates(s: CollaborationScope): RawBuilder<unknown> {
  const bands = s.policy.bands;
  const valueBands: { cond: RawBuilder<boolean>; months: number }[] = bands.map((b, i) => {
    const next = bands[i + 1];
    const lo = i === 0 ? sql`e.gbp_value is not null` : sql`e.gbp_value >= ${b.from}::numeric`;
    const hi = next ? sql`e.gbp_value < ${next.from}::numeric` : sql`true`;
    return { cond: sql<boolean>`${lo} and ${hi}`, months: b.months };
  });
  valueBands.push({ cond: sql<boolean>`e.gbp_value is null`, months: s.policy.unknownValueMonths });
  const extra: RawBuilder<unknown>[] = [sql`e.buyer_id is not null`];
  if (s.cpvPrefix !== undefined) extra.push(sql`e.cpv_prefixes @> array[${s.cpvPrefix}]::text[]`);
  const filters = sql.join(extra, sql` and `);
  const branches: RawBuilder<unknown>[] = [];
  for (const { cond, months } of valueBands) {
    // due = day − months in [asOf, last]  ⇒  day in [asOf + months, last + months + 3 days] (a 31st clamps to a
    // shorter month's end by up to 3 days); the exact test follows in `c`.
    const lo = sql`(${day(s.asOf)} + make_interval(months => ${months}::int))::date`;
    const hi = sql`(${day(s.last)} + make_interval(months => ${months}::int, days => 3))::date`;
    const common = sql`e.ocid, e.buyer_id, e.gbp_value, e.cpv_prefixes, e.region_prefixes, e.supplier_ids,
      ${months}::int as lead`;
    branches.push(sql`select ${common}, e.end_day as horizon_day, 'end' as horizon_from from horizon_entry e
      where e.end_day >= ${lo} and e.end_day <= ${hi} and ${cond} and ${filters}`);
    branches.push(sql`select ${common}, e.max_extent_day, 'max-extent' from horizon_entry e
      where e.max_extent_day >= ${lo} and e.max_extent_day <= ${hi}
        and (e.end_day is null or e.end_day < ${day(s.asOf)}) and ${cond} and ${filters}`);
  }
  return sql.join(branches, sql` union all `);
}

/**
 * The contracts due (`c`: one row per let contract whose decision falls in the window, with its area) and `cm` (one
 * row per contract × market it is in, markets limited as asked). `regions` keeps the region prefixes (the refresh).
 */
export function contractsDue(
  s: CollaborationScope,
  markets?: readonly string[],
  regions = false,
): RawBuilder<unknown> {
  const digits = LEVEL_DIGITS[s.level];
  return sql`
    c as materialized (
      select x.ocid, x.buyer_id, x.gbp_value, x.supplier_ids, x.horizon_from, x.horizon_day,
        (x.horizon_day - make_interval(months => x.lead))::date as due, x.cpv_prefixes,
        ${areaOf(sql`x.region_prefixes`)} as area,
        ${regions ? sql`x.region_prefixes,` : sql``}
        ${s.region === undefined ? sql`false` : sql`x.region_prefixes @> array[${s.region}]::text[]`} as region_hit
      from (${candidates(s)}) x
      where (x.horizon_day - make_interval(months => x.lead))::date between ${day(s.asOf)} and ${day(s.last)}),
    cm as materialized (
      select m, c.* from c
      cross join lateral (select distinct left(p, ${digits}::int) as m from unnest(c.cpv_prefixes) p
                          where ${SPECIFIC_CODE(digits)}) mk
      where ${marketCompatible(s, markets)})`;
}

/** The WITH list of the direct path: the contracts due, their cells, and the groups (groups-sql.ts). */
function groupsWith(s: CollaborationScope, markets?: readonly string[]): RawBuilder<unknown> {
  return sql`${contractsDue(s, markets)},
    cell as (
      select m, area, buyer_id, count(*)::int as n, coalesce(sum(gbp_value), 0) as v,
        count(*) filter (where gbp_value is null)::int as nk, min(due) as first_due, max(due) as last_due,
        bool_or(region_hit) as region_hit
      from cm group by m, area, buyer_id),
    ${groupsFromCells(s)}`;
}

export interface CollaborationPageOptions {
  sort: CollaborationSort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/** A group's member contracts, joined to the groups `p` (market p.m, anchor p.a) in one pass over cm. */
const MEMBERS_OF_P = sql`p join hood mh on mh.anchor = p.a join cm on cm.m = p.m and ${inGroup('cm')}`;

/** The markets a buyer has contracts due in (its groups can only be in these). */
async function buyerMarkets(db: Db, s: CollaborationScope): Promise<string[]> {
  if (s.buyerId === undefined) return [];
  const digits = LEVEL_DIGITS[s.level];
  const r = await sql<{ m: string }>`
    with c as (select x.cpv_prefixes from (${candidates(s)}) x
      where x.buyer_id = ${s.buyerId}
        and (x.horizon_day - make_interval(months => x.lead))::date between ${day(s.asOf)} and ${day(s.last)})
    select distinct left(p, ${digits}::int) as m from c, unnest(c.cpv_prefixes) p
    where ${SPECIFIC_CODE(digits)}`.execute(db);
  return r.rows.map((x) => x.m);
}

/** The markets of the buyer asked for (null when it has none, so no groups); undefined: every market. */
async function scopeMarkets(db: Db, s: CollaborationScope): Promise<string[] | undefined | null> {
  if (s.buyerId === undefined) return undefined;
  const markets = await buyerMarkets(db, s);
  return markets.length === 0 ? null : markets;
}

/** The page's rows as the driver returns them, with ids as numbers. */
export const pageRows = (rows: CollaborationGroupRow[]): CollaborationGroupRow[] =>
  rows.map((r) => ({
    ...r,
    buyers: r.buyers.map((b) => ({ ...b, id: Number(b.id) })),
    contracts: r.contracts.map((c) => ({ ...c, buyer_id: Number(c.buyer_id) })),
    shared: r.shared.map((x) => ({ ...x, id: Number(x.id) })),
  }));

/**
 * One page of groups computed from the contracts (any as-of day and filter), in order (ties: market, anchor), each
 * with its leading buyers, contracts and incumbents.
 */
export async function findCollaborationPageDirect(
  db: Db,
  s: CollaborationScope,
  o: CollaborationPageOptions,
): Promise<CollaborationGroupRow[]> {
  const markets = await scopeMarkets(db, s);
  if (markets === null) return [];
  // The page's groups' members in one hash join over cm (not a scan of cm per group), then the lists per group.
  const rows = await sql<CollaborationGroupRow>`
    with ${groupsWith(s, markets)},
    ${pageOfGroups(s, o, true)},
    pm as materialized (
      select p.rn, cm.ocid, cm.buyer_id, 1 as n, cm.gbp_value, cm.gbp_value as v, cm.due, cm.horizon_day,
        cm.horizon_from, cm.area, cm.supplier_ids, ${isAskingBuyer(s, 'cm.buyer_id')} as mine
      from ${MEMBERS_OF_P}),
    ${buyerLists('pm', GROUP_LIST_LIMIT)},
    ${contractLists(
      sql`(select pm.*, row_number() over (partition by rn order by mine desc, gbp_value desc nulls last, ocid) as k
            from pm) k`,
      GROUP_LIST_LIMIT,
    )},
    ${incumbentLists(
      sql`(select pm.rn, sup.id, count(distinct pm.buyer_id)::int as buyers,
              count(distinct pm.ocid)::int as contracts,
              row_number() over (partition by pm.rn order by count(distinct pm.buyer_id) desc,
                                 count(distinct pm.ocid) desc, sup.id) as k
            from pm cross join lateral unnest(pm.supplier_ids) sid
            join organisation s0 on s0.id = sid
            join organisation sup on sup.id = coalesce(s0.merged_into, s0.id)
            group by pm.rn, sup.id having count(distinct pm.buyer_id) >= 2) x`,
      GROUP_LIST_LIMIT,
    )}
    ${PAGE_SELECT}`.execute(db);
  return pageRows(rows.rows);
}

export interface GroupMemberRow {
  market: string;
  anchor: Anchor;
  rank: number;
  ocid: string;
  title: string | null;
  buyer_id: number;
  buyer_name: string | null;
  value: string | null;
  due: string;
  horizon_day: string;
  from: 'end' | 'max-extent';
  area: string[];
  suppliers: { id: number; name: string }[];
  synthetic: boolean;
}

/** Every contract of the groups ranked offset+1 … offset+limit (for the CSV), group by group in rank order. */
export async function findGroupMembers(
  db: Db,
  s: CollaborationScope,
  o: CollaborationPageOptions,
): Promise<GroupMemberRow[]> {
  const markets = await scopeMarkets(db, s);
  if (markets === null) return [];
  const rows = await sql<GroupMemberRow>`
    with ${groupsWith(s, markets)},
    ${pageOfGroups(s, o, false)}
    select p.m as market, p.a as anchor, p.rn::int as rank, cm.ocid, pr.title, cm.buyer_id, bo.name as buyer_name,
      cm.gbp_value::text as value, cm.due::text as due, cm.horizon_day::text as horizon_day,
      cm.horizon_from as from, cm.area, pr.synthetic,
      coalesce((select json_agg(json_build_object('id', x.id, 'name', x.name) order by x.name, x.id)
        from (select distinct sup.id, sup.name from unnest(cm.supplier_ids) sid
              join organisation s0 on s0.id = sid join organisation sup on sup.id = coalesce(s0.merged_into, s0.id)) x),
        '[]'::json) as suppliers
    from ${MEMBERS_OF_P}
    join process pr on pr.ocid = cm.ocid
    left join organisation bo on bo.id = cm.buyer_id
    order by p.rn, cm.gbp_value desc nulls last, cm.ocid`.execute(db);
  return rows.rows.map((r) => ({
    ...r,
    buyer_id: Number(r.buyer_id),
    suppliers: r.suppliers.map((x) => ({ id: Number(x.id), name: x.name })),
  }));
}
