// What supplier resolution reads (docs/suppliers.md "Sources"): OCDS organisations that were a supplier or tenderer,
// register suppliers (one per buyer, name, postcode and numbers), suppliers of notice-export awards not also stored
// as OCDS (one per buyer and name) and spend payees (one per buyer, matching name, the buyer's supplier id and
// numbers), each with a stable key, plus the admins' overrides. Four grouped queries.
import { createHash } from 'node:crypto';
import { sql, type Kysely, type Selectable } from 'kysely';
import { normaliseIdentifier, parseOrgId, type OrgIdentifier } from '../domain/org-id.js';
import { supplierNameKeys } from '../domain/supplier-name.js';
import type { SupplierOverride, SupplierSource } from '../domain/supplier-resolution.js';
import type { Database } from './database.js';
import { CF_RELEASE_ID } from './notice.repository.js';
import type { SupplierOverrideTable } from './supplier.types.js';

export interface LoadedSource extends SupplierSource {
  organisationId: number | null;
  /** Up to 5 spellings of the name as published. */
  names: string[];
  /** Awards (OCDS), register rows, notices (exports) or payments. */
  rows: number;
  /** Paid total (spend), total contract value (register) or awarded value (notices), exact decimal text; null for OCDS. */
  amount: string | null;
  /** The supplier this key belonged to after the last run, or null. */
  previousSupplierId: number | null;
}

/** The kinds of source read from local files. */
type LocalKind = 'register' | 'spend' | 'notice';

/** Stable key of a register supplier, notice supplier or spend payee: its kind and a hash of the values that define it. */
export function sourceKey(kind: LocalKind, parts: readonly (string | number | null)[]): string {
  return `${kind}:${createHash('sha1').update(JSON.stringify(parts)).digest('hex').slice(0, 20)}`;
}

const companyIds = (company: string | null, charity: string | null): OrgIdentifier[] => {
  const out: OrgIdentifier[] = [];
  const coh = company ? normaliseIdentifier('GB-COH', company) : null;
  if (coh) out.push(coh);
  // Stored as identifier keys by the importers (`GB-CHC-1165823`).
  const chc = parseOrgId(charity);
  if (chc) out.push(chc);
  return out;
};

function source(
  base: Omit<LoadedSource, 'normalisedName' | 'tradingName' | 'previousSupplierId'> & {
    normalisedName: string | null;
  },
  previous: ReadonlyMap<string, number>,
): LoadedSource {
  const keys = supplierNameKeys(base.name);
  return {
    ...base,
    normalisedName: base.normalisedName ?? keys.legal,
    tradingName: keys.trading,
    previousSupplierId: previous.get(base.key) ?? null,
  };
}

/** A register supplier or spend payee as grouped from a buyer's rows (the column its kind does not have is null). */
interface LocalRow {
  buyer_id: string;
  normalised: string | null;
  postcode: string | null;
  local_id: string | null;
  company: string | null;
  charity: string | null;
  /** Spend: the spelling used most often; register: null (the first of `names`). */
  name: string | null;
  names: string[];
  rows: string;
  amount: string | null;
}

/** The defining values of a register supplier or spend payee, as grouped from the buyer's rows. */
export type LocalKeyRow = Pick<
  LocalRow,
  'buyer_id' | 'normalised' | 'postcode' | 'local_id' | 'company' | 'charity'
>;

/**
 * The key of the register supplier (buyer, name, postcode, numbers) or spend payee (buyer, name, local id, numbers)
 * that a row belongs to. The buyer id is hashed as a number (the pool reads bigints as numbers, store/db.ts), so
 * keys are the same whichever way a caller got it. The paid-money analytics use it to reach a payment's supplier.
 */
export function localSourceKey(kind: LocalKind, r: LocalKeyRow): string {
  const defining = kind === 'spend' ? r.local_id : r.postcode;
  return sourceKey(kind, [Number(r.buyer_id), r.normalised, defining, r.company, r.charity]);
}

/** A register supplier (buyer, name, postcode, numbers) or a spend payee (buyer, name, local id, numbers). */
function localSource(kind: LocalKind, r: LocalRow, previous: ReadonlyMap<string, number>): LoadedSource {
  return source(
    {
      key: localSourceKey(kind, r),
      kind,
      buyerId: Number(r.buyer_id),
      organisationId: null,
      name: r.name ?? r.names[0] ?? '',
      names: r.names,
      normalisedName: r.normalised,
      postcode: r.postcode,
      identifiers: companyIds(r.company, r.charity),
      localId: r.local_id,
      rows: Number(r.rows),
      amount: r.amount,
    },
    previous,
  );
}

