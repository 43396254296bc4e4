// What the paid-money figures read (docs/paid-money.md): a buyer's payments summed by day, payee and category,
// each payee led to its resolved supplier through the spend source's key (store/supplier-sources.repository.ts);
// what is known of those suppliers (SME, VCSE, region); the buyers' regions; and the buyers' contracts, OCDS and
// register, with their suppliers and periods for matching. Every value is a bind parameter.
import { sql, type Kysely } from 'kysely';
import { categoryCode, type CategoryScheme } from '../../domain/category-code.js';
import type { Day } from '../../domain/rules/index.js';
import type { Database } from '../../store/database.js';
import { localSourceKey } from '../../store/supplier-sources.repository.js';
import type { PaidRow, SupplierFacts } from './figures.js';
import type { MatchContract } from './matching.js';
import { postcodeRegions, regionOfPostcodes, type PostcodeRegions } from './postcode-region.js';

type Db = Kysely<Database>;

/** The suppliers of a set of source keys: key → supplier id. */
async function suppliersOfKeys(db: Db, keys: readonly string[]): Promise<Map<string, number>> {
  if (keys.length === 0) return new Map();
  const r = await sql<{ key: string; supplier_id: string }>`
    select key, supplier_id from supplier_source where key = any(${[...new Set(keys)]}::text[])`.execute(db);
  return new Map(r.rows.map((x) => [x.key, Number(x.supplier_id)]));
}

interface PaidGroup {
  buyer_id: string;
  day: string;
  normalised: string | null;
  local_id: string | null;
  company: string | null;
  charity: string | null;
  payee: string;
  expense_type: string | null;
  service_area: string | null;
  category: string | null;
  category_code: string | null;
  category_scheme: CategoryScheme | null;
  amount: string;
  credits: string;
  payments: string;
}

/** The buyers' payments in pounds dated in [from, to], summed by day, payee (as resolution groups it) and category. */
export async function findPaidRows(
  db: Db,
  buyerIds: readonly number[],
  from: Day,
  to: Day,
): Promise<PaidRow[]> {
  if (buyerIds.length === 0) return [];
  const r = await sql<PaidGroup>`
    select buyer_id, payment_date::text as day, coalesce(supplier_name_normalised, lower(supplier_name)) as normalised,
      supplier_id as local_id, supplier_company_number as company, supplier_charity_number as charity,
      min(supplier_name) as payee, expense_type, service_area, category, category_code, category_scheme,
      sum(amount)::text as amount, sum(least(amount, 0))::text as credits, count(*) as payments
    from spend_payment
    where buyer_id = any(${[...buyerIds]}::bigint[]) and payment_date between ${from}::date and ${to}::date
      and currency = 'GBP'
    group by 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12
    order by 2, 1, 3`.execute(db);
  const keyOf = (g: PaidGroup) => localSourceKey('spend', { ...g, postcode: null });
  const suppliers = await suppliersOfKeys(db, r.rows.map(keyOf));
  return r.rows.map((g) => ({
    buyerId: Number(g.buyer_id),
    day: g.day,
    amount: Number(g.amount),
    credits: Number(g.credits),
    payments: Number(g.payments),
    supplierId: suppliers.get(keyOf(g)) ?? null,
    payee: g.payee,
    expenseType: g.expense_type,
    serviceArea: g.service_area,
    category: g.category,
    categoryCode: categoryCode(g.category_scheme, g.category_code) ?? categoryCode('cpv', g.category),
  }));
}

/** One answer from several sources: the value when every known one agrees, else null (conflict = not known). */
const agreed = <T>(values: readonly (T | null)[]): T | null => {
  const known = [...new Set(values.filter((v): v is T => v !== null))];
  return known.length === 1 ? known[0]! : null;
};

interface VcseGroup {
  buyer_id: string;
  normalised: string | null;
  local_id: string | null;
  company: string | null;
  charity: string | null;
  flags: boolean[];
}

