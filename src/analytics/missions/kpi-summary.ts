// The KPI rating mix of the mission dashboard, stored (migration 0039; docs/mission-dashboard.md, "KPI rating mix"):
// the KPIs of each contract — read from the data (UK7/UK9 metrics at stage agreed or actual, one per contract or
// award and metric id, as src/analytics/kpis) and entered by buyers (contract_kpi) — and their rated periods by code
// (UK9 observations with a classification or a measure; kpi_rating), added up per mission × buyer × buyer region ×
// synthetic over contract_mission, then over buyers (region level). Also the KPIs behind a cell, listed and paged.
// Every value is a bind parameter.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { RATING_CODES, type RatingCounts } from '../../domain/kpi-rating.js';
import type { Database } from '../../store/database.js';
import type { SummaryFilters } from './query.js';

type Db = Kysely<Database>;

/** A rated period's code as the distribution counts it: a known code, else `unknown`. */
const CODE = sql`case when x.code in (${sql.join([...RATING_CODES])}) then x.code else 'unknown' end`;

/** Every KPI (key, ocid, title, source) of the processes `p` matching `where`. */
const kpisOf = (where: RawBuilder<boolean>) => sql`
  select 'data:' || m.ocid || ':' || coalesce(m.contract_id, m.award_id, '') || ':' || m.metric_id as key, m.ocid,
    coalesce(max(m.title), 'Metric ' || m.metric_id) as title, 'data' as source
  from metric m join process p on p.ocid = m.ocid
  where m.stage in ('agreed', 'actual') and ${where}
  group by m.ocid, coalesce(m.contract_id, m.award_id, ''), m.metric_id
  union all
  select 'entered:' || k.id, k.ocid, k.title, 'entered'
  from contract_kpi k join process p on p.ocid = k.ocid
  where ${where}`;

/** Every rated period (KPI key, ocid, code) of the processes `p` matching `where`. */
const ratingsOf = (where: RawBuilder<boolean>) => sql`
  select 'data:' || ob.ocid || ':' || coalesce(m.contract_id, m.award_id, '') || ':' || ob.metric_id as key, ob.ocid,
    ob.measure_classification as code
  from observation ob
  join metric m on m.ocid = ob.ocid and m.path = ob.path and m.metric_id = ob.metric_id
  join process p on p.ocid = ob.ocid
  where m.stage = 'actual' and (ob.measure_classification is not null or ob.measure is not null) and ${where}
  union all
  select 'entered:' || k.id, k.ocid, r.rating
  from kpi_rating r join contract_kpi k on k.id = r.kpi_id join process p on p.ocid = k.ocid
  where ${where}`;

const COUNT_COLUMNS = sql.raw('met, slightly_below, below, significantly_below, other, unknown');

/** The buyer-level cells of the processes whose buyer matches `where` (a condition on `p`). */
export async function insertKpiSummary(
  trx: Transaction<Database>,
  where: RawBuilder<boolean>,
): Promise<void> {
  await sql`
    with k as (${kpisOf(where)}), r as (select x.ocid, ${CODE} as code from (${ratingsOf(where)}) x),
    fact as (
      select ocid, count(*) as kpis, 0 as met, 0 as slightly_below, 0 as below, 0 as significantly_below,
        0 as other, 0 as unknown
      from k group by ocid
      union all
      select ocid, 0, count(*) filter (where code = 'met'), count(*) filter (where code = 'slightlyBelow'),
        count(*) filter (where code = 'below'), count(*) filter (where code = 'significantlyBelow'),
        count(*) filter (where code = 'other'), count(*) filter (where code = 'unknown')
      from r group by ocid
    )
    insert into mission_kpi_summary (level, mission_id, buyer_id, region, synthetic, kpis, ${COUNT_COLUMNS})
    select 'buyer', cm.mission_id, cm.buyer_id, cm.region, p.synthetic, sum(f.kpis), sum(f.met),
      sum(f.slightly_below), sum(f.below), sum(f.significantly_below), sum(f.other), sum(f.unknown)
    from fact f
    join contract_mission cm on cm.ocid = f.ocid and cm.mission_id not like '\\_%'
    join process p on p.ocid = f.ocid
    group by cm.mission_id, cm.buyer_id, cm.region, p.synthetic`.execute(trx);
}

/** The region-level cells: every buyer cell added up (the table holds one row per mission × buyer at most). */
export async function rebuildKpiRegionLevel(trx: Transaction<Database>): Promise<void> {
  await sql`delete from mission_kpi_summary where level = 'region'`.execute(trx);
  await sql`
    insert into mission_kpi_summary (level, mission_id, buyer_id, region, synthetic, kpis, ${COUNT_COLUMNS})
    select 'region', mission_id, null, region, synthetic, sum(kpis), sum(met), sum(slightly_below), sum(below),
      sum(significantly_below), sum(other), sum(unknown)
    from mission_kpi_summary where level = 'buyer'
    group by mission_id, region, synthetic`.execute(trx);
}

