// The market analytics' fact table (migration 0030): one narrow row per active award × supplier (or one row with no
// supplier), carrying what the market, buyer and supplier profiles read — the award's UK day, value and currency,
// how many suppliers share it, and the process's buyer, main CPV, procedure, bid count and places. Written in the
// projection's own transaction (saveProjections), so it always matches the contract model; a re-projected process
// loses its rows by cascade and gets new ones. Organisations (merges, scale, VCSE, regions) are joined when read,
// because they change after projection. Reading 70,000 of these rows costs what reading 70,000 wide process and
// award rows did not (docs/performance.md, "Market analytics").
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.js';

type Db = Kysely<Database> | Transaction<Database>;

/** Writes the fact rows of these processes' active awards. */
export async function writeMarketFacts(db: Db, ocids: readonly string[]): Promise<void> {
  if (ocids.length === 0) return;
  await sql`
    insert into market_fact (ocid, award_id, pair_no, organisation_id, supplier_count, award_day, value, currency,
      buyer_id, cpv_main, synthetic, procurement_method, procurement_method_details, notice_types,
      number_of_tenderers, delivery_regions)
    select a.ocid, a.award_id, coalesce(s.pair_no, 1), s.organisation_id,
      (select count(*) from award_supplier x where x.ocid = a.ocid and x.award_id = a.award_id),
      (a.award_date at time zone 'Europe/London')::date, coalesce(a.value_gross, a.value), a.currency,
      p.buyer_id, p.cpv_main, p.synthetic, p.procurement_method, p.procurement_method_details, p.notice_types,
      p.number_of_tenderers, p.delivery_regions
    from award a
    join process p on p.ocid = a.ocid
    left join (select x.ocid, x.award_id, x.organisation_id,
                 row_number() over (partition by x.ocid, x.award_id order by x.organisation_id) as pair_no
               from award_supplier x where x.ocid = any(${[...ocids]}::text[])) s
      on s.ocid = a.ocid and s.award_id = a.award_id
    where a.ocid = any(${[...ocids]}::text[]) and a.status = 'active'`.execute(db);
}

/** Replaces the fact rows of these processes (after a change to their buyer or suppliers, such as a merge). */
export async function rewriteMarketFacts(db: Db, ocids: readonly string[]): Promise<void> {
  if (ocids.length === 0) return;
  await sql`delete from market_fact where ocid = any(${[...ocids]}::text[])`.execute(db);
  await writeMarketFacts(db, ocids);
}
