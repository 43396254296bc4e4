// The facts behind the social value roll-ups: one row per commitment with its contract, buyer, buyer's region and
// the sums of its delivery reports (rejected reports left out of "delivered", only verified ones in "verified").
// Filters narrow the commitments; the adding up by group and metric is rollup.ts.
import { sql, type Kysely } from 'kysely';
import { toDecimal } from '../../domain/decimal.js';
import type { Database } from '../../store/database.js';
import type { CommitmentFact } from './rollup.js';

export interface FactFilters {
  ocid?: string;
  buyerId?: number;
  /** ITL1 code in NUTS form (UKC … UKN): buyers whose published region is in it (NUTS or ITL spelling). */
  region?: string;
  /** Only these metric ids (a mission's metrics). */
  metricIds?: readonly string[];
  /** Leave out synthetic (generated) processes: every roll-up page does (docs/social-value.md). */
  excludeSynthetic?: boolean;
}

export async function loadCommitmentFacts(
  db: Kysely<Database>,
  filters: FactFilters,
  regionOf: (code: string | null) => string | null,
): Promise<CommitmentFact[]> {
  let q = db
    .selectFrom('social_value_commitment as c')
    .innerJoin('process as p', 'p.ocid', 'c.ocid')
    .leftJoin('organisation as o', 'o.id', 'p.buyer_id')
    .leftJoin('social_value_delivery as d', 'd.commitment_id', 'c.id')
    .select([
      'c.id',
      'c.ocid',
      'p.title',
      'p.buyer_id',
      'o.name as buyer_name',
      'o.region_code',
      'c.metric_id',
      'c.unit',
      sql<string>`c.target::text`.as('target'),
      sql<string>`coalesce(sum(d.quantity) filter (where d.status <> 'rejected'), 0)::text`.as('delivered'),
      sql<string>`coalesce(sum(d.quantity) filter (where d.status = 'verified'), 0)::text`.as('verified'),
      sql<number>`count(d.id) filter (where d.status <> 'rejected')::int`.as('reports'),
      sql<number>`count(d.id) filter (where d.status = 'verified')::int`.as('verified_reports'),
      sql<number>`count(d.id) filter (where d.status = 'rejected')::int`.as('rejected_reports'),
    ])
    .groupBy(['c.id', 'p.title', 'p.buyer_id', 'o.name', 'o.region_code'])
    .orderBy('c.id');
  if (filters.ocid !== undefined) q = q.where('c.ocid', '=', filters.ocid);
  if (filters.buyerId !== undefined) q = q.where('p.buyer_id', '=', filters.buyerId);
  if (filters.excludeSynthetic) q = q.where('p.synthetic', '=', false);
  if (filters.region !== undefined) {
    const tail = filters.region.slice(2);
    q = q.where((eb) =>
      eb.or([
        eb(sql`upper(o.region_code)`, 'like', `UK${tail}%`),
        eb(sql`upper(o.region_code)`, 'like', `TL${tail}%`),
      ]),
    );
  }
  if (filters.metricIds !== undefined) {
    if (filters.metricIds.length === 0) return [];
    q = q.where('c.metric_id', 'in', [...filters.metricIds]);
  }
  const rows = await q.execute();
  return rows.map((r) => ({
    commitmentId: r.id,
    ocid: r.ocid,
    title: r.title,
    buyerId: r.buyer_id === null ? null : Number(r.buyer_id),
    buyerName: r.buyer_name,
    region: regionOf(r.region_code),
    metricId: r.metric_id,
    unit: r.unit,
    target: toDecimal(r.target) ?? '0',
    delivered: toDecimal(r.delivered) ?? '0',
    verified: toDecimal(r.verified) ?? '0',
    reports: r.reports,
    verifiedReports: r.verified_reports,
    rejectedReports: r.rejected_reports,
  }));
}
