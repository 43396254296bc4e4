// Writes a supplier resolution (domain/supplier-resolution.ts) in one transaction: suppliers keep their ids where
// most of their sources stay together (assignSupplierIds), a supplier whose sources all moved elsewhere points to
// where most went (merged_into, for links), and every source row carries its rule, evidence and confidence. Only rows
// whose content changed since the last run are written (row_hash), so a run after a small import writes little.
import { createHash } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import { addDecimals } from '../domain/decimal.js';
import { identifierKey, sortIdentifiers, type OrgIdentifier } from '../domain/org-id.js';
import { assignSupplierIds, type SupplierResolution } from '../domain/supplier-resolution.js';
import type { Database } from './database.js';
import type { LoadedSource } from './supplier-sources.repository.js';

const CHUNK = 5000;

/**
 * Rows go to PostgreSQL as one JSON parameter expanded by jsonb_to_recordset: one statement per 5,000 rows instead of
 * a VALUES list with a parameter per cell (parsing 100,000 parameters dominated the write).
 */
async function upsertSuppliers(trx: Transaction<Database>, rows: readonly unknown[]): Promise<void> {
  await sql`
    insert into supplier (id, name, normalised_name, identifiers, postcodes, kinds, source_count, ocds_organisations,
      awards, register_rows, payments, paid_amount, confidence, merged_into, row_hash, updated_at)
    select id, name, normalised_name, identifiers, postcodes, kinds, source_count, ocds_organisations, awards,
      register_rows, payments, paid_amount, confidence, null, row_hash, now()
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id bigint, name text, normalised_name text,
      identifiers text[], postcodes text[], kinds text[], source_count integer, ocds_organisations integer,
      awards integer, register_rows integer, payments integer, paid_amount numeric, confidence numeric,
      row_hash text)
    on conflict (id) do update set name = excluded.name, normalised_name = excluded.normalised_name,
      identifiers = excluded.identifiers, postcodes = excluded.postcodes, kinds = excluded.kinds,
      source_count = excluded.source_count, ocds_organisations = excluded.ocds_organisations,
      awards = excluded.awards, register_rows = excluded.register_rows, payments = excluded.payments,
      paid_amount = excluded.paid_amount, confidence = excluded.confidence, merged_into = null,
      row_hash = excluded.row_hash,
      updated_at = excluded.updated_at`.execute(trx);
}

async function insertSources(trx: Transaction<Database>, rows: readonly unknown[]): Promise<void> {
  await sql`
    insert into supplier_source (key, supplier_id, kind, buyer_id, organisation_id, name, names, normalised_name,
      trading_name, postcode, identifiers, local_id, rows, amount, rule, confidence, evidence, refused, placeholder,
      split, row_hash)
    select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(key text, supplier_id bigint, kind text,
      buyer_id bigint, organisation_id bigint, name text, names text[], normalised_name text, trading_name text,
      postcode text, identifiers text[], local_id text, rows integer, amount numeric, rule text, confidence numeric,
      evidence jsonb, refused jsonb, placeholder boolean, split boolean, row_hash text)`.execute(trx);
}
/** Each row with the sha1 of its content: equal hashes mean the row in the database is already this one. */
const withHashes = <T extends object>(rows: readonly T[]): (T & { row_hash: string })[] =>
  rows.map((r) => ({ ...r, row_hash: createHash('sha1').update(JSON.stringify(r)).digest('base64') }));

async function previousHashes(trx: Transaction<Database>) {
  const sources = await trx.selectFrom('supplier_source').select(['key', 'row_hash']).execute();
  const suppliers = await trx
    .selectFrom('supplier')
    .select(['id', 'row_hash'])
    .where('merged_into', 'is', null)
    .execute();
  return {
    sources: new Map(sources.map((r) => [r.key, r.row_hash])),
    suppliers: new Map(suppliers.map((r) => [Number(r.id), r.row_hash])),
  };
}

const KIND_ORDER = { ocds: 0, register: 1, notice: 2, spend: 3 } as const;

export interface SaveCounts {
  sources: number;
  suppliers: number;
  created: number;
  retired: number;
  matched: number;
  unresolvedPayees: number;
  dormantOverrides: number;
  /** Rows written because their content changed (the rest were already right). */
  writtenSuppliers: number;
  writtenSources: number;
}

/** The source that names the supplier: one with an identifier, then OCDS, register, notice, spend; then the busiest. */
function representative(members: readonly LoadedSource[]): LoadedSource | undefined {
  return [...members].sort(
    (a, b) =>
      Number(b.identifiers.length > 0) - Number(a.identifiers.length > 0) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      b.rows - a.rows ||
      a.key.localeCompare(b.key),
  )[0];
}

interface SupplierRow {
  id: number;
  name: string;
  normalised_name: string | null;
  identifiers: string[];
  postcodes: string[];
  kinds: string[];
  source_count: number;
  ocds_organisations: number;
  awards: number;
  register_rows: number;
  payments: number;
  paid_amount: string | null;
  confidence: number | null;
}

