// KPIs entered by buyers and their ratings (migration 0025; docs/kpis.md): inserts, each with its audit row in the
// caller's transaction. Reading is the KPI analytics' query (src/analytics/kpis/query.ts).
import type { Kysely, Transaction } from 'kysely';
import { writeAudit } from './audit.repository.js';
import type { Database } from './database.js';

type Db = Kysely<Database> | Transaction<Database>;

export const KPI_ENTITY = 'contract_kpi';
export const RATING_ENTITY = 'kpi_rating';

export interface NewKpi {
  ocid: string;
  title: string;
  description: string | null;
  target: string | null;
  intervalMonths: number | null;
  templateRef: string | null;
}

export interface NewRating {
  periodStart: string;
  periodEnd: string;
  rating: 'met' | 'slightlyBelow' | 'below' | 'significantlyBelow' | 'other';
  comment: string | null;
  evidenceUrl: string | null;
}

export async function insertKpi(trx: Transaction<Database>, kpi: NewKpi, actor: string): Promise<number> {
  const row = await trx
    .insertInto('contract_kpi')
    .values({
      ocid: kpi.ocid,
      title: kpi.title,
      description: kpi.description,
      target: kpi.target,
      interval_months: kpi.intervalMonths,
      template_ref: kpi.templateRef,
      created_by: actor,
      updated_by: actor,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeAudit(trx, {
    actor,
    action: 'create',
    entityType: KPI_ENTITY,
    entityId: String(row.id),
    before: null,
    after: row,
  });
  return row.id;
}

export async function insertRating(
  trx: Transaction<Database>,
  kpiId: number,
  rating: NewRating,
  actor: string,
): Promise<number> {
  const row = await trx
    .insertInto('kpi_rating')
    .values({
      kpi_id: kpiId,
      period_start: rating.periodStart,
      period_end: rating.periodEnd,
      rating: rating.rating,
      comment: rating.comment,
      evidence_url: rating.evidenceUrl,
      rated_by: actor,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeAudit(trx, {
    actor,
    action: 'create',
    entityType: RATING_ENTITY,
    entityId: String(row.id),
    before: null,
    after: row,
  });
  return row.id;
}

/** An entered KPI's contract, or undefined. */
export async function findKpi(db: Db, id: number) {
  return db
    .selectFrom('contract_kpi')
    .select(['id', 'ocid', 'title'])
    .where('id', '=', id)
    .executeTakeFirst();
}
