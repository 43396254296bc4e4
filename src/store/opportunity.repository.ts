// Opportunities, the interest registered against them and the form-signing key (migration 0029). Writes take a
// transaction from the service, which writes the audit row with the change. Every read of interest is scoped by
// the publishing organisation in the query itself, so one organisation's rows cannot come back for another.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { OpportunityStatus } from '../domain/opportunity.js';
import type { Database } from './database.js';

type Db = Kysely<Database> | Transaction<Database>;

/** The fields an editor sets. */
export interface OpportunityFields {
  title: string;
  problem: string;
  outcomesSought: string;
  missionIds: string[];
  outcomeIds: string[];
  windowStart: string | null;
  windowEnd: string | null;
  budgetMin: string | null;
  budgetMax: string | null;
  cpvCode: string | null;
  region: string | null;
  contactName: string;
  contactEmail: string;
  status: OpportunityStatus;
}

export interface OpportunityRecord extends OpportunityFields {
  id: number;
  organisationId: number;
  organisationName: string;
  publishedAt: Date | null;
  closedAt: Date | null;
  version: number;
  createdAt: Date;
  createdBy: string;
  updatedAt: Date;
  updatedBy: string;
  interestCount: number;
}

export interface InterestFields {
  name: string;
  supplierOrganisation: string;
  email: string;
  companiesHouse: string | null;
  ppon: string | null;
  sme: boolean;
  vcse: boolean;
  message: string | null;
}

export interface InterestRecord extends InterestFields {
  id: number;
  opportunityId: number;
  createdAt: Date;
}

export const OPPORTUNITY_SORTS = ['published', 'window', 'budget', 'title'] as const;
export type OpportunitySort = (typeof OPPORTUNITY_SORTS)[number];

export interface OpportunityFilters {
  organisationId?: number;
  missionId?: string;
  region?: string;
  statuses: readonly OpportunityStatus[];
}

const day = (column: string) => sql<string | null>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