/** The publisher's VCSE flags on payments (Calderdale's column), by supplier: every flag stated for its payees. */
async function spendVcseFlags(db: Db, supplierIds: readonly number[]): Promise<Map<number, boolean[]>> {
  const r = await sql<VcseGroup>`
    select p.buyer_id, coalesce(p.supplier_name_normalised, lower(p.supplier_name)) as normalised,
      p.supplier_id as local_id, p.supplier_company_number as company, p.supplier_charity_number as charity,
      array_agg(distinct p.vcse) as flags
    from spend_payment p
    where p.vcse is not null and p.buyer_id in (
      select buyer_id from supplier_source where kind = 'spend' and supplier_id = any(${[...supplierIds]}::bigint[]))
    group by 1, 2, 3, 4, 5`.execute(db);
  const keyOf = (g: VcseGroup) => localSourceKey('spend', { ...g, postcode: null });
  const suppliers = await suppliersOfKeys(db, r.rows.map(keyOf));
  const out = new Map<number, boolean[]>();
  for (const g of r.rows) {
    const id = suppliers.get(keyOf(g));
    if (id !== undefined) out.set(id, [...(out.get(id) ?? []), ...g.flags]);
  }
  return out;
}

/**
 * What is known of each supplier: SME from its OCDS organisations' `scale`, else its register rows' SME flag; VCSE
 * from the OCDS `vcse` flag, else the VCSE flag its payments carry in spend files (Calderdale), else true when it has
 * a charity number; region from its OCDS organisations, else from its postcodes (postcode-region.ts). Sources that
 * disagree make the fact unknown.
 */
export async function findSupplierFacts(
  db: Db,
  supplierIds: readonly number[],
  level: 1 | 2 | 3,
  lookup?: PostcodeRegions,
): Promise<Map<number, SupplierFacts>> {
  const ids = [...new Set(supplierIds)];
  if (ids.length === 0) return new Map();
  const regions = lookup ?? (await postcodeRegions(db, level));
  const r = await sql<{
    id: string;
    name: string;
    identifiers: string[];
    postcodes: string[];
    scales: (string | null)[] | null;
    vcses: (boolean | null)[] | null;
    regions: (string | null)[] | null;
    register_sme: (boolean | null)[] | null;
  }>`
    select s.id, s.name, s.identifiers, s.postcodes,
      (select array_agg(o.scale) from supplier_source x join organisation o on o.id = x.organisation_id
        where x.supplier_id = s.id and x.kind = 'ocds') as scales,
      (select array_agg(o.vcse) from supplier_source x join organisation o on o.id = x.organisation_id
        where x.supplier_id = s.id and x.kind = 'ocds') as vcses,
      (select array_agg(left(o.region_code, ${2 + level})) from supplier_source x join organisation o on o.id = x.organisation_id
        where x.supplier_id = s.id and x.kind = 'ocds' and length(o.region_code) >= ${2 + level}) as regions,
      (select array_agg(rc.sme) from supplier_source x join register_contract rc
          on rc.buyer_id = x.buyer_id and rc.supplier_name_normalised is not distinct from x.normalised_name
         and rc.supplier_postcode is not distinct from x.postcode
        where x.supplier_id = s.id and x.kind = 'register') as register_sme
    from supplier s where s.id = any(${ids}::bigint[])`.execute(db);
  const spendVcse = await spendVcseFlags(db, ids);
  const out = new Map<number, SupplierFacts>();
  for (const s of r.rows) {
    const scale = agreed(s.scales ?? []);
    const vcse = agreed(s.vcses ?? []) ?? agreed(spendVcse.get(Number(s.id)) ?? []);
    out.set(Number(s.id), {
      id: Number(s.id),
      name: s.name,
      sme: scale !== null ? scale === 'sme' : agreed(s.register_sme ?? []),
      vcse: vcse ?? (s.identifiers.some((i) => i.startsWith('GB-CHC-')) ? true : null),
      region: agreed(s.regions ?? []) ?? regionOfPostcodes(regions, s.postcodes),
    });
  }
  return out;
}

