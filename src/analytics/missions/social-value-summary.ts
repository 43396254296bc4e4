// Social value for the mission dashboard, stored (migration 0039; docs/mission-dashboard.md, "Social value"): the
// commitments added up per metric id × recorded unit × buyer × buyer region × synthetic (committed; delivered =
// reports not rejected; verified), then over buyers (region level). Read back for a mission's metric ids under the
// filters and turned into the social value roll-up's rows (one per metric id: like metric ids only; a unit other
// than the metric's, or a metric not in the catalogue, set aside and counted; shares, ratios and averages counted,
// not summed), exactly as analytics/social-value rollUp does per commitment. A contract has at most one
// commitment per metric (unique), so a row's contracts are its commitments.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { sumDecimals, toDecimal } from '../../domain/decimal.js';
import { isAdditive, sameUnit } from '../../domain/missions/social-value.js';
import type { Database } from '../../store/database.js';
import type { MetricInfo, RollUpRow } from '../social-value/index.js';
import type { SummaryFilters } from './query.js';

type Db = Kysely<Database>;

const SUMS = sql.raw(
  'commitments, committed, delivered, verified, reports, verified_reports, rejected_reports',
);

/** The buyer-level cells of the commitments on processes `p` matching `where`. */
export async function insertSocialValueCells(
  trx: Transaction<Database>,
  where: RawBuilder<boolean>,
): Promise<void> {
  await sql`
    with c as (
      select c.metric_id, c.unit, p.buyer_id, p.synthetic, c.target,
        case when upper(o.region_code) ~ '^(UK|TL)[C-N]' then 'UK' || substr(upper(o.region_code), 3, 1) end as region,
        coalesce(sum(d.quantity) filter (where d.status <> 'rejected'), 0) as delivered,
        coalesce(sum(d.quantity) filter (where d.status = 'verified'), 0) as verified,
        count(d.id) filter (where d.status <> 'rejected') as reports,
        count(d.id) filter (where d.status = 'verified') as verified_reports,
        count(d.id) filter (where d.status = 'rejected') as rejected_reports
      from social_value_commitment c
      join process p on p.ocid = c.ocid
      left join organisation o on o.id = p.buyer_id
      left join social_value_delivery d on d.commitment_id = c.id
      where ${where}
      group by c.id, p.buyer_id, p.synthetic, o.region_code
    )
    insert into mission_social_value_summary (level, metric_id, unit, buyer_id, region, synthetic, ${SUMS})
    select 'buyer', metric_id, unit, buyer_id, region, synthetic, count(*), sum(target), sum(delivered),
      sum(verified), sum(reports), sum(verified_reports), sum(rejected_reports)
    from c group by metric_id, unit, buyer_id, region, synthetic`.execute(trx);
}

export async function rebuildSocialValueRegionLevel(trx: Transaction<Database>): Promise<void> {
  await sql`delete from mission_social_value_summary where level = 'region'`.execute(trx);
  await sql`
    insert into mission_social_value_summary (level, metric_id, unit, buyer_id, region, synthetic, ${SUMS})
    select 'region', metric_id, unit, null, region, synthetic, sum(commitments), sum(committed), sum(delivered),
      sum(verified), sum(reports), sum(verified_reports), sum(rejected_reports)
    from mission_social_value_summary where level = 'buyer'
    group by metric_id, unit, region, synthetic`.execute(trx);
}

export interface SocialValueCell {
  metricId: string;
  unit: string;
  commitments: number;
  committed: string;
  delivered: string;
  verified: string;
  reports: number;
  verifiedReports: number;
  rejectedReports: number;
}

/** The cells of these metric ids under the filters (region or buyer), added up per metric id and unit. */
export async function socialValueCells(
  db: Db,
  metricIds: readonly string[],
  f: SummaryFilters,
): Promise<SocialValueCell[]> {
  if (metricIds.length === 0) return [];
  const parts: RawBuilder<boolean>[] = [
    sql<boolean>`level = ${f.buyerId !== undefined ? 'buyer' : 'region'}`,
    sql<boolean>`metric_id = any(${[...metricIds]}::text[])`,
  ];
  if (!f.includeSynthetic) parts.push(sql<boolean>`not synthetic`);
  if (f.region !== undefined) parts.push(sql<boolean>`region = ${f.region}`);
  if (f.buyerId !== undefined) parts.push(sql<boolean>`buyer_id = ${f.buyerId}`);
  const r = await sql<Record<string, string>>`
    select metric_id, unit, sum(commitments)::text as commitments, sum(committed)::text as committed,
      sum(delivered)::text as delivered, sum(verified)::text as verified, sum(reports)::text as reports,
      sum(verified_reports)::text as verified_reports, sum(rejected_reports)::text as rejected_reports
    from mission_social_value_summary where ${sql.join(parts, sql` and `)}
    group by metric_id, unit order by metric_id, unit`.execute(db);
  return r.rows.map((x) => ({
    metricId: String(x.metric_id),
    unit: String(x.unit),
    commitments: Number(x.commitments),
    committed: String(x.committed),
    delivered: String(x.delivered),
    verified: String(x.verified),
    reports: Number(x.reports),
    verifiedReports: Number(x.verified_reports),
    rejectedReports: Number(x.rejected_reports),
  }));
}

const plain = (d: string): string => toDecimal(d) ?? '0';

/** The roll-up rows (group: total) of the cells; commitments set aside (unit or metric not known) are counted. */
export function rollUpCells(
  cells: readonly SocialValueCell[],
  metrics: ReadonlyMap<string, MetricInfo>,
): { rows: RollUpRow[]; excluded: number } {
  let excluded = 0;
  const rows = new Map<string, RollUpRow>();
  for (const c of cells) {
    const m = metrics.get(c.metricId);
    if (!m || !sameUnit(c.unit, m.unit)) {
      excluded += c.commitments;
      continue;
    }
    const additive = isAdditive(m);
    const was = rows.get(m.id);
    const add = (a: string | null | undefined, b: string) =>
      additive ? sumDecimals([a ?? '0', plain(b)]) : null;
    rows.set(m.id, {
      by: 'total',
      groupKey: '',
      groupName: 'Total',
      metricId: m.id,
      metricName: m.name,
      unit: m.unit,
      direction: m.direction,
      missionId: m.missionId,
      additive,
      contracts: (was?.contracts ?? 0) + c.commitments,
      commitments: (was?.commitments ?? 0) + c.commitments,
      committed: add(was?.committed, c.committed),
      delivered: add(was?.delivered, c.delivered),
      verified: add(was?.verified, c.verified),
      reports: (was?.reports ?? 0) + c.reports,
      verifiedReports: (was?.verifiedReports ?? 0) + c.verifiedReports,
      rejectedReports: (was?.rejectedReports ?? 0) + c.rejectedReports,
    });
  }
  return { rows: [...rows.values()].sort((a, b) => a.metricId.localeCompare(b.metricId)), excluded };
}
