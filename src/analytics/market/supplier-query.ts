// The supplier profile's queries (docs/market-analytics.md, "Supplier profile"): the active awards one supplier won
// in a period (the organisation and every one merged into it), one row per award with its buyer, main CPV and
// procedure; and the size of each market it is in (CPV prefixes of the main classification), measured as the market
// analytics measure it so that its share here equals its share on the market page. Every value is a bind parameter.
import { sql, type Kysely } from 'kysely';
import type { Day } from '../../domain/rules/index.js';
import type { Database } from '../../store/database.js';
import {
  activeInPeriod,
  awardColumns,
  toAwardFields,
  type AwardFields,
  type SupplierQueryOptions,
} from './award-rows.js';

type Db = Kysely<Database>;

export interface SupplierAwardRow extends AwardFields {
  /** How many of them are this supplier (organisations merged into one each count, as in the market figures). */
  ownCount: number;
  buyerName: string | null;
  cpvMain: string | null;
}

/** Active awards dated in [from, to] naming the supplier (or an organisation merged into it), one row per award. */
export async function findSupplierAwards(
  db: Db,
  supplierId: number,
  from: Day,
  to: Day,
  options: SupplierQueryOptions = {},
): Promise<SupplierAwardRow[]> {
  const r = await sql<Record<string, unknown>>`
    select distinct on (f.ocid, f.award_id) ${awardColumns},
      count(*) over (partition by f.ocid, f.award_id) as own_count,
      b.name as buyer_name, f.cpv_main
    from market_fact f
    left join organisation b on b.id = f.buyer_id
    where f.organisation_id in (select o.id from organisation o where o.id = ${supplierId} or o.merged_into = ${supplierId})
      and ${activeInPeriod(from, to, options)}
    order by f.ocid, f.award_id`.execute(db);
  return r.rows.map((x) => ({
    ...toAwardFields(x),
    ownCount: Number(x.own_count),
    buyerName: (x.buyer_name as string | null) ?? null,
    cpvMain: (x.cpv_main as string | null) ?? null,
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
  // A LIKE per prefix, so that the fact table's CPV index (migration 0030) serves each market.
  const anyPrefix = sql.join(
    prefixes.map((p) => sql`f.cpv_main like ${`${p}%`}`),
    sql` or `,
  );
  const r = await sql<{ prefix: string; value: string | null }>`
    select left(f.cpv_main, ${n}) as prefix, sum(f.value)::text as value
    from market_fact f
    where (${anyPrefix}) and ${activeInPeriod(from, to, options)}
      and f.pair_no = 1 and f.currency = 'GBP' and f.supplier_count > 0
    group by 1`.execute(db);
  return new Map(r.rows.map((x) => [x.prefix, Number(x.value ?? 0)]));
}
