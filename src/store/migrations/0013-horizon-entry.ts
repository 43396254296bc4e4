// The horizon scan at a million contracts (bench/horizon.ts): a narrow summary row per let contracting process
// (src/store/horizon-entry.repository.ts writes it with each projection), indexed on its end days and searchable by
// CPV and region prefix and by supplier; the end-day indexes cover what the national scan reads (index-only scans
// once vacuumed). Filled here for what is already stored.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table horizon_entry (
      ocid text primary key references process (ocid) on delete cascade,
      buyer_id bigint,
      end_day date,
      max_extent_day date,
      gbp_value numeric,
      cpv_prefixes text[] not null,
      region_prefixes text[] not null,
      supplier_ids bigint[] not null
    );

    insert into horizon_entry
    select p.ocid, p.buyer_id,
      (p.contract_end at time zone 'Europe/London')::date,
      (p.contract_max_extent at time zone 'Europe/London')::date,
      case when (case when p.contract_value_gross is not null or p.contract_value is not null then p.contract_currency
                      when p.award_value_gross is not null or p.award_value is not null then p.award_currency
                      else p.tender_currency end) = 'GBP'
           then coalesce(p.contract_value_gross, p.contract_value, p.award_value_gross, p.award_value,
                         p.tender_value_gross, p.tender_value) end,
      array(select distinct left(code, n) from unnest(p.cpv_codes) code, generate_series(2, length(code)) n
            where code is not null and length(code) >= 2),
      array(select distinct left(code, n)
            from unnest(p.delivery_regions || (select array_remove(array[o.region_code], null)
                                               from organisation o where o.id = p.buyer_id)) code,
                 generate_series(2, length(code)) n
            where code is not null and length(code) >= 2),
      array(select distinct s.organisation_id from award a
            join award_supplier s on s.ocid = a.ocid and s.award_id = a.award_id
            where a.ocid = p.ocid and a.status = 'active')
    from process p
    where (p.contract_end is not null or p.contract_max_extent is not null)
      and (exists (select 1 from contract c where c.ocid = p.ocid and c.status = 'active')
           or (not exists (select 1 from contract c where c.ocid = p.ocid)
               and exists (select 1 from award a where a.ocid = p.ocid and a.status = 'active')));

    create index horizon_entry_end on horizon_entry (end_day) include (max_extent_day, gbp_value, buyer_id, ocid);
    create index horizon_entry_max_extent on horizon_entry (max_extent_day) include (end_day, gbp_value, buyer_id, ocid)
      where max_extent_day is not null;
    create index horizon_entry_buyer on horizon_entry (buyer_id, end_day);
    create index horizon_entry_cpv on horizon_entry using gin (cpv_prefixes);
    create index horizon_entry_region on horizon_entry using gin (region_prefixes);
    create index horizon_entry_supplier on horizon_entry using gin (supplier_ids);
    analyze horizon_entry;
  `.execute(db);
}
