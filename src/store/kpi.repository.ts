// KPIs entered by buyers and their ratings (migration 0025; docs/kpis.md): inserts, each with its audit row in the
// caller's transaction. Reading is the KPI analytics' query (src/analytics/kpis/query.ts).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { RatedMeasure } from '../domain/kpi-library.js';
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
  /** The attached KPI (library copy) this KPI is made from, when it is. */
  attachedKpiId?: number | null;
  /** The measure its ratings are derived from (unit, direction, target, thresholds), or null. */
  measure?: RatedMeasure | null;
}

export interface NewRating {
  periodStart: string;
  periodEnd: string;
  rating: 'met' | 'slightlyBelow' | 'below' | 'significantlyBelow' | 'other';
  comment: string | null;
  evidenceUrl: string | null;
  /** The measured value the rating was derived from (null: the code was entered directly). */
  measuredValue: number | null;
}

const measureColumns = (m: RatedMeasure | null) => ({
  unit: m?.unit ?? null,
  direction: m?.direction ?? null,
  target_value: m?.target ?? null,
  slightly_below: m?.slightlyBelow ?? null,
  below: m?.below ?? null,
});

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
      attached_kpi_id: kpi.attachedKpiId ?? null,
      ...measureColumns(kpi.measure ?? null),
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
      measured_value: rating.measuredValue,
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

/** The measure columns of a contract_kpi row (numerics as text) as a RatedMeasure, or null when it has none. */
export const toMeasure = (r: {
  unit: string | null;
  direction: 'higher' | 'lower' | null;
  target_value: string | null;
  slightly_below: string | null;
  below: string | null;
}): RatedMeasure | null =>
  r.direction === null || r.target_value === null || r.slightly_below === null || r.below === null
    ? null
    : {
        unit: r.unit ?? '',
        direction: r.direction,
        target: Number(r.target_value),
        slightlyBelow: Number(r.slightly_below),
        below: Number(r.below),
      };

const kpiColumns = [
  'id',
  'ocid',
  'title',
  'description',
  'target',
  'attached_kpi_id',
  'unit',
  'direction',
  'target_value',
  'slightly_below',
  'below',
] as const;

/** An entered KPI's contract and the measure its ratings are derived from, or undefined. */
export async function findKpi(db: Db, id: number) {
  const r = await db.selectFrom('contract_kpi').select(kpiColumns).where('id', '=', id).executeTakeFirst();
  return r && { id: Number(r.id), ocid: r.ocid, title: r.title, measure: toMeasure(r) };
}

/** The KPI made from an attached KPI (locked for update), with its number of ratings, or undefined. */
export async function findKpiOfAttached(trx: Transaction<Database>, attachedKpiId: number) {
  const r = await trx
    .selectFrom('contract_kpi')
    .select(kpiColumns)
    .select(sql<string>`(select count(*) from kpi_rating r where r.kpi_id = contract_kpi.id)`.as('ratings'))
    .where('attached_kpi_id', '=', attachedKpiId)
    .forUpdate()
    .executeTakeFirst();
  return r && { ...r, id: Number(r.id), ratings: Number(r.ratings), measure: toMeasure(r) };
}

type KpiOfAttached = NonNullable<Awaited<ReturnType<typeof findKpiOfAttached>>>;
const snapshot = ({ ratings: _r, measure: _m, ...row }: KpiOfAttached) => row;

/** Follows a tailored attached KPI: the KPI's title, description, target and measure become the copy's. */
export async function updateKpiMeasure(
  trx: Transaction<Database>,
  before: KpiOfAttached,
  change: { title: string; description: string | null; target: string; measure: RatedMeasure },
  actor: string,
): Promise<void> {
  const after = await trx
    .updateTable('contract_kpi')
    .set({
      title: change.title,
      description: change.description,
      target: change.target,
      ...measureColumns(change.measure),
      version: sql<number>`version + 1`,
      updated_by: actor,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', before.id)
    .returning(kpiColumns)
    .executeTakeFirstOrThrow();
  await writeAudit(trx, {
    actor,
    action: 'update',
    entityType: KPI_ENTITY,
    entityId: String(before.id),
    before: snapshot(before),
    after,
  });
}

/**
 * When its attached KPI is removed: a KPI never rated goes too; a rated one stays (its ratings are the history),
 * unlinked from the copy, keeping its measure.
 */
export async function releaseKpiOfAttached(trx: Transaction<Database>, attachedKpiId: number, actor: string) {
  const k = await findKpiOfAttached(trx, attachedKpiId);
  if (!k) return;
  if (k.ratings === 0) {
    await trx.deleteFrom('contract_kpi').where('id', '=', k.id).execute();
    await writeAudit(trx, {
      actor,
      action: 'delete',
      entityType: KPI_ENTITY,
      entityId: String(k.id),
      before: snapshot(k),
      after: null,
    });
    return;
  }
  await trx.updateTable('contract_kpi').set({ attached_kpi_id: null }).where('id', '=', k.id).execute();
  await writeAudit(trx, {
    actor,
    action: 'unlink',
    entityType: KPI_ENTITY,
    entityId: String(k.id),
    before: snapshot(k),
    after: { ...snapshot(k), attached_kpi_id: null },
  });
}
