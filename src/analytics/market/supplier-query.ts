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
    select distinct on (a.ocid, a.award_id) ${awardColumns},
      (select count(*) from award_supplier x join organisation o on o.id = x.organisation_id
       where x.ocid = a.ocid and x.award_id = a.award_id and (o.id = ${supplierId} or o.merged_into = ${supplierId}))
        as own_count,
      b.name as buyer_name, p.cpv_main
    from award_supplier s
    join award a on a.ocid = s.ocid and a.award_id = s.award_id
    join process p on p.ocid = a.ocid
    left join organisation b on b.id = p.buyer_id
    where s.organisation_id in (select o.id from organisation o where o.id = ${supplierId} or o.merged_into = ${supplierId})
      and ${activeInPeriod(from, to, options)}
    order by a.ocid, a.award_id`.execute(db);
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
  // A LIKE per prefix, so that the CPV prefix index (migration 0011) serves each market.
  const anyPrefix = sql.join(
    prefixes.map((p) => sql`p.cpv_main like ${`${p}%`}`),
    sql` or `,
  );
  const r = await sql<{ prefix: string; value: string | null }>`
    select left(p.cpv_main, ${n}) as prefix, sum(coalesce(a.value_gross, a.value))::text as value
    from process p
    join award a on a.ocid = p.ocid
    where (${anyPrefix}) and ${activeInPeriod(from, to, options)}
      and a.currency = 'GBP'
      and exists (select 1 from award_supplier s where s.ocid = a.ocid and s.award_id = a.award_id)
    group by 1`.execute(db);
  return new Map(r.rows.map((x) => [x.prefix, Number(x.value ?? 0)]));
}