function supplierRow(
  id: number,
  members: readonly LoadedSource[],
  confidences: readonly (number | null)[],
): SupplierRow {
  const rep = representative(members);
  const ids: OrgIdentifier[] = [];
  const seen = new Set<string>();
  for (const m of members)
    for (const i of m.identifiers) if (!seen.has(identifierKey(i)) && seen.add(identifierKey(i))) ids.push(i);
  let paid: string | null = null;
  const count = (kind: LoadedSource['kind']) =>
    members.filter((m) => m.kind === kind).reduce((n, m) => n + m.rows, 0);
  for (const m of members)
    if (m.kind === 'spend' && m.amount !== null) paid = addDecimals(paid ?? '0', m.amount);
  const known = confidences.filter((c): c is number => c !== null);
  return {
    id,
    name: rep?.name ?? '',
    normalised_name: rep?.normalisedName ?? null,
    identifiers: sortIdentifiers(ids).map(identifierKey),
    postcodes: [...new Set(members.map((m) => m.postcode).filter((p): p is string => p !== null))].sort(),
    kinds: [...new Set(members.map((m) => m.kind))].sort((a, b) => KIND_ORDER[a] - KIND_ORDER[b]),
    source_count: members.length,
    ocds_organisations: members.filter((m) => m.kind === 'ocds').length,
    awards: count('ocds'),
    register_rows: count('register'),
    payments: count('spend'),
    paid_amount: paid,
    confidence: members.length > 1 && known.length > 0 ? known.reduce((a, b) => Math.min(a, b)) : null,
  };
}

async function newIds(trx: Transaction<Database>, n: number): Promise<number[]> {
  if (n === 0) return [];
  const r = await sql<{ id: string }>`
    select nextval(pg_get_serial_sequence('supplier', 'id')) as id from generate_series(1, ${n})`.execute(
    trx,
  );
  return r.rows.map((x) => Number(x.id));
}

/** One run at a time: a second run waits for the first, then reads what it wrote (the caller's transaction). */
export async function lockSupplierResolution(trx: Transaction<Database>): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('missionbuy:supplier-resolution'))`.execute(trx);
}

/** Writes the resolution in the caller's transaction (which holds lockSupplierResolution). */
export async function saveSupplierResolution(
  trx: Transaction<Database>,
  sources: readonly LoadedSource[],
  resolution: SupplierResolution,
): Promise<SaveCounts> {
  const { groups, sources: resolved } = resolution;
  const assigned = assignSupplierIds(
    groups,
    sources.map((s) => s.previousSupplierId),
  );
  const fresh = await newIds(trx, assigned.ids.filter((id) => id === null).length);
  let next = 0;
  const ids = assigned.ids.map((id) => id ?? (fresh[next++] as number));
  const previousIds = new Set(
    sources.map((s) => s.previousSupplierId).filter((x): x is number => x !== null),
  );

  const before = await previousHashes(trx);
  const rows = groups.map((g, i) =>
    supplierRow(
      ids[i] as number,
      g.map((s) => sources[s] as LoadedSource),
      g.map((s) => resolved[s]?.evidence?.confidence ?? null),
    ),
  );
  const changedSuppliers = withHashes(rows).filter((r) => before.suppliers.get(r.id) !== r.row_hash);
  for (let i = 0; i < changedSuppliers.length; i += CHUNK)
    await upsertSuppliers(trx, changedSuppliers.slice(i, i + CHUNK));
  const sourceRows = sources.map((s, i) => {
    const r = resolved[i];
    const group = r?.group ?? 0;
    return {
      key: s.key,
      supplier_id: ids[group] as number,
      kind: s.kind,
      buyer_id: s.buyerId,
      organisation_id: s.organisationId,
      name: s.name,
      names: s.names,
      normalised_name: s.normalisedName,
      trading_name: s.tradingName,
      postcode: s.postcode,
      identifiers: s.identifiers.map(identifierKey),
      local_id: s.localId,
      rows: s.rows,
      amount: s.amount,
      rule: r?.evidence?.rule ?? null,
      confidence: r?.evidence?.confidence ?? null,
      evidence: r?.evidence ?? null,
      refused: r?.refused ?? [],
      placeholder: r?.placeholder ?? false,
      split: r?.split ?? false,
    };
  });
  const hashed = withHashes(sourceRows);
  const changedSources = hashed.filter((r) => before.sources.get(r.key) !== r.row_hash);
  const current = new Set(hashed.map((r) => r.key));
  const stale = [
    ...changedSources.map((r) => r.key).filter((k) => before.sources.has(k)),
    ...[...before.sources.keys()].filter((k) => !current.has(k)),
  ];
  for (let i = 0; i < stale.length; i += CHUNK)
    await sql`delete from supplier_source where key = any(${stale.slice(i, i + CHUNK)}::text[])`.execute(trx);
  for (let i = 0; i < changedSources.length; i += CHUNK)
    await insertSources(trx, changedSources.slice(i, i + CHUNK));

  // Suppliers no group kept: point them where most of their sources went (or nowhere), and re-point chains.
  const kept = new Set(ids);
  let retired = 0;
  for (const old of previousIds) {
    if (kept.has(old)) continue;
    const into = assigned.retired.get(old);
    const target = into === undefined || into === null ? null : (ids[into] ?? null);
    await trx
      .updateTable('supplier')
      .set({ merged_into: target, source_count: 0, row_hash: '' })
      .where('id', '=', old)
      .execute();
    if (target !== null)
      await trx.updateTable('supplier').set({ merged_into: target }).where('merged_into', '=', old).execute();
    retired++;
  }
  const unresolved = rows.filter((r) => r.identifiers.length === 0);
  const unresolvedIds = new Set(unresolved.map((r) => r.id));
  return {
    sources: sources.length,
    suppliers: groups.length,
    created: fresh.length,
    retired,
    matched: resolved.filter((r) => r.evidence !== null).length,
    unresolvedPayees: sourceRows.filter(
      (s) => s.kind === 'spend' && !s.placeholder && unresolvedIds.has(s.supplier_id),
    ).length,
    dormantOverrides: resolution.dormantOverrides.length,
    writtenSuppliers: changedSuppliers.length,
    writtenSources: changedSources.length,
  };
}
