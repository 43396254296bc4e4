// The collaboration finder's summary path (docs/collaboration.md, "Summary"): today's questions answered from the
// stored summary (migration 0036, refresh.ts) with the same results as the direct path (query.ts). The cells come
// stored (market × area × buyer, their figures read at the window's length), so the grouping (groups-sql.ts) reads
// a few thousand cells, not tens of thousands of contracts; the page's buyers come from its cells, its contracts from
// the ten largest of each group (an ordered index scan per group), its shared incumbents from the stored supplier
// rows (already resolved through merges, only suppliers with two or more buyers in the market). A window the summary
// cannot answer (another as-of day or lead-time policy, a CPV filter finer than the market level) is left to the
// direct path: `summaryWindow` says which.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../store/database.js';
import {
  buyerLists,
  contractLists,
  groupsFromCells,
  incumbentLists,
  inGroup,
  isAskingBuyer,
  marketCompatible,
  PAGE_SELECT,
  pageOfGroups,
} from './groups-sql.js';
import {
  GROUP_LIST_LIMIT,
  pageRows,
  type CollaborationGroupRow,
  type CollaborationPageOptions,
  type CollaborationScope,
} from './query.js';
import { COLLABORATION_MAX_MONTHS, LEVEL_DIGITS, NATIONAL, windowLast } from './rules.js';

type Db = Kysely<Database>;

/** The as-of day and lead-time policy the stored summary was built for (null: never refreshed). */
export async function summaryState(db: Db): Promise<{ asOf: string; policy: string } | null> {
  const r = await sql<{ as_of: string; policy: string }>`
    select as_of::text as as_of, policy from collaboration_summary_state where id = 1`.execute(db);
  const row = r.rows[0];
  return row ? { asOf: row.as_of, policy: row.policy } : null;
}

/**
 * The window's length in months when the stored summary answers the scope exactly, else null: built for the same
 * as-of day and lead-time policy, a window of whole months from the as-of day, and a CPV filter (if any) no finer
 * than the market level (a finer one selects contracts within a market, which the cells do not keep apart).
 */
export async function summaryWindow(db: Db, s: CollaborationScope): Promise<number | null> {
  if (s.cpvPrefix !== undefined && s.cpvPrefix.length > LEVEL_DIGITS[s.level]) return null;
  const state = await summaryState(db);
  if (state?.asOf !== s.asOf || state.policy !== JSON.stringify(s.policy)) return null;
  for (let w = 1; w <= COLLABORATION_MAX_MONTHS; w++) if (windowLast(s.asOf, w) === s.last) return w;
  return null;
}

/** Element w of a per-window array column `alias.column`, which starts at the row's `alias.months_from`. */
const at = (col: string, w: number) =>
  sql`${sql.ref(col)}[${w}::int - ${sql.ref(`${col.split('.')[0]}.months_from`)} + 1]`;

/** The cells of the window from the summary, in the shape groups-sql.ts reads. */
function storedCells(s: CollaborationScope, w: number, markets?: readonly string[]): RawBuilder<unknown> {
  const regionHit =
    s.region === undefined
      ? sql`false`
      : sql`exists (select 1 from unnest(c.region_codes, c.region_months) r(code, mo)
                    where r.code = ${s.region} and r.mo <= ${w}::int)`;
  return sql`cell as (
      select * from (
        select c.market as m, c.area, c.buyer_id, ${at('c.contracts', w)} as n, ${at('c.value', w)} as v,
          ${at('c.value_not_known', w)} as nk, c.first_due, ${at('c.last_due', w)} as last_due,
          ${regionHit} as region_hit
        from collaboration_cell c
        where c.level = ${s.level} and c.months_from <= ${w}::int) cc
      where ${marketCompatible(s, markets)})`;
}