function opportunities(db: Db) {
  return db
    .selectFrom('opportunity as p')
    .innerJoin('organisation as o', 'o.id', 'p.organisation_id')
    .select([
      'p.id',
      'p.organisation_id',
      'o.name as organisation_name',
      'p.title',
      'p.problem',
      'p.outcomes_sought',
      'p.mission_ids',
      'p.outcome_ids',
      day('p.window_start').as('window_start'),
      day('p.window_end').as('window_end'),
      sql<string | null>`p.budget_min::text`.as('budget_min'),
      sql<string | null>`p.budget_max::text`.as('budget_max'),
      'p.cpv_code',
      'p.region',
      'p.contact_name',
      'p.contact_email',
      'p.status',
      'p.published_at',
      'p.closed_at',
      'p.version',
      'p.created_at',
      'p.created_by',
      'p.updated_at',
      'p.updated_by',
      sql<string>`(select count(*) from opportunity_interest i where i.opportunity_id = p.id)`.as(
        'interest_count',
      ),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof opportunities>['executeTakeFirstOrThrow']>>;

const toRecord = (r: Row): OpportunityRecord => ({
  id: Number(r.id),
  organisationId: Number(r.organisation_id),
  organisationName: r.organisation_name,
  title: r.title,
  problem: r.problem,
  outcomesSought: r.outcomes_sought,
  missionIds: r.mission_ids,
  outcomeIds: r.outcome_ids,
  windowStart: r.window_start,
  windowEnd: r.window_end,
  budgetMin: r.budget_min,
  budgetMax: r.budget_max,
  cpvCode: r.cpv_code,
  region: r.region,
  contactName: r.contact_name,
  contactEmail: r.contact_email,
  status: r.status,
  publishedAt: r.published_at,
  closedAt: r.closed_at,
  version: r.version,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
  interestCount: Number(r.interest_count),
});

const columns = (f: OpportunityFields) => ({
  title: f.title,
  problem: f.problem,
  outcomes_sought: f.outcomesSought,
  mission_ids: f.missionIds,
  outcome_ids: f.outcomeIds,
  window_start: f.windowStart,
  window_end: f.windowEnd,
  budget_min: f.budgetMin,
  budget_max: f.budgetMax,
  cpv_code: f.cpvCode,
  region: f.region,
  contact_name: f.contactName,
  contact_email: f.contactEmail,
  status: f.status,
});

export async function findOpportunity(
  db: Db,
  id: number,
  options: { forUpdate?: boolean } = {},
): Promise<OpportunityRecord | undefined> {
  if (options.forUpdate)
    await db.selectFrom('opportunity').select('id').where('id', '=', id).forUpdate().execute();
  const r = await opportunities(db).where('p.id', '=', id).executeTakeFirst();
  return r ? toRecord(r) : undefined;
}

export async function insertOpportunity(
  db: Db,
  organisationId: number,
  f: OpportunityFields,
  actor: string,
): Promise<number> {
  const r = await db
    .insertInto('opportunity')
    .values({
      ...columns(f),
      organisation_id: organisationId,
      published_at: f.status === 'published' ? sql<Date>`now()` : null,
      closed_at: f.status === 'closed' ? sql<Date>`now()` : null,
      created_by: actor,
      updated_by: actor,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** Writes the fields, stamps the first publication and the closing, and bumps the version. */
export async function updateOpportunity(
  db: Db,
  id: number,
  f: OpportunityFields,
  actor: string,
): Promise<void> {
  await db
    .updateTable('opportunity')
    .set({
      ...columns(f),
      published_at: sql<Date>`case when ${f.status} <> 'draft' then coalesce(published_at, now()) end`,
      closed_at: sql<Date>`case when ${f.status} = 'closed' then coalesce(closed_at, now()) end`,
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
      updated_by: actor,
    })
    .where('id', '=', id)
    .execute();
}

const ORDER: Record<OpportunitySort, ReturnType<typeof sql>> = {
  published: sql`p.published_at desc nulls first, p.id desc`,
  window: sql`p.window_start asc nulls last, p.id desc`,
  budget: sql`p.budget_max desc nulls last, p.id desc`,
  title: sql`lower(p.title) asc, p.id asc`,
};

export async function listOpportunities(
  db: Db,
  filters: OpportunityFilters,
  sort: OpportunitySort,
  page: { limit: number; offset: number },
): Promise<{ rows: OpportunityRecord[]; total: number }> {
  let q = opportunities(db).where('p.status', 'in', [...filters.statuses]);
  if (filters.organisationId !== undefined) q = q.where('p.organisation_id', '=', filters.organisationId);
  if (filters.missionId !== undefined) q = q.where(sql<boolean>`${filters.missionId} = any(p.mission_ids)`);
  // A region filter matches the region and every region inside it (UKF matches UKF11).
  if (filters.region !== undefined) q = q.where('p.region', 'like', `${filters.region}%`);
  const [rows, total] = await Promise.all([
    q.orderBy(ORDER[sort]).limit(page.limit).offset(page.offset).execute(),
    q
      .clearSelect()
      .select(sql<string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows: rows.map(toRecord), total: Number(total.n) };
}

export async function insertInterest(
  db: Db,
  opportunity: { id: number; organisationId: number },
  f: InterestFields,
): Promise<number> {
  const r = await db
    .insertInto('opportunity_interest')
    .values({
      opportunity_id: opportunity.id,
      organisation_id: opportunity.organisationId,
      name: f.name,
      supplier_organisation: f.supplierOrganisation,
      email: f.email,
      companies_house: f.companiesHouse,
      ppon: f.ppon,
      sme: f.sme,
      vcse: f.vcse,
      message: f.message,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** The interest registered against one opportunity of one organisation, oldest first. */
export async function listInterest(
  db: Db,
  organisationId: number,
  opportunityId: number,
): Promise<InterestRecord[]> {
  const rows = await db
    .selectFrom('opportunity_interest')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('opportunity_id', '=', opportunityId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: Number(r.id),
    opportunityId: Number(r.opportunity_id),
    name: r.name,
    supplierOrganisation: r.supplier_organisation,
    email: r.email,
    companiesHouse: r.companies_house,
    ppon: r.ppon,
    sme: r.sme,
    vcse: r.vcse,
    message: r.message,
    createdAt: r.created_at,
  }));
}

/** The named signing key, made from `fresh` the first time it is asked for (every process then shares it). */
export async function signingKey(db: Db, name: string, fresh: Buffer): Promise<Buffer> {
  await db
    .insertInto('form_signing_key')
    .values({ name, secret: fresh })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const r = await db
    .selectFrom('form_signing_key')
    .select('secret')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return r.secret;
}
