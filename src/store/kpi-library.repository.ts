// The KPI library's stored items and buyers' attached copies (migration 0024). Writes take the service's
// transaction and write their audit_log row with the change (before and after), so nothing is half-written.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { KpiMeasure, KpiTemplate } from '../domain/kpi-library.js';
import { writeAudit } from './audit.repository.js';
import type { Database } from './database.js';

type Db = Kysely<Database> | Transaction<Database>;

export const TEMPLATE_ENTITY = 'kpi-template';
export const ATTACHED_ENTITY = 'attached-kpi';

export interface StoredTemplate {
  template: KpiTemplate;
  version: number;
  seeded: boolean;
  updatedAt: Date;
  updatedBy: string;
}

const toStored = (r: {
  id: string;
  version: number;
  body: unknown;
  status: 'active' | 'retired';
  seeded: boolean;
  updated_at: Date;
  updated_by: string;
}): StoredTemplate => ({
  template: { ...(r.body as KpiTemplate), id: r.id, status: r.status, template: true },
  version: r.version,
  seeded: r.seeded,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export async function listTemplates(db: Db): Promise<StoredTemplate[]> {
  return (await db.selectFrom('kpi_template').selectAll().orderBy('id').execute()).map(toStored);
}

export async function findTemplate(
  db: Db,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<StoredTemplate | undefined> {
  let q = db.selectFrom('kpi_template').selectAll().where('id', '=', id);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toStored(row) : undefined;
}

/**
 * Writes a template version and its audit row: an insert when the id has no row yet (a new item, or the first edit
 * of a starter item: a concurrent first edit then fails on the primary key instead of overwriting), else an update.
 */
export async function saveTemplate(
  trx: Transaction<Database>,
  t: KpiTemplate,
  version: number,
  seeded: boolean,
  actor: string,
  before: { template: KpiTemplate; version: number; stored: boolean } | null,
): Promise<void> {
  const { id, status, template: _t, ...rest } = t;
  const body = JSON.stringify(rest);
  if (before?.stored)
    await trx
      .updateTable('kpi_template')
      .set({ version, body, status, updated_by: actor, updated_at: sql<Date>`now()` })
      .where('id', '=', id)
      .execute();
  else
    await trx
      .insertInto('kpi_template')
      .values({ id, version, body, status, seeded, created_by: actor, updated_by: actor })
      .execute();
  await writeAudit(trx, {
    actor,
    action: before === null ? 'kpi-template.create' : 'kpi-template.update',
    entityType: TEMPLATE_ENTITY,
    entityId: id,
    before: before && { ...before.template, version: before.version },
    after: { ...t, version },
  });
}

export interface AttachedKpi extends KpiMeasure {
  id: number;
  organisationId: number;
  pipelineEntryId: number | null;
  ocid: string | null;
  templateId: string;
  templateVersion: number;
  unit: string;
  direction: 'higher' | 'lower';
  version: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}

function attached(db: Db) {
  return db
    .selectFrom('attached_kpi')
    .select([
      'id',
      'organisation_id',
      'pipeline_entry_id',
      'ocid',
      'template_id',
      'template_version',
      'name',
      'measure',
      'unit',
      'direction',
      sql<string>`target::text`.as('target'),
      sql<string>`slightly_below::text`.as('slightly_below'),
      sql<string>`below::text`.as('below'),
      'version',
      'created_at',
      'created_by',
      'updated_at',
      'updated_by',
    ]);
}

type AttachedRow = Awaited<ReturnType<ReturnType<typeof attached>['executeTakeFirstOrThrow']>>;

const toAttached = (r: AttachedRow): AttachedKpi => ({
  id: Number(r.id),
  organisationId: Number(r.organisation_id),
  pipelineEntryId: r.pipeline_entry_id === null ? null : Number(r.pipeline_entry_id),
  ocid: r.ocid,
  templateId: r.template_id,
  templateVersion: r.template_version,
  name: r.name,
  measure: r.measure,
  unit: r.unit,
  direction: r.direction,
  target: Number(r.target),
  slightlyBelow: Number(r.slightly_below),
  below: Number(r.below),
  version: r.version,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

/** A subject's attached KPIs, oldest first. */
export async function listAttached(
  db: Db,
  subject: { pipelineEntryId: number } | { ocid: string },
): Promise<AttachedKpi[]> {
  const q =
    'ocid' in subject
      ? attached(db).where('ocid', '=', subject.ocid)
      : attached(db).where('pipeline_entry_id', '=', subject.pipelineEntryId);
  return (await q.orderBy('id').execute()).map(toAttached);
}

export async function findAttached(
  db: Db,
  id: number,
  options: { forUpdate?: boolean } = {},
): Promise<AttachedKpi | undefined> {
  let q = attached(db).where('id', '=', id);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toAttached(row) : undefined;
}

const snapshot = (k: AttachedKpi) => {
  const { createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, ...rest } = k;
  return rest;
};

export async function insertAttached(
  trx: Transaction<Database>,
  k: Omit<AttachedKpi, 'id' | 'version' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy'>,
  actor: string,
): Promise<number> {
  const row = await trx
    .insertInto('attached_kpi')
    .values({
      organisation_id: k.organisationId,
      pipeline_entry_id: k.pipelineEntryId,
      ocid: k.ocid,
      template_id: k.templateId,
      template_version: k.templateVersion,
      name: k.name,
      measure: k.measure,
      unit: k.unit,
      direction: k.direction,
      target: k.target,
      slightly_below: k.slightlyBelow,
      below: k.below,
      created_by: actor,
      updated_by: actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const id = Number(row.id);
  await writeAudit(trx, {
    actor,
    action: 'attached-kpi.attach',
    entityType: ATTACHED_ENTITY,
    entityId: String(id),
    before: null,
    after: { ...k, id, version: 1 },
  });
  return id;
}

export async function updateAttached(
  trx: Transaction<Database>,
  before: AttachedKpi,
  m: KpiMeasure,
  actor: string,
): Promise<void> {
  const version = before.version + 1;
  await trx
    .updateTable('attached_kpi')
    .set({
      name: m.name,
      measure: m.measure,
      target: m.target,
      slightly_below: m.slightlyBelow,
      below: m.below,
      version,
      updated_by: actor,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', before.id)
    .execute();
  await writeAudit(trx, {
    actor,
    action: 'attached-kpi.tailor',
    entityType: ATTACHED_ENTITY,
    entityId: String(before.id),
    before: snapshot(before),
    after: { ...snapshot(before), ...m, version },
  });
}

export async function deleteAttached(trx: Transaction<Database>, before: AttachedKpi, actor: string) {
  await trx.deleteFrom('attached_kpi').where('id', '=', before.id).execute();
  await writeAudit(trx, {
    actor,
    action: 'attached-kpi.remove',
    entityType: ATTACHED_ENTITY,
    entityId: String(before.id),
    before: snapshot(before),
    after: null,
  });
}
