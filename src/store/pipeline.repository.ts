// Pipeline entries and their change log (migration 0016). Writes take a transaction from the service, which locks
// the entry (`for update`), checks the version the editor saw, writes the entry, one pipeline_change row and one
// audit_log row together. Dates are read as 'YYYY-MM-DD' text (never a JS Date at local midnight) and money as
// exact decimal strings.
import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import { missionTags, type MissionTags } from '../domain/pipeline.js';
import { normaliseRegion } from '../domain/region.js';
import type { Database } from './database.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The fields an editor sets (everything but identity, version and who/when). */
export interface PipelineFields {
  title: string;
  description: string | null;
  cpvCode: string | null;
  deliveryRegion: string | null;
  valueMin: string | null;
  valueMax: string | null;
  procurementStart: string | null;
  contractStart: string | null;
  contractEnd: string | null;
  route: string | null;
  status: string;
  confidence: string | null;
  linkedOcids: string[];
  innovation: boolean;
  published: boolean;
}

export interface PipelineEntryRecord extends PipelineFields {
  id: number;
  organisationId: number;
  organisationName: string;
  currency: string;
  /** Missions and outcomes tagged on the entry (empty lists when none). */
  missions: MissionTags;
  version: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}

export interface FieldChange {
  /** An entry field, or `missions` (the missions and outcomes tagged on the entry, docs/pipeline.md). */
  field: keyof PipelineFields | 'missions';
  before: unknown;
  after: unknown;
}

export interface PipelineChangeRecord {
  id: number;
  entryId: number;
  organisationId: number;
  organisationName: string;
  entryTitle: string;
  version: number;
  at: Date;
  actor: string;
  action: 'created' | 'updated';
  changes: FieldChange[];
  published: boolean;
}

const day = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

function entries(db: Db) {
  return db
    .selectFrom('pipeline_entry as e')
    .innerJoin('organisation as o', 'o.id', 'e.organisation_id')
    .select([
      'e.id',
      'e.organisation_id',
      'o.name as organisation_name',
      'e.title',
      'e.description',
      'e.cpv_code',
      'e.delivery_region',
      sql<string | null>`e.value_min::text`.as('value_min'),
      sql<string | null>`e.value_max::text`.as('value_max'),
      'e.currency',
      day('e.procurement_start').as('procurement_start'),
      day('e.contract_start').as('contract_start'),
      day('e.contract_end').as('contract_end'),
      'e.route',
      'e.status',
      'e.confidence',
      'e.linked_ocids',
      'e.innovation',
      'e.published',
      'e.missions',
      'e.version',
      'e.created_at',
      'e.created_by',
      'e.updated_at',
      'e.updated_by',
    ]);
}

type EntryRow = Awaited<ReturnType<ReturnType<typeof entries>['executeTakeFirstOrThrow']>>;

