// The market analytics' query over the contract model (docs/market-analytics.md): one row per active award ×
// supplier in a market slice (a buyer, a CPV prefix of the main classification, or a region) with its award day,
// value, currency and what the supplier, buyer and procedure published. The pure functions in metrics.ts compute
// every figure from these rows. Every value is a bind parameter.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Day } from '../../domain/rules/index.js';
import type { Database } from '../../store/database.js';
import { realOnly, type SupplierQueryOptions } from './supplier-query.js';

type Db = Kysely<Database>;

export type MarketScope =
  /** A buyer's awards; with cpvPrefix, only its awards in that CPV market (buyer × CPV). */
  | { kind: 'buyer'; buyerId: number; cpvPrefix?: string }
  /** Leading digits of the main CPV code (division 2, group 3, class 4…): each process is in one market. */
  | { kind: 'cpv'; cpvPrefix: string }
  /** NUTS form of an ITL/NUTS code prefix: the buyer's region or a delivery region starts with it; with cpvPrefix,
   * only that CPV market in the region (region × CPV). */
  | { kind: 'region'; region: string; cpvPrefix?: string };

export interface MarketRow {
  ocid: string;
  awardId: string;
  /** The award date as a UK day. */
  awardDay: Day;
  /** Award value incl. VAT where published, else net; exact decimal; null when not published. */
  value: string | null;
  currency: string | null;
  /** Suppliers on this award (its value is split equally among them); 0 when none is published. */
  supplierCount: number;
  supplierId: number | null;
  supplierName: string | null;
  scale: 'sme' | 'large' | null;
  vcse: boolean | null;
  /** NUTS code of the supplier's address region, as resolved on the organisation. */
  supplierRegion: string | null;
  buyerId: number | null;
  buyerRegion: string | null;
  deliveryRegions: string[];
  procurementMethod: string | null;
  procurementMethodDetails: string | null;
  noticeTypes: string[];
  numberOfTenderers: number | null;
}

function scopeCondition(scope: MarketScope): RawBuilder<boolean> {
  if (scope.kind !== 'cpv' && scope.cpvPrefix !== undefined)
    return sql<boolean>`${sliceCondition(scope)} and ${sliceCondition({ kind: 'cpv', cpvPrefix: scope.cpvPrefix })}`;
  return sliceCondition(scope);
}

function sliceCondition(scope: MarketScope): RawBuilder<boolean> {
  switch (scope.kind) {
    case 'buyer':
      return sql<boolean>`p.buyer_id = ${scope.buyerId}`;
    // Prefixes are digits (CPV) or letters and digits (NUTS), checked by the service: no LIKE wildcards in them.
    case 'cpv':
      return sql<boolean>`p.cpv_main like ${`${scope.cpvPrefix}%`}`;
    case 'region': {
      const like = `${scope.region}%`;
      return sql<boolean>`(exists (select 1 from unnest(p.delivery_regions) as r where r like ${like})
        or exists (select 1 from organisation b where b.id = p.buyer_id and b.region_code like ${like}))`;
    }
  }
}

const ukDay = sql`(a.award_date at time zone 'Europe/London')::date`;

/** Active awards of the slice dated in [from, to] (UK days), one row per supplier (or one with no supplier). */
export async function findMarketRows(
  db: Db,
  scope: MarketScope,
  from: Day,
  to: Day,
  options: SupplierQueryOptions = {},
): Promise<MarketRow[]> {
  const r = await sql<Record<string, unknown>>`
    select a.ocid, a.award_id, ${ukDay}::text as award_day,
      coalesce(a.value_gross, a.value)::text as value, a.currency,
      (select count(*) from award_supplier x where x.ocid = a.ocid and x.award_id = a.award_id) as supplier_count,
      o.id as supplier_id, o.name as supplier_name, o.scale, o.vcse, o.region_code as supplier_region,
      p.buyer_id, b.region_code as buyer_region, p.delivery_regions, p.procurement_method,
      p.procurement_method_details, p.notice_types, p.number_of_tenderers
    from process p
    join award a on a.ocid = p.ocid
    left join award_supplier s on s.ocid = a.ocid and s.award_id = a.award_id
    left join organisation o0 on o0.id = s.organisation_id
    left join organisation o on o.id = coalesce(o0.merged_into, o0.id)
    left join organisation b on b.id = p.buyer_id
    where ${scopeCondition(scope)} and ${realOnly(options)} and a.status = 'active'
      and a.award_date >= (${from}::date::timestamp at time zone 'Europe/London')
      and a.award_date < ((${to}::date + 1)::timestamp at time zone 'Europe/London')
    order by a.ocid, a.award_id, o.id`.execute(db);
  return r.rows.map((x) => ({
    ocid: String(x.ocid),
    awardId: String(x.award_id),
    awardDay: String(x.award_day),
    value: (x.value as string | null) ?? null,
    currency: (x.currency as string | null) ?? null,
    supplierCount: Number(x.supplier_count),
    supplierId: x.supplier_id === null ? null : Number(x.supplier_id),
    supplierName: (x.supplier_name as string | null) ?? null,
    scale: (x.scale as 'sme' | 'large' | null) ?? null,
    vcse: (x.vcse as boolean | null) ?? null,
    supplierRegion: (x.supplier_region as string | null) ?? null,
    buyerId: x.buyer_id === null ? null : Number(x.buyer_id),
    buyerRegion: (x.buyer_region as string | null) ?? null,
    deliveryRegions: (x.delivery_regions as string[] | null) ?? [],
    procurementMethod: (x.procurement_method as string | null) ?? null,
    procurementMethodDetails: (x.procurement_method_details as string | null) ?? null,
    noticeTypes: (x.notice_types as string[] | null) ?? [],
    numberOfTenderers: x.number_of_tenderers === null ? null : Number(x.number_of_tenderers),
  }));
}

/** Active awards of the slice with no award date: outside every period, counted so that nothing is lost silently. */
export async function countUndatedAwards(
  db: Db,
  scope: MarketScope,
  options: SupplierQueryOptions = {},
): Promise<number> {
  const r = await sql<{ n: string }>`
    select count(*) as n from process p join award a on a.ocid = p.ocid
    where ${scopeCondition(scope)} and ${realOnly(options)} and a.status = 'active' and a.award_date is null`.execute(
    db,
  );
  return Number(r.rows[0]?.n ?? 0);
}
