// The market analytics' query over the fact table market_fact (migration 0030, written with the contract model;
// docs/market-analytics.md): one row per active award × supplier in a market slice (a buyer, a CPV prefix of the main classification, or a region) with its award day,
// value, currency and what the supplier, buyer and procedure published. The pure functions in metrics.ts compute
// every figure from these rows. Every value is a bind parameter.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Day } from '../../domain/rules/index.js';
import type { Database } from '../../store/database.js';
import {
  activeInPeriod,
  awardColumns,
  realOnly,
  toAwardFields,
  type AwardFields,
  type SupplierQueryOptions,
} from './award-rows.js';

type Db = Kysely<Database>;

export type MarketScope =
  /** A buyer's awards; with cpvPrefix, only its awards in that CPV market (buyer × CPV). */
  | { kind: 'buyer'; buyerId: number; cpvPrefix?: string }
  /** Leading digits of the main CPV code (division 2, group 3, class 4…): each process is in one market. */
  | { kind: 'cpv'; cpvPrefix: string }
  /** NUTS form of an ITL/NUTS code prefix: the buyer's region or a delivery region starts with it; with cpvPrefix,
   * only that CPV market in the region (region × CPV). */
  | { kind: 'region'; region: string; cpvPrefix?: string };

export interface MarketRow extends AwardFields {
  supplierId: number | null;
  supplierName: string | null;
  scale: 'sme' | 'large' | null;
  vcse: boolean | null;
  /** NUTS code of the supplier's address region, as resolved on the organisation. */
  supplierRegion: string | null;
  buyerRegion: string | null;
  deliveryRegions: string[];
}

function scopeCondition(scope: MarketScope): RawBuilder<boolean> {
  if (scope.kind !== 'cpv' && scope.cpvPrefix !== undefined)
    return sql<boolean>`${sliceCondition(scope)} and ${sliceCondition({ kind: 'cpv', cpvPrefix: scope.cpvPrefix })}`;
  return sliceCondition(scope);
}

function sliceCondition(scope: MarketScope): RawBuilder<boolean> {
  switch (scope.kind) {
    case 'buyer':
      return sql<boolean>`f.buyer_id = ${scope.buyerId}`;
    // Prefixes are digits (CPV) or letters and digits (NUTS), checked by the service: no LIKE wildcards in them.
    case 'cpv':
      return sql<boolean>`f.cpv_main like ${`${scope.cpvPrefix}%`}`;
    case 'region': {
      const like = `${scope.region}%`;
      return sql<boolean>`(exists (select 1 from unnest(f.delivery_regions) as r where r like ${like})
        or exists (select 1 from organisation b where b.id = f.buyer_id and b.region_code like ${like}))`;
    }
  }
}

/** Active awards of the slice dated in [from, to] (UK days), one row per supplier (or one with no supplier). */
export async function findMarketRows(
  db: Db,
  scope: MarketScope,
  from: Day,
  to: Day,
  options: SupplierQueryOptions = {},
): Promise<MarketRow[]> {
  const r = await sql<Record<string, unknown>>`
    select ${awardColumns},
      o.id as supplier_id, o.name as supplier_name, o.scale, o.vcse, o.region_code as supplier_region,
      b.region_code as buyer_region, f.delivery_regions
    from market_fact f
    left join organisation o0 on o0.id = f.organisation_id
    left join organisation o on o.id = coalesce(o0.merged_into, o0.id)
    left join organisation b on b.id = f.buyer_id
    where ${scopeCondition(scope)} and ${activeInPeriod(from, to, options)}
    order by f.ocid, f.award_id, o.id`.execute(db);
  return r.rows.map((x) => ({
    ...toAwardFields(x),
    supplierId: x.supplier_id === null ? null : Number(x.supplier_id),
    supplierName: (x.supplier_name as string | null) ?? null,
    scale: (x.scale as 'sme' | 'large' | null) ?? null,
    vcse: (x.vcse as boolean | null) ?? null,
    supplierRegion: (x.supplier_region as string | null) ?? null,
    buyerRegion: (x.buyer_region as string | null) ?? null,
    deliveryRegions: (x.delivery_regions as string[] | null) ?? [],
  }));
}

/** Active awards of the slice with no award date: outside every period, counted so that nothing is lost silently. */
export async function countUndatedAwards(
  db: Db,
  scope: MarketScope,
  options: SupplierQueryOptions = {},
): Promise<number> {
  const r = await sql<{ n: string }>`
    select count(*) as n from market_fact f
    where ${scopeCondition(scope)} and ${realOnly(options)} and f.pair_no = 1 and f.award_day is null`.execute(
    db,
  );
  return Number(r.rows[0]?.n ?? 0);
}
