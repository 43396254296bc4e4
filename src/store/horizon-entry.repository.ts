// The horizon scan's summary table (migration 0013): one narrow row per *let* contracting process with what the scan
// filters and orders on — its end and latest possible end as UK days, its value in pounds, and the prefixes of its
// CPV codes and regions and its suppliers as arrays a GIN index can search. Written in the projection's own
// transaction (saveProjections), so it always matches the contract model; a re-projected process loses its row by
// cascade and gets a new one. Reading 56,000 of these rows costs what reading 56,000 wide process rows with
// sub-queries per row did not (docs/horizon-scan.md, "Performance").
import { missionIdsOf } from './horizon-missions.repository.js';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.js';

type Db = Kysely<Database> | Transaction<Database>;

// A process is a let contract when a contract of it is active, or, where no contract is published, an award is
// active. Processes whose every published contract is terminated or cancelled have ended: they are left out.
export const LET_CONTRACT = sql`(exists (select 1 from contract c where c.ocid = p.ocid and c.status = 'active')
  or (not exists (select 1 from contract c where c.ocid = p.ocid)
      and exists (select 1 from award a where a.ocid = p.ocid and a.status = 'active')))`;

// The value that sets the lead-time band: what was contracted, else awarded, else estimated; incl. VAT where the
// publisher gave it (thresholds and estimates include VAT: domain.md §1), else net. Columns b.value_basis, v.value,
// v.currency, v.value_includes_vat.
export const PROCESS_VALUE = sql`cross join lateral (select
    case when p.contract_value_gross is not null or p.contract_value is not null then 'contract'
         when p.award_value_gross is not null or p.award_value is not null then 'award'
         when p.tender_value_gross is not null or p.tender_value is not null then 'tender' end as value_basis) b
  cross join lateral (select
    case b.value_basis when 'contract' then coalesce(p.contract_value_gross, p.contract_value)
                       when 'award' then coalesce(p.award_value_gross, p.award_value)
                       when 'tender' then coalesce(p.tender_value_gross, p.tender_value) end as value,
    case b.value_basis when 'contract' then p.contract_currency
                       when 'award' then p.award_currency
                       when 'tender' then p.tender_currency end as currency,
    case b.value_basis when 'contract' then p.contract_value_gross is not null
                       when 'award' then p.award_value_gross is not null
                       when 'tender' then p.tender_value_gross is not null end as value_includes_vat) v`;

/** Every prefix (from 2 characters) of every code in an array expression, without duplicates. */
const prefixes = (codes: ReturnType<typeof sql>) => sql`array(
  select distinct left(code, n) from unnest(${codes}) code, generate_series(2, length(code)) n
  where code is not null and length(code) >= 2)`;

/** Writes the horizon rows of these processes (only those let and with an end or latest possible end). */
export async function writeHorizonEntries(db: Db, ocids: readonly string[]): Promise<void> {
  if (ocids.length === 0) return;
  await sql`
    insert into horizon_entry (ocid, buyer_id, end_day, max_extent_day, gbp_value, cpv_prefixes, region_prefixes,
                               supplier_ids, mission_ids)
    select p.ocid, p.buyer_id,
      (p.contract_end at time zone 'Europe/London')::date,
      (p.contract_max_extent at time zone 'Europe/London')::date,
      case when v.currency = 'GBP' then v.value end,
      ${prefixes(sql`p.cpv_codes`)},
      ${prefixes(sql`p.delivery_regions || (select array_remove(array[o.region_code], null) from organisation o where o.id = p.buyer_id)`)},
      array(select distinct s.organisation_id from award a
            join award_supplier s on s.ocid = a.ocid and s.award_id = a.award_id
            where a.ocid = p.ocid and a.status = 'active'),
      ${missionIdsOf(sql`p.ocid`)}
    from process p ${PROCESS_VALUE}
    where p.ocid = any(${[...ocids]}::text[])
      and (p.contract_end is not null or p.contract_max_extent is not null)
      and ${LET_CONTRACT}`.execute(db);
}

/**
 * The register's dates as the scan counts them (docs/horizon-scan.md, "Sources"): the end is the current expiry as
 * published, else the end date; the latest possible end is the later of that and the end date plus the option to
 * extend (months), and not known when the register gives no extension months. Columns of register_contract `r`.
 */
export const REGISTER_END = sql`coalesce(r.current_expiry, r.end_date)`;
export const REGISTER_MAX_EXTENT = sql`case when r.extension_months is not null
  then greatest(${REGISTER_END}, (r.end_date + make_interval(months => r.extension_months))::date) end`;

/**
 * Writes the horizon rows of one register import's contracts (those with an end or current expiry), in the import's
 * transaction. A file is imported once (same content, same organisation: a duplicate adds nothing), and the rows go
 * with their register contracts by cascade.
 */
export async function writeRegisterHorizonEntries(db: Db, importRunId: number): Promise<void> {
  await sql`
    insert into horizon_entry (source, register_contract_id, buyer_id, end_day, max_extent_day, gbp_value,
                               cpv_prefixes, region_prefixes, supplier_ids)
    select 'register', r.id, r.buyer_id, ${REGISTER_END}, ${REGISTER_MAX_EXTENT},
      case when r.currency = 'GBP' then r.total_value end,
      case when r.category_scheme = 'cpv' then ${prefixes(sql`array[r.category_code]`)} else '{}'::text[] end,
      ${prefixes(sql`(select array_remove(array[o.region_code], null) from organisation o where o.id = r.buyer_id)`)},
      array_remove(array[r.supplier_organisation_id], null)
    from register_contract r
    where r.import_run_id = ${importRunId} and ${REGISTER_END} is not null`.execute(db);
}
