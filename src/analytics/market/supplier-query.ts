// The supplier profile's queries (docs/market-analytics.md, "Supplier profile"): the active awards one supplier won
// in a period (the organisation and every one merged into it), one row per award with its buyer, main CPV and
// procedure; and the size of each market it is in (CPV prefixes of the main classification), measured as the market
// analytics measure it so that its share here equals its share on the market page. Every value is a bind parameter.
import { sql, type Kysely } from 'kysely';
import type { Day } from '../../domain/rules/index.js';
import type { Database } from '../../store/database.js';

type Db = Kysely<Database>;

export interface SupplierAwardRow {
  ocid: string;
  awardId: string;
  awardDay: Day;
  /** Award value incl. VAT where published, else net; exact decimal; null when not published. */
  value: string | null;
  currency: string | null;
  /** Suppliers on this award (its value is split equally among them, as in the market figures). */
  supplierCount: number;
  /** How many of them are this supplier (organisations merged into one each count, as in the market figures). */
  ownCount: number;
  buyerId: number | null;
  buyerName: string | null;
  cpvMain: string | null;
  procurementMethod: string | null;
  procurementMethodDetails: string | null;
  noticeTypes: string[];
  numberOfTenderers: number | null;
}

/** Options of the market and supplier queries. */
export interface SupplierQueryOptions {
  /** Benchmarks only: count synthetic (generated) processes too. Pages and the API never do. */
  includeSynthetic?: boolean;
}

const ukDay = sql`(a.award_date at time zone 'Europe/London')::date`;
const inPeriod = (
  from: Day,
  to: Day,
) => sql<boolean>`a.award_date >= (${from}::date::timestamp at time zone 'Europe/London')
  and a.award_date < ((${to}::date + 1)::timestamp at time zone 'Europe/London')`;
/** `not p.synthetic`, unless a benchmark asks for synthetic processes too. */
export const realOnly = (o: SupplierQueryOptions) =>
  o.includeSynthetic ? sql<boolean>`true` : sql<boolean>`not p.synthetic`;

/** Active awards dated in [from, to] naming the supplier (or an organisation merged into it), one row per award. */
export async function findSupplierAwards(
  db: Db,
  supplierId: number,
  from: Day,
  to: Day,
  options: SupplierQueryOptions = {},
): Promise<SupplierAwardRow[]> {
  const r = await sql<Record<string, unknown>>`
    select distinct on (a.ocid, a.award_id) a.ocid, a.award_id, ${ukDay}::text as award_day,
      coalesce(a.value_gross, a.value)::text as value, a.currency,
      (select count(*) from award_supplier x where x.ocid = a.ocid and x.award_id = a.award_id) as supplier_count,
      (select count(*) from award_supplier x join organisation o on o.id = x.organisation_id
       where x.ocid = a.ocid and x.award_id = a.award_id and (o.id = ${supplierId} or o.merged_into = ${supplierId}))
        as own_count,
      p.buyer_id, b.name as buyer_name, p.cpv_main, p.procurement_method, p.procurement_method_details,
      p.notice_types, p.number_of_tenderers
    from award_supplier s
    join award a on a.ocid = s.ocid and a.award_id = s.award_id
    join process p on p.ocid = a.ocid
    left join organisation b on b.id = p.buyer_id
    where s.organisation_id in (select o.id from organisation o where o.id = ${supplierId} or o.merged_into = ${supplierId})
      and a.status = 'active' and ${inPeriod(from, to)} and ${realOnly(options)}
    order by a.ocid, a.award_id`.execute(db);
  return r.rows.map((x) => ({
    ocid: String(x.ocid),
    awardId: String(x.award_id),
    awardDay: String(x.award_day),
    value: (x.value as string | null) ?? null,
    currency: (x.currency as string | null) ?? null,
    supplierCount: Number(x.supplier_count),
    ownCount: Number(x.own_count),
    buyerId: x.buyer_id === null ? null : Number(x.buyer_id),
    buyerName: (x.buyer_name as string | null) ?? null,
    cpvMain: (x.cpv_main as string | null) ?? null,
    procurementMethod: (x.procurement_method as string | null) ?? null,
    procurementMethodDetails: (x.procurement_method_details as string | null) ?? null,
    noticeTypes: (x.notice_types as string[] | null) ?? [],
    numberOfTenderers: x.number_of_tenderers === null ? null : Number(x.number_of_tenderers),
  }));
}

/**
 * The value in pounds that every supplier won in each market (CPV prefix, all of one length) in [from, to]: active
 * awards naming at least one supplier, as the market figures' supplier shares are of that value.
 */
export async function findMarketSizes(
  db: Db,
  prefixes: readonly string[],
  from: Day,
  to: Day,
  options: SupplierQueryOptions = {},
): Promise<Map<string, number>> {
  if (prefixes.length === 0) return new Map();
  const n = prefixes[0]!.length;
  // A LIKE per prefix, so that the CPV prefix index (migration 0011) serves each market.
  const anyPrefix = sql.join(
    prefixes.map((p) => sql`p.cpv_main like ${`${p}%`}`),
    sql` or `,
  );
  const r = await sql<{ prefix: string; value: string | null }>`
    select left(p.cpv_main, ${n}) as prefix, sum(coalesce(a.value_gross, a.value))::text as value
    from process p
    join award a on a.ocid = p.ocid
    where (${anyPrefix}) and ${realOnly(options)} and a.status = 'active' and ${inPeriod(from, to)}
      and a.currency = 'GBP'
      and exists (select 1 from award_supplier s where s.ocid = a.ocid and s.award_id = a.award_id)
    group by 1`.execute(db);
  return new Map(r.rows.map((x) => [x.prefix, Number(x.value ?? 0)]));
}