export interface KpiMix {
  missionId: string;
  kpis: number;
  counts: RatingCounts;
  /** Rated periods counted. */
  total: number;
}

/** The KPI rating mix per mission under the filters (region or buyer), from the stored cells. */
export async function kpiMixes(db: Db, f: SummaryFilters): Promise<KpiMix[]> {
  const parts: RawBuilder<boolean>[] = [
    sql<boolean>`level = ${f.buyerId !== undefined ? 'buyer' : 'region'}`,
  ];
  if (!f.includeSynthetic) parts.push(sql<boolean>`not synthetic`);
  if (f.missionId !== undefined) parts.push(sql<boolean>`mission_id = ${f.missionId}`);
  if (f.region !== undefined) parts.push(sql<boolean>`region = ${f.region}`);
  if (f.buyerId !== undefined) parts.push(sql<boolean>`buyer_id = ${f.buyerId}`);
  const r = await sql<Record<string, string>>`
    select mission_id, sum(kpis)::text as kpis, sum(met)::text as met, sum(slightly_below)::text as slightly_below,
      sum(below)::text as below, sum(significantly_below)::text as significantly_below, sum(other)::text as other,
      sum(unknown)::text as unknown
    from mission_kpi_summary where ${sql.join(parts, sql` and `)}
    group by mission_id`.execute(db);
  return r.rows.map((x) => {
    const counts: RatingCounts = {
      met: Number(x.met),
      slightlyBelow: Number(x.slightly_below),
      below: Number(x.below),
      significantlyBelow: Number(x.significantly_below),
      other: Number(x.other),
      unknown: Number(x.unknown),
    };
    return {
      missionId: String(x.mission_id),
      kpis: Number(x.kpis),
      counts,
      total: Object.values(counts).reduce((a, n) => a + n, 0),
    };
  });
}

export interface KpiListFilters extends SummaryFilters {
  missionId: string;
  /** Only KPIs with a rated period of this code (`met` … `other`, or `unknown`); their periods of it counted. */
  rating?: string;
}

/**
 * The KPIs behind a mission's rating mix (the records behind the counts), by contract then key, paged: each with
 * its rated periods (of the code, when one is given). With a code, only the KPIs with such a period: their
 * `ratings` add up to the cell's count.
 */
export async function missionKpis(db: Db, f: KpiListFilters, page: { limit: number; offset: number }) {
  const parts: RawBuilder<boolean>[] = [sql<boolean>`c.mission_id = ${f.missionId}`];
  if (f.region !== undefined) parts.push(sql<boolean>`c.region = ${f.region}`);
  if (f.buyerId !== undefined) parts.push(sql<boolean>`c.buyer_id = ${f.buyerId}`);
  if (!f.includeSynthetic) parts.push(sql<boolean>`not p.synthetic`);
  const inMission = sql<boolean>`exists (select 1 from contract_mission c
    where c.ocid = p.ocid and ${sql.join(parts, sql` and `)})`;
  const matching = f.rating === undefined ? sql`true` : sql`${CODE} = ${f.rating}`;
  const base = sql`
    with k as (${kpisOf(inMission)}),
    r as (select x.key, count(*) filter (where ${matching}) as n, count(*) as total
          from (${ratingsOf(inMission)}) x group by x.key),
    listed as (
      select k.key, k.ocid, k.title, k.source, coalesce(r.n, 0) as ratings, coalesce(r.total, 0) as rated
      from k left join r on r.key = k.key
      ${f.rating === undefined ? sql`` : sql`where coalesce(r.n, 0) > 0`}
    )`;
  const [rows, total] = await Promise.all([
    sql<{
      key: string;
      ocid: string;
      contract_title: string | null;
      title: string;
      source: 'data' | 'entered';
      ratings: string;
      rated: string;
    }>`${base}
      select l.key, l.ocid, p.title as contract_title, l.title, l.source, l.ratings::text, l.rated::text
      from listed l join process p on p.ocid = l.ocid
      order by l.ocid, l.key
      limit ${page.limit} offset ${page.offset}`.execute(db),
    sql<{ n: string; ratings: string }>`${base}
      select count(*)::text as n, coalesce(sum(ratings), 0)::text as ratings from listed`.execute(db),
  ]);
  return {
    total: Number(total.rows[0]?.n ?? 0),
    ratings: Number(total.rows[0]?.ratings ?? 0),
    rows: rows.rows.map((x) => ({
      key: x.key,
      ocid: x.ocid,
      contractTitle: x.contract_title,
      title: x.title,
      source: x.source,
      ratings: Number(x.ratings),
      rated: Number(x.rated),
    })),
  };
}