/** Each buyer's name and region (NUTS): its own region code, else its postcode's region. */
export async function findBuyers(
  db: Db,
  buyerIds: readonly number[],
  level: 1 | 2 | 3,
  lookup?: PostcodeRegions,
): Promise<Map<number, { name: string; region: string | null }>> {
  if (buyerIds.length === 0) return new Map();
  const regions = lookup ?? (await postcodeRegions(db, level));
  const r = await sql<{
    id: string;
    name: string;
    region_code: string | null;
    normalised_postcode: string | null;
  }>`
    select id, name, region_code, normalised_postcode from organisation
    where id = any(${[...buyerIds]}::bigint[])`.execute(db);
  return new Map(
    r.rows.map((b) => [
      Number(b.id),
      {
        name: b.name,
        region:
          b.region_code !== null && b.region_code.length >= 2 + level
            ? b.region_code
            : regionOfPostcodes(regions, b.normalised_postcode ? [b.normalised_postcode] : []),
      },
    ]),
  );
}

interface RegisterGroup {
  id: string;
  buyer_id: string;
  title: string;
  normalised: string | null;
  postcode: string | null;
  company: string | null;
  charity: string | null;
  start: string | null;
  end: string | null;
  category_scheme: string | null;
  category_code: string | null;
}

/** The buyers' contracts with a supplier: active OCDS awards (contract period, else the award's, else the
 * process's) and contract-register rows (start; current expiry, else end), each with its resolved supplier. */
export async function findMatchContracts(db: Db, buyerIds: readonly number[]): Promise<MatchContract[]> {
  if (buyerIds.length === 0) return [];
  const ids = [...buyerIds];
  const ocds = await sql<{
    ocid: string;
    buyer_id: string;
    title: string | null;
    supplier_id: string;
    start: string | null;
    end: string | null;
    cpv: string | null;
  }>`
    select distinct on (a.ocid, a.award_id, x.supplier_id) a.ocid, p.buyer_id, coalesce(a.title, p.title) as title,
      x.supplier_id,
      (coalesce(c.period_start, a.contract_start, p.contract_start) at time zone 'Europe/London')::date::text as start,
      (coalesce(c.period_end, a.contract_end, p.contract_end) at time zone 'Europe/London')::date::text as end,
      p.cpv_main as cpv
    from process p
    join award a on a.ocid = p.ocid and a.status = 'active'
    join award_supplier s on s.ocid = a.ocid and s.award_id = a.award_id
    join organisation o on o.id = s.organisation_id
    join supplier_source x on x.kind = 'ocds' and x.organisation_id = coalesce(o.merged_into, o.id)
    left join contract c on c.ocid = a.ocid and c.award_id = a.award_id
    where p.buyer_id = any(${ids}::bigint[]) and not p.synthetic
    order by a.ocid, a.award_id, x.supplier_id, c.period_start nulls last`.execute(db);
  const register = await sql<RegisterGroup>`
    select id, buyer_id, title, supplier_name_normalised as normalised, supplier_postcode as postcode,
      supplier_company_number as company, supplier_charity_number as charity, start_date::text as start,
      coalesce(current_expiry, end_date)::text as end, category_scheme, category_code
    from register_contract where buyer_id = any(${ids}::bigint[]) and supplier_name is not null`.execute(db);
  const keyOf = (g: RegisterGroup) => localSourceKey('register', { ...g, local_id: null });
  const suppliers = await suppliersOfKeys(db, register.rows.map(keyOf));
  const out: MatchContract[] = ocds.rows.map((c) => ({
    source: 'ocds',
    id: c.ocid,
    title: c.title ?? c.ocid,
    buyerId: Number(c.buyer_id),
    supplierId: Number(c.supplier_id),
    start: c.start,
    end: c.end,
    category: categoryCode('cpv', c.cpv),
  }));
  for (const g of register.rows) {
    const supplierId = suppliers.get(keyOf(g));
    if (supplierId === undefined) continue;
    out.push({
      source: 'register',
      id: String(g.id),
      title: g.title,
      buyerId: Number(g.buyer_id),
      supplierId,
      start: g.start,
      end: g.end,
      category:
        g.category_scheme === 'proclass' || g.category_scheme === 'cpv'
          ? categoryCode(g.category_scheme, g.category_code)
          : null,
    });
  }
  return out;
}