export async function loadSupplierSources(db: Kysely<Database>): Promise<LoadedSource[]> {
  const previous = new Map(
    (await db.selectFrom('supplier_source').select(['key', 'supplier_id']).execute()).map((r) => [
      r.key,
      Number(r.supplier_id),
    ]),
  );
  const out: LoadedSource[] = [];

  const orgs = await sql<{
    id: string;
    entity_key: string;
    name: string;
    normalised_name: string;
    normalised_postcode: string | null;
    identifiers: { scheme: string; id: string }[] | null;
    awards: string;
  }>`
    select o.id, o.entity_key, o.name, o.normalised_name, o.normalised_postcode,
      (select json_agg(json_build_object('scheme', i.scheme, 'id', i.identifier))
         from organisation_identifier i where i.organisation_id = o.id) as identifiers,
      (select count(*) from award_supplier s where s.organisation_id = o.id) as awards
    from organisation o
    where o.merged_into is null
      and (exists (select 1 from party p where p.organisation_id = o.id and p.roles && array['supplier', 'tenderer'])
           or exists (select 1 from award_supplier s where s.organisation_id = o.id))
    order by o.id`.execute(db);
  for (const o of orgs.rows) {
    out.push(
      source(
        {
          key: `ocds:${o.entity_key}`,
          kind: 'ocds',
          buyerId: null,
          organisationId: Number(o.id),
          name: o.name,
          names: [o.name],
          normalisedName: o.normalised_name || null,
          postcode: o.normalised_postcode,
          identifiers: (o.identifiers ?? []).map((i) => ({ scheme: i.scheme, id: i.id })),
          localId: null,
          rows: Number(o.awards),
          amount: null,
        },
        previous,
      ),
    );
  }

  const register = await sql<LocalRow>`
    select buyer_id, supplier_name_normalised as normalised, supplier_postcode as postcode, null::text as local_id,
      supplier_company_number as company, supplier_charity_number as charity, null::text as name,
      (array_agg(distinct supplier_name order by supplier_name))[1:5] as names, count(*) as rows,
      sum(total_value) as amount
    from register_contract where supplier_name is not null
    group by 1, 2, 3, 5, 6 order by 1, 2, 3, 5, 6`.execute(db);
  for (const r of register.rows) out.push(localSource('register', r, previous));

  // Suppliers of a buyer's notices from exports, one per buyer and matching name, unless the notice is also stored
  // as a Contracts Finder OCDS release: OCDS wins (its parties are sources already; docs/local-data.md).
  const notices = await sql<LocalRow>`
    select n.buyer_id, n.supplier_name_normalised as normalised, null::text as postcode, null::text as local_id,
      null::text as company, null::text as charity, null::text as name,
      (array_agg(distinct n.supplier_name order by n.supplier_name))[1:5] as names, count(*) as rows,
      sum(n.awarded_value) as amount
    from notice_contract n
    where n.supplier_name is not null and n.supplier_name_normalised is not null
      and not exists (select 1 from release r where left(r.release_id, 36) = n.notice_id
                      and r.release_id ~ ${sql.lit(CF_RELEASE_ID)})
    group by 1, 2 order by 1, 2`.execute(db);
  for (const r of notices.rows) out.push(localSource('notice', r, previous));

  // One payee per buyer, matching name, the buyer's supplier id and numbers; its display name is the spelling used
  // most often.
  const spend = await sql<LocalRow>`
    select buyer_id, coalesce(supplier_name_normalised, lower(supplier_name)) as normalised, null::text as postcode,
      supplier_id as local_id, supplier_company_number as company, supplier_charity_number as charity,
      mode() within group (order by supplier_name) as name,
      (array_agg(distinct supplier_name))[1:5] as names, count(*) as rows, sum(amount) as amount
    from spend_payment
    group by 1, 2, 4, 5, 6 order by 1, 2, 4, 5, 6`.execute(db);
  for (const r of spend.rows) out.push(localSource('spend', r, previous));
  return out;
}

export async function loadSupplierOverrides(db: Kysely<Database>): Promise<SupplierOverride[]> {
  const rows = await db
    .selectFrom('supplier_override')
    .select(['id', 'kind', 'source_key', 'other_key'])
    .orderBy('id')
    .execute();
  return rows.map(toOverride);
}

/** An override as resolution reads it, from its supplier_override row. */
export const toOverride = (
  r: Pick<Selectable<SupplierOverrideTable>, 'id' | 'kind' | 'source_key' | 'other_key'>,
): SupplierOverride => ({
  id: Number(r.id),
  kind: r.kind,
  sourceKey: r.source_key,
  otherKey: r.other_key,
});

/** Changes whenever an import, an ingest or an override changes what resolution reads. */
export async function supplierFingerprint(db: Kysely<Database>): Promise<string> {
  const r = await sql<{ f: string }>`
    select concat_ws('/',
      (select count(*) || ':' || coalesce(max(id), 0) from import_run),
      (select count(*) || ':' || coalesce(max(id), 0) from organisation where merged_into is null),
      (select count(*) from award_supplier),
      (select count(*) || ':' || coalesce(max(id), 0) from supplier_override)) as f`.execute(db);
  return r.rows[0]?.f ?? '';
}