const toRecord = (r: EntryRow): PipelineEntryRecord => ({
  id: Number(r.id),
  organisationId: Number(r.organisation_id),
  organisationName: r.organisation_name,
  title: r.title,
  description: r.description,
  cpvCode: r.cpv_code,
  deliveryRegion: r.delivery_region,
  valueMin: r.value_min,
  valueMax: r.value_max,
  currency: r.currency,
  procurementStart: r.procurement_start,
  contractStart: r.contract_start,
  contractEnd: r.contract_end,
  route: r.route,
  status: r.status,
  confidence: r.confidence,
  linkedOcids: r.linked_ocids,
  innovation: r.innovation,
  published: r.published,
  missions: missionTags(r.missions),
  version: r.version,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

const columns = (f: PipelineFields) => ({
  title: f.title,
  description: f.description,
  cpv_code: f.cpvCode,
  delivery_region: f.deliveryRegion,
  value_min: f.valueMin,
  value_max: f.valueMax,
  procurement_start: f.procurementStart,
  contract_start: f.contractStart,
  contract_end: f.contractEnd,
  route: f.route,
  status: f.status,
  confidence: f.confidence,
  linked_ocids: f.linkedOcids,
  innovation: f.innovation,
  published: f.published,
});

export async function findEntry(
  db: Db,
  id: number,
  options: { forUpdate?: boolean } = {},
): Promise<PipelineEntryRecord | undefined> {
  let q = entries(db).where('e.id', '=', id);
  if (options.forUpdate) q = q.forUpdate('e');
  const row = await q.executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

export interface EntryFilters {
  organisationId?: number;
  publishedOnly?: boolean;
  /** CPV code prefix (division `45`, group `452`, …). */
  cpvPrefix?: string;
  /** ITL region prefix, matched on the entry's delivery region, else the buyer's region. */
  /** An ITL (TLF1) or NUTS (UKF1) code prefix; entries with the code in either form match. */
  regionPrefix?: string;
  /** Entries whose value range reaches at least / at most this (exact decimal strings). */
  valueFrom?: string;
  valueTo?: string;
  /** Estimated procurement start on or after / on or before (YYYY-MM-DD). */
  startFrom?: string;
  startTo?: string;
  statuses?: readonly string[];
  /** Entries tagged with this mission (directly or through one of its outcomes). */
  mission?: string;
}

function filtered(db: Db, f: EntryFilters) {
  return entries(db).where((eb) => {
    const w: Expression<SqlBool>[] = [];
    if (f.organisationId !== undefined) w.push(eb('e.organisation_id', '=', f.organisationId));
    if (f.publishedOnly) w.push(eb('e.published', '=', true));
    if (f.cpvPrefix) w.push(eb('e.cpv_code', 'like', `${f.cpvPrefix}%`));
    if (f.regionPrefix) {
      // Entries keep the code as typed: NUTS (UKF11) or ITL (TLF11). A prefix in either form matches both.
      const r = normaliseRegion(f.regionPrefix);
      const forms = r?.nuts && r.itl ? [r.nuts, r.itl] : [f.regionPrefix];
      w.push(
        sql<SqlBool>`(${sql.join(
          forms.map((p) => sql`coalesce(e.delivery_region, o.region_code) like ${`${p}%`}`),
          sql` or `,
        )})`,
      );
    }
    if (f.valueFrom !== undefined)
      w.push(sql<SqlBool>`coalesce(e.value_max, e.value_min) >= ${f.valueFrom}::numeric`);
    if (f.valueTo !== undefined)
      w.push(sql<SqlBool>`coalesce(e.value_min, e.value_max) <= ${f.valueTo}::numeric`);
    if (f.startFrom !== undefined) w.push(eb('e.procurement_start', '>=', f.startFrom));
    if (f.startTo !== undefined) w.push(eb('e.procurement_start', '<=', f.startTo));
    if (f.statuses && f.statuses.length > 0) w.push(eb('e.status', 'in', [...f.statuses]));
    if (f.mission) w.push(sql<SqlBool>`e.missions -> 'missionIds' ? ${f.mission}`);
    return eb.and(w);
  });
}

/** Entries in procurement-start order (undated last), a page at a time, with the total. */
export async function listEntries(
  db: Db,
  f: EntryFilters,
  page: { limit: number; offset: number },
): Promise<{ rows: PipelineEntryRecord[]; total: number }> {
  const [rows, total] = await Promise.all([
    filtered(db, f)
      .orderBy(sql`e.procurement_start asc nulls last`)
      .orderBy('e.id')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    filtered(db, f)
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toRecord), total: Number(total.n) };
}

/** Every entry matching, in order, for exports (a buyer's pipeline is hundreds of rows, not millions). */
export async function allEntries(db: Db, f: EntryFilters): Promise<PipelineEntryRecord[]> {
  const rows = await filtered(db, f)
    .orderBy(sql`e.procurement_start asc nulls last`)
    .orderBy('e.id')
    .execute();
  return rows.map(toRecord);
}

export async function insertEntry(
  trx: Transaction<Database>,
  organisationId: number,
  fields: PipelineFields,
  actor: string,
): Promise<number> {
  const row = await trx
    .insertInto('pipeline_entry')
    .values({ organisation_id: organisationId, ...columns(fields), created_by: actor, updated_by: actor })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Writes the fields and moves the entry to `version` (the caller holds the row lock and checked the old one). */
export async function updateEntry(
  trx: Transaction<Database>,
  id: number,
  fields: PipelineFields,
  version: number,
  actor: string,
): Promise<void> {
  await trx
    .updateTable('pipeline_entry')
    .set({ ...columns(fields), version, updated_by: actor, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

/** Writes the entry's mission and outcome tags and moves it to `version` (the caller holds the row lock). */
export async function updateEntryMissions(
  trx: Transaction<Database>,
  id: number,
  missions: { missionIds: string[]; outcomeIds: string[] },
  version: number,
  actor: string,
): Promise<void> {
  await trx
    .updateTable('pipeline_entry')
    .set({ missions: JSON.stringify(missions), version, updated_by: actor, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .execute();
}

export async function insertChange(
  trx: Transaction<Database>,
  c: Omit<PipelineChangeRecord, 'id' | 'at' | 'organisationName' | 'entryTitle'>,
): Promise<void> {
  await trx
    .insertInto('pipeline_change')
    .values({
      entry_id: c.entryId,
      organisation_id: c.organisationId,
      version: c.version,
      actor: c.actor,
      action: c.action,
      changes: JSON.stringify(c.changes),
      published: c.published,
    })
    .execute();
}

export interface ChangeFilters {
  organisationId?: number;
  entryId?: number;
  /** Changes made at or after this instant. */
  since?: Date;
  /** Only changes made while the entry was published, to entries still published (the public log). */
  publishedOnly?: boolean;
}

function changes(db: Db, f: ChangeFilters) {
  let q = db
    .selectFrom('pipeline_change as c')
    .innerJoin('pipeline_entry as e', 'e.id', 'c.entry_id')
    .innerJoin('organisation as o', 'o.id', 'c.organisation_id')
    .select([
      'c.id',
      'c.entry_id',
      'c.organisation_id',
      'o.name as organisation_name',
      'e.title as entry_title',
      'c.version',
      'c.at',
      'c.actor',
      'c.action',
      'c.changes',
      'c.published',
    ]);
  if (f.organisationId !== undefined) q = q.where('c.organisation_id', '=', f.organisationId);
  if (f.entryId !== undefined) q = q.where('c.entry_id', '=', f.entryId);
  if (f.since !== undefined) q = q.where('c.at', '>=', f.since);
  if (f.publishedOnly) q = q.where('c.published', '=', true).where('e.published', '=', true);
  return q;
}

/** Changes newest first, a page at a time, with the total. */
export async function listChanges(
  db: Db,
  f: ChangeFilters,
  page: { limit: number; offset: number },
): Promise<{ rows: PipelineChangeRecord[]; total: number }> {
  const [rows, total] = await Promise.all([
    changes(db, f)
      .orderBy('c.at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    changes(db, f)
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((r) => ({
      id: Number(r.id),
      entryId: Number(r.entry_id),
      organisationId: Number(r.organisation_id),
      organisationName: r.organisation_name,
      entryTitle: r.entry_title,
      version: r.version,
      at: r.at,
      actor: r.actor,
      action: r.action,
      changes: r.changes as FieldChange[],
      published: r.published,
    })),
    total: Number(total.n),
  };
}