/** The markets the buyer asked for has contracts due in within the window (null: none, so no groups). */
async function buyerMarkets(db: Db, s: CollaborationScope, w: number): Promise<string[] | undefined | null> {
  if (s.buyerId === undefined) return undefined;
  const r = await sql<{ market: string }>`
    select distinct market from collaboration_cell
    where level = ${s.level} and buyer_id = ${s.buyerId} and months_from <= ${w}::int`.execute(db);
  return r.rows.length === 0 ? null : r.rows.map((x) => x.market);
}

/**
 * The ten largest contracts of group p among the asking buyer's (`mine`) or the others': its regional members
 * (rows under its anchor; none for the national group) and the national contracts (rows under `national`), each an
 * ordered range of the index.
 */
function largest(s: CollaborationScope, w: number, mine: boolean): RawBuilder<unknown> {
  const who = mine
    ? sql`x.buyer_id = ${s.buyerId ?? null}::bigint`
    : sql`x.buyer_id is distinct from ${s.buyerId ?? null}::bigint`;
  const branch = (anchor: RawBuilder<unknown>, when: RawBuilder<unknown>) => sql`(
      select x.ocid, x.buyer_id, x.gbp_value, x.due, x.horizon_day, x.horizon_from, x.area, ${mine} as mine
      from collaboration_contract x
      where ${when} and x.level = ${s.level} and x.market = p.m and x.anchor = ${anchor}
        and x.months <= ${w}::int and ${who}
      order by x.gbp_value desc nulls last, x.ocid limit ${GROUP_LIST_LIMIT})`;
  return sql`${branch(sql`p.a`, sql`p.a <> ${NATIONAL}`)}
    union all ${branch(sql`${NATIONAL}::text`, sql`true`)}`;
}

/**
 * One page of groups from the stored summary for a window of `w` months (summaryWindow), with the same groups,
 * order, lists and counts as findCollaborationPageDirect.
 */
export async function findCollaborationPageFromSummary(
  db: Db,
  s: CollaborationScope,
  o: CollaborationPageOptions,
  w: number,
): Promise<CollaborationGroupRow[]> {
  const markets = await buyerMarkets(db, s, w);
  if (markets === null) return [];
  // The group's first contracts are among the asking buyer's ten largest and the others' ten largest.
  const candidates =
    s.buyerId === undefined
      ? largest(s, w, false)
      : sql`${largest(s, w, false)} union all ${largest(s, w, true)}`;
  const rows = await sql<CollaborationGroupRow>`
    with ${storedCells(s, w, markets)},
    ${groupsFromCells(s)},
    ${pageOfGroups(s, o, true)},
    pmc as materialized (
      select p.rn, cell.buyer_id, cell.n, cell.v, cell.area, ${isAskingBuyer(s, 'cell.buyer_id')} as mine
      from p join hood mh on mh.anchor = p.a join cell on cell.m = p.m and ${inGroup('cell')}),
    ${buyerLists('pmc', GROUP_LIST_LIMIT)},
    ${contractLists(
      sql`(select p.rn, t.* from p
           cross join lateral (
             select u.*, row_number() over (order by u.mine desc, u.gbp_value desc nulls last, u.ocid) as k
             from (${candidates}) u) t) k`,
      GROUP_LIST_LIMIT,
    )},
    ${incumbentLists(
      sql`(select p.rn, s.supplier_id as id, count(distinct s.buyer_id)::int as buyers,
              sum(${at('s.contracts', w)})::int as contracts,
              row_number() over (partition by p.rn order by count(distinct s.buyer_id) desc,
                                 sum(${at('s.contracts', w)}) desc, s.supplier_id) as k
            from p join hood mh on mh.anchor = p.a
            join collaboration_supplier s on s.level = ${s.level} and s.market = p.m
              and s.months_from <= ${w}::int and ${inGroup('s')}
            group by p.rn, s.supplier_id having count(distinct s.buyer_id) >= 2) x`,
      GROUP_LIST_LIMIT,
    )}
    ${PAGE_SELECT}`.execute(db);
  return pageRows(rows.rows);
}
