// The records behind a mission figure (docs/mission-dashboard.md, "Records behind a figure"): the contracts mapped
// to a mission (or `_any`, `_none`) with at least one active award — in a quarter, when one is given — exactly as
// the summary counts them, newest award first. What the list filters and orders by is stored once per refresh
// (contract_mission_award, migration 0045: per contract × mission, over all its awards and per quarter of an
// award, the latest award day and the count of awards), so a page is one index range scan in the list's order
// and its total is read from the summary's cells (mission_summary: the same contracts, counted by the same refresh).
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import type { Database } from '../../store/database.js';
import type { SummaryFilters } from './query.js';

type Db = Kysely<Database>;

/**
 * The stored rows of the contracts in scope (`scope` on `cm.buyer_id`, after their contract_mission rows are
 * written): per quarter of an active award (`undated`: no date) and over all (`all`), its latest day and count.
 */
export async function insertContractMissionAwards(
  trx: Transaction<Database>,
  scope: RawBuilder<boolean>,
): Promise<void> {
  await sql`
    insert into contract_mission_award (ocid, mission_id, quarter, buyer_id, region, synthetic, latest_award_day,
      awards)
    select cm.ocid, cm.mission_id, a.quarter, cm.buyer_id, cm.region, p.synthetic, a.latest, a.awards
    from (select f.ocid, case when grouping(f.quarter) = 1 then 'all' else f.quarter end as quarter,
            max(f.award_day) as latest, count(*) filter (where f.pair_no = 1) as awards
          from (select mf.ocid, mf.pair_no, mf.award_day,
                  coalesce(to_char(mf.award_day, 'YYYY-"Q"Q'), 'undated') as quarter
                from market_fact mf
                where exists (select 1 from contract_mission cm where cm.ocid = mf.ocid and ${scope})) f
          group by grouping sets ((f.ocid, f.quarter), (f.ocid))) a
    join contract_mission cm on cm.ocid = a.ocid
    join process p on p.ocid = a.ocid
    where a.awards > 0 and ${scope}`.execute(trx);
}

export interface ContractListFilters extends SummaryFilters {
  missionId: string;
  /** One quarter's contracts (`2025-Q3`, or `undated`: an active award without a date); all quarters when absent. */
  quarter?: string;
}

/** How many contracts the list holds: the summary's contract count of the cells under the filters. */
async function countContracts(db: Db, f: ContractListFilters): Promise<number> {
  const parts: RawBuilder<boolean>[] = [
    sql<boolean>`s.level = ${f.buyerId !== undefined ? 'buyer' : 'region'}`,
    sql<boolean>`s.mission_id = ${f.missionId}`,
    f.quarter === undefined
      ? sql<boolean>`s.quarter = 'all'`
      : f.quarter === 'undated'
        ? sql<boolean>`s.quarter is null`
        : sql<boolean>`s.quarter = ${f.quarter}`,
  ];
  if (f.region !== undefined) parts.push(sql<boolean>`s.region = ${f.region}`);
  if (f.buyerId !== undefined) parts.push(sql<boolean>`s.buyer_id = ${f.buyerId}`);
  if (!f.includeSynthetic) parts.push(sql<boolean>`not s.synthetic`);
  const r = await sql<{ n: string }>`
    select coalesce(sum(s.contracts), 0)::text as n from mission_summary s
    where ${sql.join(parts, sql` and `)}`.execute(db);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * The contracts behind a mission figure (the records behind its "Contracts" count): newest award (in the quarter,
 * when one is given) first, undated last, then by ocid; paged.
 */
export async function missionContracts(
  db: Db,
  f: ContractListFilters,
  page: { limit: number; offset: number },
) {
  const parts: RawBuilder<boolean>[] = [
    sql<boolean>`a.mission_id = ${f.missionId}`,
    sql<boolean>`a.quarter = ${f.quarter ?? 'all'}`,
  ];
  if (f.region !== undefined) parts.push(sql<boolean>`a.region = ${f.region}`);
  if (f.buyerId !== undefined) parts.push(sql<boolean>`a.buyer_id = ${f.buyerId}`);
  if (!f.includeSynthetic) parts.push(sql<boolean>`not a.synthetic`);
  const [rows, total] = await Promise.all([
    sql<{
      ocid: string;
      title: string | null;
      role: string;
      provenance: string;
      buyer_id: string | null;
      buyer_name: string | null;
      region: string | null;
      latest: string | null;
      awards: number;
    }>`
      with page as (
        select a.ocid, a.mission_id, a.buyer_id, a.region, a.latest_award_day, a.awards
        from contract_mission_award a
        where ${sql.join(parts, sql` and `)}
        order by a.latest_award_day desc nulls last, a.ocid
        limit ${page.limit} offset ${page.offset})
      select g.ocid, p.title, c.role, c.provenance, g.buyer_id::text, o.name as buyer_name, g.region,
        to_char(g.latest_award_day, 'YYYY-MM-DD') as latest, g.awards
      from page g
      join process p on p.ocid = g.ocid
      join contract_mission c on c.ocid = g.ocid and c.mission_id = g.mission_id
      left join organisation o on o.id = g.buyer_id
      order by g.latest_award_day desc nulls last, g.ocid`
      .execute(db)
      .then((r) => r.rows),
    countContracts(db, f),
  ]);
  return {
    total,
    rows: rows.map((r) => ({
      ocid: r.ocid,
      title: r.title,
      role: r.role,
      provenance: r.provenance,
      buyer: r.buyer_id === null ? null : { id: Number(r.buyer_id), name: r.buyer_name },
      region: r.region,
      latestAward: r.latest,
      awards: Number(r.awards),
    })),
  };
}
