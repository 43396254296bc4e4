// Seeds the KPIs, ratings and social value the scaled dataset lacks (the real sample carries none; bench/lib/scale.ts
// copies only the contract model), so that the mission dashboard's KPI mix and social value legs are timed at
// scale. Once per database (skipped when a synthetic contract already has an entered KPI), in SQL, deterministic
// by ocid: every fifth awarded synthetic contract gets two entered KPIs with two ratings each (codes spread over
// the five codes); every tenth gets one social value commitment on a national metric (in the metric's own unit)
// with one delivery report (verified, unverified or rejected). All marked as written by "bench".
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/store/database.js';

export interface SeedCounts {
  kpis: number;
  ratings: number;
  commitments: number;
  deliveries: number;
}

export async function seedMissionFacts(
  db: Kysely<Database>,
  metrics: ReadonlyArray<{ id: string; unit: string }>,
): Promise<SeedCounts | null> {
  const seeded = await sql<{ n: string }>`
    select count(*)::text as n from contract_kpi k join process p on p.ocid = k.ocid where p.synthetic`.execute(
    db,
  );
  if (Number(seeded.rows[0]?.n ?? 0) > 0) return null;
  return db.transaction().execute(async (trx) => {
    const awarded = sql`(select distinct f.ocid from market_fact f where f.synthetic)`;
    const kpis = await sql`
      insert into contract_kpi (ocid, title, target, interval_months, created_by, updated_by)
      select a.ocid, 'Bench KPI ' || n, 'Target ' || n, 6, 'bench', 'bench'
      from ${awarded} a cross join generate_series(1, 2) n
      where abs(hashtext(a.ocid)) % 5 = 0`.execute(trx);
    const ratings = await sql`
      insert into kpi_rating (kpi_id, period_start, period_end, rating, rated_by)
      select k.id, date '2025-01-01' + (r - 1) * 182, date '2025-01-01' + r * 182 - 1,
        (array['met', 'slightlyBelow', 'below', 'significantlyBelow', 'other'])[1 + (k.id + r) % 5], 'bench'
      from contract_kpi k cross join generate_series(1, 2) r
      where k.created_by = 'bench'`.execute(trx);
    const ids = metrics.map((m) => m.id);
    const units = metrics.map((m) => m.unit);
    const commitments = await sql`
      insert into social_value_commitment (ocid, metric_id, unit, target, due_date, created_by, updated_by)
      select a.ocid, (${ids}::text[])[1 + abs(hashtext(a.ocid || 'm')) % ${ids.length}],
        (${units}::text[])[1 + abs(hashtext(a.ocid || 'm')) % ${ids.length}],
        10 + abs(hashtext(a.ocid)) % 90, date '2027-03-31', 'bench', 'bench'
      from ${awarded} a
      where abs(hashtext(a.ocid)) % 10 = 0`.execute(trx);
    const deliveries = await sql`
      insert into social_value_delivery (commitment_id, quantity, period_start, period_end, status, verified_by,
        verified_at, created_by, updated_by)
      select c.id, c.target / 2, date '2025-04-01', date '2026-03-31',
        (array['verified', 'unverified', 'rejected'])[1 + c.id % 3],
        case when c.id % 3 <> 1 then 'bench' end, case when c.id % 3 <> 1 then now() end, 'bench', 'bench'
      from social_value_commitment c where c.created_by = 'bench'`.execute(trx);
    await sql`analyze contract_kpi, kpi_rating, social_value_commitment, social_value_delivery`.execute(trx);
    return {
      kpis: Number(kpis.numAffectedRows ?? 0),
      ratings: Number(ratings.numAffectedRows ?? 0),
      commitments: Number(commitments.numAffectedRows ?? 0),
      deliveries: Number(deliveries.numAffectedRows ?? 0),
    };
  });
}
