// Reads of the mission summary (migration 0033; docs/mission-dashboard.md): the cells of mission × buyer × region ×
// quarter added up by mission, quarter, region or buyer under filters. Only exact sums (numeric, as text) leave
// here; shares are computed by figures.ts. Every value is a bind parameter; every read is one index range scan of
// the summary (the `all` quarter rows for everything but the trend).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../../store/database.js';

type Db = Kysely<Database>;

export interface SummaryFilters {
  missionId?: string;
  /** ITL1 code (NUTS form) of the buyer's region. */
  region?: string;
  buyerId?: number;
  /** Benchmarks only: count synthetic processes too. */
  includeSynthetic?: boolean;
}

export type SummaryGroup = 'mission' | 'quarter' | 'region' | 'buyer';

export interface SummarySums {
  key: string | null;
  /** The buyer's name (group `buyer` only). */
  name: string | null;
  awards: number;
  contracts: number;
  value: string;
  noValueAwards: number;
  smeKnown: string;
  smeYes: string;
  vcseKnown: string;
  vcseYes: string;
  localKnown: string;
  localYes: string;
}

const GROUP_COLUMN: Record<SummaryGroup, string> = {
  mission: 's.mission_id',
  quarter: 's.quarter',
  region: 's.region',
  buyer: 's.buyer_id',
};

function where(f: SummaryFilters, group: SummaryGroup): RawBuilder<boolean> {
  // A buyer's figures, or a list by buyer, read the buyer cells; everything else the (far fewer) region cells.
  const level = group === 'buyer' || f.buyerId !== undefined ? 'buyer' : 'region';
  const parts: RawBuilder<boolean>[] = [
    sql<boolean>`s.level = ${level}`,
    group === 'quarter' ? sql<boolean>`s.quarter is distinct from 'all'` : sql<boolean>`s.quarter = 'all'`,
  ];
  if (!f.includeSynthetic) parts.push(sql<boolean>`not s.synthetic`);
  if (f.missionId !== undefined) parts.push(sql<boolean>`s.mission_id = ${f.missionId}`);
  if (f.region !== undefined) parts.push(sql<boolean>`s.region = ${f.region}`);
  if (f.buyerId !== undefined) parts.push(sql<boolean>`s.buyer_id = ${f.buyerId}`);
  return sql<boolean>`${sql.join(parts, sql` and `)}`;
}

export interface GroupPage {
  limit: number;
  offset: number;
  /** `value` (largest first) or `name`. */
  sort: 'value' | 'name';
}

/** Sums under the filters, one row per group (mission id, quarter, ITL1 region or buyer; null: not known). */
export async function summarySums(
  db: Db,
  f: SummaryFilters,
  group: SummaryGroup,
  page?: GroupPage,
): Promise<SummarySums[]> {
  const key = sql.raw(GROUP_COLUMN[group]);
  const name = group === 'buyer' ? sql`max(o.name)` : sql`null::text`;
  const join = group === 'buyer' ? sql`left join organisation o on o.id = s.buyer_id` : sql``;
  const order =
    group === 'buyer' && page?.sort === 'name'
      ? sql`max(o.name) nulls last, 1`
      : group === 'quarter'
        ? sql`1 nulls last`
        : sql`sum(s.value) desc, 1 nulls last`;
  const paging = page ? sql`limit ${page.limit} offset ${page.offset}` : sql``;
  const r = await sql<Record<string, unknown>>`
    select ${key}::text as key, ${name} as name, sum(s.awards)::int as awards, sum(s.contracts)::int as contracts,
      sum(s.value)::text as value, sum(s.no_value_awards)::int as no_value_awards,
      sum(s.sme_known)::text as sme_known, sum(s.sme_yes)::text as sme_yes,
      sum(s.vcse_known)::text as vcse_known, sum(s.vcse_yes)::text as vcse_yes,
      sum(s.local_known)::text as local_known, sum(s.local_yes)::text as local_yes
    from mission_summary s ${join}
    where ${where(f, group)}
    group by ${key}
    order by ${order}
    ${paging}`.execute(db);
  return r.rows.map((x) => ({
    key: (x.key as string | null) ?? null,
    name: (x.name as string | null) ?? null,
    awards: Number(x.awards),
    contracts: Number(x.contracts),
    value: String(x.value),
    noValueAwards: Number(x.no_value_awards),
    smeKnown: String(x.sme_known),
    smeYes: String(x.sme_yes),
    vcseKnown: String(x.vcse_known),
    vcseYes: String(x.vcse_yes),
    localKnown: String(x.local_known),
    localYes: String(x.local_yes),
  }));
}

/** How many groups there are (for paging the buyers). */
export async function countGroups(db: Db, f: SummaryFilters, group: SummaryGroup): Promise<number> {
  const key = sql.raw(GROUP_COLUMN[group]);
  const r = await sql<{ n: string }>`
    select count(distinct ${key}) as n from mission_summary s where ${where(f, group)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

export interface SummaryState {
  refreshedAt: string;
  contracts: number;
  seconds: number;
}

export async function summaryState(db: Db): Promise<SummaryState | null> {
  const r = await db.selectFrom('mission_summary_state').selectAll().executeTakeFirst();
  return r
    ? { refreshedAt: r.refreshed_at.toISOString(), contracts: r.contracts, seconds: Number(r.seconds) }
    : null;
}

/** The missions and buyer's region of these contracts (contract_mission), in one query: for grouping KPIs. */
export async function missionsOfContracts(
  db: Db,
  ocids: readonly string[],
): Promise<Map<string, { region: string | null; missions: string[] }>> {
  const map = new Map<string, { region: string | null; missions: string[] }>();
  if (ocids.length === 0) return map;
  const rows = await sql<{ ocid: string; mission_id: string; region: string | null }>`
    select ocid, mission_id, region from contract_mission where ocid = any(${[...new Set(ocids)]}::text[])
    order by ocid, mission_id`.execute(db);
  for (const r of rows.rows) {
    const entry = map.get(r.ocid) ?? { region: r.region, missions: [] };
    if (!r.mission_id.startsWith('_')) entry.missions.push(r.mission_id);
    map.set(r.ocid, entry);
  }
  return map;
}
