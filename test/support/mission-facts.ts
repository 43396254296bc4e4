// KPIs with ratings and social value commitments with delivery reports written straight to the tables, for the
// mission dashboard's tests (golden figures, browser): fixture data, not the services' behaviour under test.
import type { Kysely } from 'kysely';
import type { RatingCode } from '../../src/domain/kpi-rating.js';
import type { Database } from '../../src/store/database.js';

/** An entered KPI on the contract with one rated period per code (January, February, … 2025). */
export async function addRatedKpi(
  db: Kysely<Database>,
  ocid: string,
  ratings: readonly RatingCode[],
): Promise<void> {
  const k = await db
    .insertInto('contract_kpi')
    .values({ ocid, title: `KPI of ${ocid.slice(-6)}`, created_by: 'test', updated_by: 'test' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [i, rating] of ratings.entries())
    await db
      .insertInto('kpi_rating')
      .values({
        kpi_id: k.id,
        period_start: `2025-0${i + 1}-01`,
        period_end: `2025-0${i + 1}-28`,
        rating,
        rated_by: 'test',
      })
      .execute();
}

/** A commitment due 31 March 2026 with delivery reports [quantity, status] for April–September 2025. */
export async function addCommitment(
  db: Kysely<Database>,
  c: { ocid: string; metricId: string; unit: string; target: number },
  reports: ReadonlyArray<readonly [number, 'verified' | 'unverified' | 'rejected']>,
): Promise<void> {
  const row = await db
    .insertInto('social_value_commitment')
    .values({
      ocid: c.ocid,
      metric_id: c.metricId,
      unit: c.unit,
      target: String(c.target),
      due_date: '2026-03-31',
      created_by: 'test',
      updated_by: 'test',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [quantity, status] of reports)
    await db
      .insertInto('social_value_delivery')
      .values({
        commitment_id: row.id,
        quantity: String(quantity),
        evidence: [],
        period_start: '2025-04-01',
        period_end: '2025-09-30',
        status,
        verified_by: status === 'unverified' ? null : 'verifier@example.gov.uk',
        verified_at: status === 'unverified' ? null : new Date(),
        created_by: 'test',
        updated_by: 'test',
      })
      .execute();
}
