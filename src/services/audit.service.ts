// The audit log of every change, readable by admins (docs/accounts.md, "Audit"): filter by the kind of entity, one
// entity, or who made the change; newest first, a page at a time; each entry with the fields its change touched.
import type { Kysely } from 'kysely';
import { AppError } from '../errors.js';
import { auditEntityTypes, listAudit, searchAudit, type AuditRecord } from '../store/audit.repository.js';
import type { Database } from '../store/database.js';
import { assertCan, type Actor } from './authz.js';

export const AUDIT_PAGE_SIZE = 50;
const MAX_PAGE = 10_000;

export interface AuditQueryInput {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  page?: string | number | undefined;
}

export interface AuditQuery {
  entityType: string | undefined;
  entityId: string | undefined;
  actor: string | undefined;
  page: number;
}

/** One field a change touched: its value before and after (undefined: not there). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface AuditEntryView extends AuditRecord {
  changes: FieldChange[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The top-level fields that differ between before and after (compared as JSON); a snapshot that is not an object
 * is one field, "value". Creation (no before) lists every field of after; deletion every field of before.
 */
export function changedFields(before: unknown, after: unknown): FieldChange[] {
  const b = isObject(before) ? before : before == null ? {} : { value: before };
  const a = isObject(after) ? after : after == null ? {} : { value: after };
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  return fields
    .filter((f) => JSON.stringify(b[f]) !== JSON.stringify(a[f]))
    .map((f) => ({ field: f, before: b[f], after: a[f] }));
}

const text = (name: string, v: unknown, max: number): string | undefined => {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') throw new AppError('BAD_REQUEST', `${name}: must be text`);
  const t = v.trim();
  if (t.length > max) throw new AppError('BAD_REQUEST', `${name}: at most ${max} characters`);
  return t === '' ? undefined : t;
};

export function parseAuditQuery(input: AuditQueryInput): AuditQuery {
  const raw = input.page ?? 1;
  const page = typeof raw === 'number' ? raw : /^\d{1,5}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isInteger(page) || page < 1 || page > MAX_PAGE)
    throw new AppError('BAD_REQUEST', `page: a whole number from 1 to ${MAX_PAGE}`);
  return {
    entityType: text('entityType', input.entityType, 100),
    entityId: text('entityId', input.entityId, 300),
    actor: text('actor', input.actor, 300),
    page,
  };
}

/**
 * One entity's history, newest first, each entry with the fields its change touched: for the pages that edit one
 * thing, shown to those who may change it (the caller decides who that is).
 */
export async function entityHistory(
  db: Kysely<Database>,
  entityType: string,
  entityId: string | number,
): Promise<AuditEntryView[]> {
  const records = await listAudit(db, entityType, String(entityId));
  return records.map((r) => ({ ...r, changes: changedFields(r.before, r.after) }));
}

export function createAuditService({ db }: { db: Kysely<Database> }) {
  return {
    /** A page of the log for an admin; FORBIDDEN for anybody else. */
    async search(actor: Actor | null, input: AuditQueryInput) {
      assertCan(actor, 'audit.read');
      const q = parseAuditQuery(input);
      const [{ total, records }, entityTypes] = await Promise.all([
        searchAudit(db, q, (q.page - 1) * AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE),
        auditEntityTypes(db),
      ]);
      const entries: AuditEntryView[] = records.map((r) => ({
        ...r,
        changes: changedFields(r.before, r.after),
      }));
      return { query: q, total, pageSize: AUDIT_PAGE_SIZE, entries, entityTypes };
    },
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
