// The accountable officer named for an organisation's procurement data (issue 5, item 2). Every change writes an
// audit_log entry in the same transaction.
import { sql, type Kysely } from 'kysely';
import { writeAudit } from './audit.repository.js';
import type { Database } from './database.js';

export interface OfficerInput {
  name: string;
  role: string;
  email: string;
  phone: string | null;
}

export interface Officer extends OfficerInput {
  organisationId: number;
  updatedAt: Date;
  updatedBy: string;
}

export const OFFICER_ENTITY = 'accountable_officer';

const columns = ['organisation_id', 'name', 'role', 'email', 'phone', 'updated_at', 'updated_by'] as const;

type Row = {
  organisation_id: number;
  name: string;
  role: string;
  email: string;
  phone: string | null;
  updated_at: Date;
  updated_by: string;
};

const toOfficer = (r: Row): Officer => ({
  organisationId: r.organisation_id,
  name: r.name,
  role: r.role,
  email: r.email,
  phone: r.phone,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

export async function findOfficer(db: Kysely<Database>, organisationId: number): Promise<Officer | null> {
  const r = await db
    .selectFrom('accountable_officer')
    .select(columns)
    .where('organisation_id', '=', organisationId)
    .executeTakeFirst();
  return r ? toOfficer(r) : null;
}

export async function findOfficers(
  db: Kysely<Database>,
  organisationIds: readonly number[],
): Promise<Officer[]> {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .selectFrom('accountable_officer')
    .select(columns)
    .where(sql<boolean>`organisation_id = any(${[...organisationIds]}::bigint[])`)
    .execute();
  return rows.map(toOfficer);
}

/** Sets (creates or replaces) the officer and writes the audit entry, both or neither. */
export async function saveOfficer(
  db: Kysely<Database>,
  organisationId: number,
  officer: OfficerInput,
  actor: string,
): Promise<Officer> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('accountable_officer')
      .select(columns)
      .where('organisation_id', '=', organisationId)
      .forUpdate()
      .executeTakeFirst();
    const values = { ...officer, updated_at: new Date(), updated_by: actor };
    const after = await trx
      .insertInto('accountable_officer')
      .values({ organisation_id: organisationId, ...values })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values))
      .returning(columns)
      .executeTakeFirstOrThrow();
    await writeAudit(trx, {
      actor,
      action: before ? 'update' : 'create',
      entityType: OFFICER_ENTITY,
      entityId: String(organisationId),
      before: before ? toOfficer(before) : null,
      after: toOfficer(after),
    });
    return toOfficer(after);
  });
}
