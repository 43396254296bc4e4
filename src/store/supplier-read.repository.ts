// Reading resolved suppliers: the list, one supplier with its sources, the unresolved payees for review, and the
// overrides; recording an override (with its audit entry, in one transaction) and a resolution run.
import { sql, type Kysely, type Selectable } from 'kysely';
import type { SupplierOverride } from '../domain/supplier-resolution.js';
import { writeAudit } from './audit.repository.js';
import type { Database } from './database.js';
import { toOverride } from './supplier-sources.repository.js';
import type { SupplierTable } from './supplier.types.js';

export const SUPPLIER_SORTS = ['paid', 'name', 'sources', 'payments'] as const;
export type SupplierSort = (typeof SUPPLIER_SORTS)[number];
export const PAYEE_SORTS = ['amount', 'payments', 'name'] as const;
export type PayeeSort = (typeof PAYEE_SORTS)[number];

export interface Paging {
  page: number;
  pageSize: number;
}

export interface SupplierSummary {
  id: number;
  name: string;
  identifiers: string[];
  postcodes: string[];
  kinds: string[];
  sourceCount: number;
  ocdsOrganisations: number;
  awards: number;
  registerRows: number;
  payments: number;
  paidAmount: string | null;
  confidence: number | null;
}

export interface SupplierSourceRow {
  key: string;
  kind: 'ocds' | 'register' | 'spend' | 'notice';
  buyerId: number | null;
  buyerName: string | null;
  organisationId: number | null;
  name: string;
  names: string[];
  normalisedName: string | null;
  tradingName: string | null;
  postcode: string | null;
  identifiers: string[];
  localId: string | null;
  rows: number;
  amount: string | null;
  rule: string | null;
  confidence: number | null;
  evidence: unknown;
  refused: unknown;
  placeholder: boolean;
  split: boolean;
  supplierId: number;
}

export interface SupplierOverrideRow extends SupplierOverride {
  reason: string;
  actor: string;
  createdAt: Date;
}

const num = (v: string | number | null): number | null => (v === null ? null : Number(v));

const toSummary = (r: Selectable<SupplierTable>): SupplierSummary => ({
  id: Number(r.id),
  name: r.name,
  identifiers: r.identifiers,
  postcodes: r.postcodes,
  kinds: r.kinds,
  sourceCount: r.source_count,
  ocdsOrganisations: r.ocds_organisations,
  awards: r.awards,
  registerRows: r.register_rows,
  payments: r.payments,
  paidAmount: r.paid_amount,
  confidence: num(r.confidence),
});

