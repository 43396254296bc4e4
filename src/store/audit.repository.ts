// The audit log: who changed what, when, with the entity before and after (design.md §7). Written with the change,
// in the same transaction, by the repository that makes it.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from './database.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface AuditEntry {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

export interface AuditRecord extends AuditEntry {
  id: number;
  at: Date;
}

const json = (v: unknown): string | null => (v === null || v === undefined ? null : JSON.stringify(v));

export async function writeAudit(db: Db, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor: e.actor,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      before: json(e.before),
      after: json(e.after),
    })
    .execute();
}

type AuditRow = Selectable<Database['audit_log']>;

const toRecord = (r: AuditRow): AuditRecord => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  action: r.action,
  entityType: r.entity_type,
  entityId: r.entity_id,
  before: r.before,
  after: r.after,
});

/** An entity's history, newest first. */
export async function listAudit(db: Db, entityType: string, entityId: string): Promise<AuditRecord[]> {
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toRecord);
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** Part of the actor (an email, `cli:…`, `supplier:…`), any case. */
  actor?: string | undefined;
}

/** A page of the whole log, newest first, with the number of entries matching. */
export async function searchAudit(
  db: Db,
  f: AuditFilter,
  offset: number,
  limit: number,
): Promise<{ total: number; records: AuditRecord[] }> {
  let q = db.selectFrom('audit_log');
  if (f.entityType) q = q.where('entity_type', '=', f.entityType);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.actor) q = q.where('actor', 'ilike', `%${f.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const [count, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    q.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute(),
  ]);
  return { total: Number(count.n), records: rows.map(toRecord) };
}

/** The kinds of entity the log holds, for a filter. */
export async function auditEntityTypes(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select('entity_type')
    .distinct()
    .orderBy('entity_type')
    .execute();
  return rows.map((r) => r.entity_type);
}
