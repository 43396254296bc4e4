// The place view's reads (docs/paid-money.md "Places"): the buyers in an ITL/NUTS region or of a local authority
// code, and their contract-register contracts live in a period. OCDS contracts of a region come from the market
// analytics' region slice; of a local authority, from its buyers' own awards.
import { sql, type Kysely } from 'kysely';
import type { Day } from '../../domain/rules/index.js';
import type { Database } from '../../store/database.js';

type Db = Kysely<Database>;

/** Buyers whose region code starts with the NUTS code and which bought something (spend, register or OCDS). */
export async function findPlaceBuyers(db: Db, region: string): Promise<number[]> {
  // The code is letters and digits (checked by the service): no LIKE wildcards in it.
  const r = await sql<{ id: string }>`
    select o.id from organisation o
    where o.merged_into is null and o.region_code like ${`${region}%`}
      and (exists (select 1 from spend_payment s where s.buyer_id = o.id)
        or exists (select 1 from register_contract c where c.buyer_id = o.id)
        or exists (select 1 from process p where p.buyer_id = o.id and not p.synthetic))
    order by o.id`.execute(db);
  return r.rows.map((x) => Number(x.id));
}

/** Organisations whose local authority code (migration 0041) is this one, merged ones left out. */
export async function findAuthorityBuyers(db: Db, laCode: string): Promise<number[]> {
  const r = await sql<{ id: string }>`
    select id from organisation where la_code = ${laCode} and merged_into is null order by id`.execute(db);
  return r.rows.map((x) => Number(x.id));
}

export interface RegisterTotals {
  contracts: number;
  /** Sum of total contract values (incl. extensions) in pounds, where given. */
  value: number;
  noValue: number;
  sme: { value: number; knownValue: number; unknownValue: number };
}

/** The buyers' register contracts live at some time in [from, to] (start on or before `to`, end on or after `from`;
 * a missing date does not exclude). */
export async function findRegisterTotals(
  db: Db,
  buyerIds: readonly number[],
  from: Day,
  to: Day,
): Promise<RegisterTotals> {
  const empty = { contracts: 0, value: 0, noValue: 0, sme: { value: 0, knownValue: 0, unknownValue: 0 } };
  if (buyerIds.length === 0) return empty;
  const r = await sql<Record<string, string | null>>`
    select count(*) as contracts, coalesce(sum(total_value), 0)::text as value,
      count(*) filter (where total_value is null) as no_value,
      coalesce(sum(total_value) filter (where sme), 0)::text as sme_value,
      coalesce(sum(total_value) filter (where sme is not null), 0)::text as known_value,
      coalesce(sum(total_value) filter (where sme is null), 0)::text as unknown_value
    from register_contract
    where buyer_id = any(${[...buyerIds]}::bigint[]) and currency = 'GBP'
      and (start_date is null or start_date <= ${to}::date)
      and (coalesce(current_expiry, end_date) is null or coalesce(current_expiry, end_date) >= ${from}::date)`.execute(
    db,
  );
  const x = r.rows[0];
  if (!x) return empty;
  return {
    contracts: Number(x.contracts),
    value: Number(x.value),
    noValue: Number(x.no_value),
    sme: {
      value: Number(x.sme_value),
      knownValue: Number(x.known_value),
      unknownValue: Number(x.unknown_value),
    },
  };
}
