// Social value commitments and delivery reports (migration 0026; docs/social-value.md). Every write is audited in
// the same transaction (who, when, before and after); a verdict only ever moves an unverified report, so two
// verifiers racing cannot both judge it.
import { sql, type Kysely, type Transaction } from 'kysely';
import { writeAudit } from './audit.repository.js';
import type { Database } from './database.js';

type Db = Kysely<Database> | Transaction<Database>;

export const COMMITMENT_ENTITY = 'social_value_commitment';
export const DELIVERY_ENTITY = 'social_value_delivery';

const day = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

export interface CommitmentRow {
  id: number;
  ocid: string;
  metric_id: string;
  unit: string;
  target: string;
  due_date: string | null;
  period_start: string | null;
  period_end: string | null;
  note: string | null;
  version: number;
  created_by: string;
  created_at: Date;
}

export interface DeliveryRow {
  id: number;
  commitment_id: number;
  quantity: string;
  period_start: string;
  period_end: string;
  evidence: string[];
  note: string | null;
  status: 'unverified' | 'verified' | 'rejected';
  verified_by: string | null;
  verified_at: Date | null;
  verification_note: string | null;
  version: number;
  created_by: string;
  created_at: Date;
}

const commitmentColumns = [
  'c.id',
  'c.ocid',
  'c.metric_id',
  'c.unit',
  sql<string>`c.target::text`.as('target'),
  day('c.due_date').as('due_date'),
  day('c.period_start').as('period_start'),
  day('c.period_end').as('period_end'),
  'c.note',
  'c.version',
  'c.created_by',
  'c.created_at',
] as const;

const deliveryColumns = [
  'd.id',
  'd.commitment_id',
  sql<string>`d.quantity::text`.as('quantity'),
  sql<string>`to_char(d.period_start, 'YYYY-MM-DD')`.as('period_start'),
  sql<string>`to_char(d.period_end, 'YYYY-MM-DD')`.as('period_end'),
  'd.evidence',
  'd.note',
  'd.status',
  'd.verified_by',
  'd.verified_at',
  'd.verification_note',
  'd.version',
  'd.created_by',
  'd.created_at',
] as const;

export async function listCommitments(db: Db, ocid: string): Promise<CommitmentRow[]> {
  return db
    .selectFrom('social_value_commitment as c')
    .select(commitmentColumns)
    .where('c.ocid', '=', ocid)
    .orderBy('c.metric_id')
    .execute();
}

export async function findCommitment(db: Db, id: number): Promise<CommitmentRow | undefined> {
  return db
    .selectFrom('social_value_commitment as c')
    .select(commitmentColumns)
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export async function listDeliveries(db: Db, commitmentIds: readonly number[]): Promise<DeliveryRow[]> {
  if (commitmentIds.length === 0) return [];
  return db
    .selectFrom('social_value_delivery as d')
    .select(deliveryColumns)
    .where('d.commitment_id', 'in', [...commitmentIds])
    .orderBy('d.period_start')
    .orderBy('d.id')
    .execute();
}

export async function findDelivery(db: Db, id: number): Promise<DeliveryRow | undefined> {
  return db
    .selectFrom('social_value_delivery as d')
    .select(deliveryColumns)
    .where('d.id', '=', id)
    .executeTakeFirst();
}

export interface NewCommitment {
  ocid: string;
  metricId: string;
  unit: string;
  target: string;
  dueDate: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  note: string | null;
}

/** Inserts a commitment (null: the contract already has one for this metric) and audits it. */
export async function insertCommitment(
  trx: Transaction<Database>,
  c: NewCommitment,
  actor: string,
): Promise<CommitmentRow | null> {
  const inserted = await trx
    .insertInto('social_value_commitment')
    .values({
      ocid: c.ocid,
      metric_id: c.metricId,
      unit: c.unit,
      target: c.target,
      due_date: c.dueDate,
      period_start: c.periodStart,
      period_end: c.periodEnd,
      note: c.note,
      created_by: actor,
      updated_by: actor,
    })
    .onConflict((oc) => oc.columns(['ocid', 'metric_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return null;
  const row = (await findCommitment(trx, inserted.id)) as CommitmentRow;
  await writeAudit(trx, {
    actor,
    action: 'create',
    entityType: COMMITMENT_ENTITY,
    entityId: String(row.id),
    before: null,
    after: row,
  });
  return row;
}

export interface NewDelivery {
  commitmentId: number;
  quantity: string;
  periodStart: string;
  periodEnd: string;
  evidence: string[];
  note: string | null;
}

export async function insertDelivery(
  trx: Transaction<Database>,
  d: NewDelivery,
  actor: string,
): Promise<DeliveryRow> {
  const { id } = await trx
    .insertInto('social_value_delivery')
    .values({
      commitment_id: d.commitmentId,
      quantity: d.quantity,
      period_start: d.periodStart,
      period_end: d.periodEnd,
      evidence: d.evidence,
      note: d.note,
      created_by: actor,
      updated_by: actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = (await findDelivery(trx, id)) as DeliveryRow;
  await writeAudit(trx, {
    actor,
    action: 'report',
    entityType: DELIVERY_ENTITY,
    entityId: String(id),
    before: null,
    after: row,
  });
  return row;
}

/** Records a verdict on an unverified report (null: it is no longer unverified) and audits it. */
export async function judgeDelivery(
  trx: Transaction<Database>,
  before: DeliveryRow,
  status: 'verified' | 'rejected',
  note: string | null,
  actor: string,
): Promise<DeliveryRow | null> {
  const updated = await trx
    .updateTable('social_value_delivery')
    .set({
      status,
      verified_by: actor,
      verified_at: sql<Date>`now()`,
      verification_note: note,
      version: sql<number>`version + 1`,
      updated_by: actor,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', before.id)
    .where('status', '=', 'unverified')
    .returning('id')
    .executeTakeFirst();
  if (!updated) return null;
  const after = (await findDelivery(trx, before.id)) as DeliveryRow;
  await writeAudit(trx, {
    actor,
    action: status === 'verified' ? 'verify' : 'reject',
    entityType: DELIVERY_ENTITY,
    entityId: String(before.id),
    before,
    after,
  });
  return after;
}

/** Every regional and local catalogue item (any scope, retired too): ids never change meaning, so roll-ups need all. */
export async function listCatalogueItems(db: Db) {
  return db
    .selectFrom('standard_item')
    .select(['id', 'kind', 'scope', 'parent_id', 'name', 'unit', 'direction', 'status'])
    .orderBy('id')
    .execute();
}