export async function listSuppliers(
  db: Kysely<Database>,
  q: Paging & { sort: SupplierSort; search: string | null },
): Promise<{ total: number; rows: SupplierSummary[] }> {
  let base = db.selectFrom('supplier').where('merged_into', 'is', null).where('source_count', '>', 0);
  if (q.search) base = base.where('name', 'ilike', `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  let query = base.selectAll();
  if (q.sort === 'name') query = query.orderBy('name').orderBy('id');
  else if (q.sort === 'sources') query = query.orderBy('source_count', 'desc').orderBy('id');
  else if (q.sort === 'payments') query = query.orderBy('payments', 'desc').orderBy('id');
  else query = query.orderBy(sql`paid_amount desc nulls last`).orderBy('id');
  const rows = await query
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return { total: Number(total?.n ?? 0), rows: rows.map(toSummary) };
}

/** The supplier, following merged_into to where its sources went; null when unknown. */
export async function findSupplier(
  db: Kysely<Database>,
  id: number,
): Promise<{ supplier: SupplierSummary; redirectedFrom: number | null } | null> {
  let current = id;
  for (let hops = 0; hops < 10; hops++) {
    const row = await db.selectFrom('supplier').selectAll().where('id', '=', current).executeTakeFirst();
    if (!row) return null;
    if (row.merged_into === null)
      return row.source_count > 0
        ? { supplier: toSummary(row), redirectedFrom: current === id ? null : id }
        : null;
    current = Number(row.merged_into);
  }
  return null;
}

const sourceSelect = (db: Kysely<Database>) =>
  db
    .selectFrom('supplier_source as s')
    .leftJoin('organisation as b', 'b.id', 's.buyer_id')
    .selectAll('s')
    .select('b.name as buyer_name');

type SourceDbRow = Awaited<ReturnType<ReturnType<typeof sourceSelect>['execute']>>[number];

const toSource = (r: SourceDbRow): SupplierSourceRow => ({
  key: r.key,
  kind: r.kind,
  buyerId: num(r.buyer_id),
  buyerName: r.buyer_name,
  organisationId: num(r.organisation_id),
  name: r.name,
  names: r.names,
  normalisedName: r.normalised_name,
  tradingName: r.trading_name,
  postcode: r.postcode,
  identifiers: r.identifiers,
  localId: r.local_id,
  rows: r.rows,
  amount: r.amount,
  rule: r.rule,
  confidence: num(r.confidence),
  evidence: r.evidence,
  refused: r.refused,
  placeholder: r.placeholder,
  split: r.split,
  supplierId: Number(r.supplier_id),
});

export async function supplierSources(
  db: Kysely<Database>,
  supplierId: number,
): Promise<SupplierSourceRow[]> {
  const rows = await sourceSelect(db)
    .where('s.supplier_id', '=', supplierId)
    .orderBy(sql`case s.kind when 'ocds' then 0 when 'register' then 1 when 'notice' then 2 else 3 end`)
    .orderBy('s.rows', 'desc')
    .orderBy('s.key')
    .limit(500)
    .execute();
  return rows.map(toSource);
}

export async function findSource(db: Kysely<Database>, key: string): Promise<SupplierSourceRow | null> {
  const row = await sourceSelect(db).where('s.key', '=', key).executeTakeFirst();
  return row ? toSource(row) : null;
}

/** Spend payees whose supplier carries no Companies House, charity or PPON number (placeholders left out). */
export async function listUnresolvedPayees(
  db: Kysely<Database>,
  q: Paging & { sort: PayeeSort; buyerId: number | null },
): Promise<{ total: number; rows: SupplierSourceRow[] }> {
  let base = db
    .selectFrom('supplier_source as s')
    .innerJoin('supplier as p', 'p.id', 's.supplier_id')
    .where('s.kind', '=', 'spend')
    .where('s.placeholder', '=', false)
    .where(sql<boolean>`p.identifiers = '{}'`);
  if (q.buyerId !== null) base = base.where('s.buyer_id', '=', q.buyerId);
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
  const order =
    q.sort === 'name'
      ? sql`s.name, s.key`
      : q.sort === 'payments'
        ? sql`s.rows desc, s.key`
        : sql`s.amount desc nulls last, s.key`;
  const keys = await base
    .select('s.key')
    .orderBy(order)
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  if (keys.length === 0) return { total: Number(total?.n ?? 0), rows: [] };
  const rows = await sourceSelect(db)
    .where(
      's.key',
      'in',
      keys.map((k) => k.key),
    )
    .execute();
  const byKey = new Map(rows.map((r) => [r.key, toSource(r)]));
  return {
    total: Number(total?.n ?? 0),
    rows: keys.map((k) => byKey.get(k.key)).filter((r): r is SupplierSourceRow => r !== undefined),
  };
}

export async function listOverrides(
  db: Kysely<Database>,
  keys: readonly string[],
): Promise<SupplierOverrideRow[]> {
  if (keys.length === 0) return [];
  const rows = await db
    .selectFrom('supplier_override')
    .selectAll()
    .where((eb) => eb.or([eb('source_key', 'in', keys), eb('other_key', 'in', keys)]))
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    ...toOverride(r),
    reason: r.reason,
    actor: r.actor,
    createdAt: r.created_at,
  }));
}

export const SUPPLIER_OVERRIDE_ENTITY = 'supplier-override';

export async function insertOverride(
  db: Kysely<Database>,
  o: { kind: 'merge' | 'split'; sourceKey: string; otherKey: string | null; reason: string; actor: string },
  before: unknown,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('supplier_override')
      .values({
        kind: o.kind,
        source_key: o.sourceKey,
        other_key: o.otherKey,
        reason: o.reason,
        actor: o.actor,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = Number(row.id);
    await writeAudit(trx, {
      actor: o.actor,
      action: `suppliers.${o.kind}`,
      entityType: SUPPLIER_OVERRIDE_ENTITY,
      entityId: String(id),
      before,
      after: { id, kind: o.kind, sourceKey: o.sourceKey, otherKey: o.otherKey, reason: o.reason },
    });
    return id;
  });
}

export async function recordSupplierRun(
  db: Kysely<Database>,
  run: { seconds: number; fingerprint: string; counts: unknown },
): Promise<void> {
  await db
    .insertInto('supplier_run')
    .values({
      seconds: run.seconds.toFixed(3),
      fingerprint: run.fingerprint,
      counts: JSON.stringify(run.counts),
    })
    .execute();
}

export async function lastSupplierRun(
  db: Kysely<Database>,
): Promise<{ startedAt: Date; seconds: number; fingerprint: string; counts: unknown } | null> {
  const r = await db.selectFrom('supplier_run').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();
  return r
    ? { startedAt: r.started_at, seconds: Number(r.seconds), fingerprint: r.fingerprint, counts: r.counts }
    : null;
}
