// Market engagement exercises and no-engagement rationales (migration 0028), the later tenders an exercise may
// link to (processes in the data) and the UK2 notices already in the projection's notice table. Writes take the
// service's transaction, which locks the row (`for update`) and checks the version the editor saw.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Participant } from '../domain/engagement.js';
import type { Database } from './database.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What an editor sets on an exercise. */
export interface ExerciseFields {
  purpose: string;
  startDate: string | null;
  endDate: string | null;
  format: string;
  questions: string | null;
  participants: Participant[];
  summary: string | null;
  requirementChanges: string | null;
  tenderOcid: string | null;
}

export interface ExerciseRecord extends ExerciseFields {
  id: number;
  entryId: number;
  entryTitle: string;
  entryPublished: boolean;
  organisationId: number;
  organisationName: string;
  version: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
}

export interface RationaleRecord {
  entryId: number;
  rationale: string | null;
  version: number;
  updatedAt: Date;
  updatedBy: string;
}

const day = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

function exercises(db: Db) {
  return db
    .selectFrom('engagement_exercise as x')
    .innerJoin('pipeline_entry as e', 'e.id', 'x.entry_id')
    .innerJoin('organisation as o', 'o.id', 'x.organisation_id')
    .select([
      'x.id',
      'x.entry_id',
      'e.title as entry_title',
      'e.published as entry_published',
      'x.organisation_id',
      'o.name as organisation_name',
      'x.purpose',
      day('x.start_date').as('start_date'),
      day('x.end_date').as('end_date'),
      'x.format',
      'x.questions',
      'x.participants',
      'x.summary',
      'x.requirement_changes',
      'x.tender_ocid',
      'x.version',
      'x.created_at',
      'x.created_by',
      'x.updated_at',
      'x.updated_by',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof exercises>['executeTakeFirstOrThrow']>>;

const toRecord = (r: Row): ExerciseRecord => ({
  id: Number(r.id),
  entryId: Number(r.entry_id),
  entryTitle: r.entry_title,
  entryPublished: r.entry_published,
  organisationId: Number(r.organisation_id),
  organisationName: r.organisation_name,
  purpose: r.purpose,
  startDate: r.start_date,
  endDate: r.end_date,
  format: r.format,
  questions: r.questions,
  // jsonb keeps its own key order: rebuild each participant in the form's order, so saves compare equal.
  participants: (r.participants as Participant[]).map((p) => ({
    name: p.name,
    identifier: p.identifier,
    sme: p.sme,
    vcse: p.vcse,
    local: p.local,
  })),
  summary: r.summary,
  requirementChanges: r.requirement_changes,
  tenderOcid: r.tender_ocid,
  version: r.version,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

const columns = (f: ExerciseFields) => ({
  purpose: f.purpose,
  start_date: f.startDate,
  end_date: f.endDate,
  format: f.format,
  questions: f.questions,
  participants: JSON.stringify(f.participants),
  summary: f.summary,
  requirement_changes: f.requirementChanges,
  tender_ocid: f.tenderOcid,
});

export async function findExercise(
  db: Db,
  id: number,
  options: { forUpdate?: boolean } = {},
): Promise<ExerciseRecord | undefined> {
  let q = exercises(db).where('x.id', '=', id);
  if (options.forUpdate) q = q.forUpdate('x');
  const row = await q.executeTakeFirst();
  return row ? toRecord(row) : undefined;
}

/** An entry's or a buyer's exercises, earliest first (undated last); only those of published entries if asked. */
export async function listExercises(
  db: Db,
  f: { entryId?: number; organisationId?: number; publishedOnly: boolean },
): Promise<ExerciseRecord[]> {
  let q = exercises(db);
  if (f.entryId !== undefined) q = q.where('x.entry_id', '=', f.entryId);
  if (f.organisationId !== undefined) q = q.where('x.organisation_id', '=', f.organisationId);
  if (f.publishedOnly) q = q.where('e.published', '=', true);
  const rows = await q
    .orderBy(sql`x.start_date asc nulls last`)
    .orderBy('x.id')
    .execute();
  return rows.map(toRecord);
}

export async function insertExercise(
  trx: Transaction<Database>,
  entry: { id: number; organisationId: number },
  f: ExerciseFields,
  actor: string,
): Promise<number> {
  const r = await trx
    .insertInto('engagement_exercise')
    .values({
      ...columns(f),
      entry_id: entry.id,
      organisation_id: entry.organisationId,
      created_by: actor,
      updated_by: actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function updateExercise(
  trx: Transaction<Database>,
  id: number,
  f: ExerciseFields,
  version: number,
  actor: string,
): Promise<void> {
  await trx
    .updateTable('engagement_exercise')
    .set({ ...columns(f), version, updated_by: actor, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function findRationale(
  db: Db,
  entryId: number,
  options: { forUpdate?: boolean } = {},
): Promise<RationaleRecord | undefined> {
  let q = db.selectFrom('engagement_rationale').selectAll().where('entry_id', '=', entryId);
  if (options.forUpdate) q = q.forUpdate();
  const r = await q.executeTakeFirst();
  return r
    ? {
        entryId: Number(r.entry_id),
        rationale: r.rationale,
        version: r.version,
        updatedAt: r.updated_at,
        updatedBy: r.updated_by,
      }
    : undefined;
}

export async function saveRationale(
  trx: Transaction<Database>,
  entry: { id: number; organisationId: number },
  rationale: string | null,
  version: number,
  actor: string,
): Promise<void> {
  await trx
    .insertInto('engagement_rationale')
    .values({
      entry_id: entry.id,
      organisation_id: entry.organisationId,
      rationale,
      version,
      updated_by: actor,
    })
    .onConflict((oc) =>
      oc.column('entry_id').doUpdateSet({ rationale, version, updated_by: actor, updated_at: sql`now()` }),
    )
    .execute();
}

export interface TenderRef {
  ocid: string;
  buyerId: number | null;
  title: string | null;
  firstPublished: Date | null;
}

/** A process in the data by ocid (the tender an exercise links to). */
export async function findTender(db: Db, ocid: string): Promise<TenderRef | undefined> {
  const r = await db
    .selectFrom('process')
    .select(['ocid', 'buyer_id', 'title', 'first_published'])
    .where('ocid', '=', ocid)
    .executeTakeFirst();
  return r
    ? {
        ocid: r.ocid,
        buyerId: r.buyer_id === null ? null : Number(r.buyer_id),
        title: r.title,
        firstPublished: r.first_published,
      }
    : undefined;
}

/**
 * The buyer's processes first published on or after a day with a CPV code starting with the prefix: the tenders
 * an exercise may have led to, soonest first.
 */
export async function candidateTenders(
  db: Db,
  f: { organisationId: number; after: string; cpvPrefix: string; limit: number },
): Promise<TenderRef[]> {
  const rows = await db
    .selectFrom('process')
    .select(['ocid', 'buyer_id', 'title', 'first_published'])
    .where('buyer_id', '=', f.organisationId)
    .where('first_published', '>=', new Date(`${f.after}T00:00:00Z`))
    .where(sql<boolean>`exists (select 1 from unnest(cpv_codes) c where c like ${`${f.cpvPrefix}%`})`)
    .orderBy('first_published')
    .orderBy('ocid')
    .limit(f.limit)
    .execute();
  return rows.map((r) => ({
    ocid: r.ocid,
    buyerId: r.buyer_id === null ? null : Number(r.buyer_id),
    title: r.title,
    firstPublished: r.first_published,
  }));
}

export interface EngagementNotice {
  ocid: string;
  releaseId: string;
  date: Date;
  title: string | null;
  processTitle: string | null;
  url: string | null;
}

/** UK2 (preliminary market engagement) notices of the buyer's processes, newest first; only these ocids if given. */
export async function engagementNotices(
  db: Db,
  f: { organisationId: number; ocids?: readonly string[]; cpvPrefix?: string | null; limit: number },
): Promise<EngagementNotice[]> {
  let q = db
    .selectFrom('notice as n')
    .innerJoin('process as p', 'p.ocid', 'n.ocid')
    .select(['n.ocid', 'n.release_id', 'n.release_date', 'n.title', 'p.title as process_title', 'n.url'])
    .where('p.buyer_id', '=', f.organisationId)
    .where('n.notice_type', '=', 'UK2');
  if (f.ocids !== undefined || f.cpvPrefix) {
    const ocids = [...(f.ocids ?? [])];
    const prefix = f.cpvPrefix ? `${f.cpvPrefix}%` : null;
    q = q.where((eb) =>
      eb.or([
        ...(ocids.length > 0 ? [eb('n.ocid', 'in', ocids)] : []),
        ...(prefix
          ? [sql<boolean>`exists (select 1 from unnest(p.cpv_codes) c where c like ${prefix})`]
          : []),
        sql<boolean>`false`,
      ]),
    );
  }
  const rows = await q.orderBy('n.release_date', 'desc').orderBy('n.release_id').limit(f.limit).execute();
  return rows.map((r) => ({
    ocid: r.ocid,
    releaseId: r.release_id,
    date: r.release_date,
    title: r.title,
    processTitle: r.process_title,
    url: r.url,
  }));
}
