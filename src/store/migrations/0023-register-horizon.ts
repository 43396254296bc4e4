// Contract-register contracts on the horizon scan (issue 9, item 1; docs/horizon-scan.md, "Sources"): a
// horizon_entry row now comes either from an OCDS process (`ocid`, as before) or from a register_contract row
// (`register_contract_id`), named by `source`; a check keeps exactly one of the two set and each is unique. Rows go
// with what they summarise (cascades). The end-day indexes are rebuilt to cover the register id as well, so the scan
// stays index-only. Filled here for the registers already imported (store/horizon-entry.repository.ts writes them
// at import from now on; the SQL below is that function's, frozen).
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table horizon_entry drop constraint horizon_entry_pkey;
    alter table horizon_entry alter column ocid drop not null;
    alter table horizon_entry
      add column source text not null default 'ocds',
      add column register_contract_id bigint references register_contract (id) on delete cascade,
      add constraint horizon_entry_one_source check (
        (source = 'ocds' and ocid is not null and register_contract_id is null)
        or (source = 'register' and ocid is null and register_contract_id is not null));
    create unique index horizon_entry_ocid on horizon_entry (ocid);
    create unique index horizon_entry_register_contract on horizon_entry (register_contract_id);

    drop index horizon_entry_end;
    drop index horizon_entry_max_extent;
    create index horizon_entry_end on horizon_entry (end_day)
      include (max_extent_day, gbp_value, buyer_id, ocid, register_contract_id);
    create index horizon_entry_max_extent on horizon_entry (max_extent_day)
      include (end_day, gbp_value, buyer_id, ocid, register_contract_id) where max_extent_day is not null;

    insert into horizon_entry (source, register_contract_id, buyer_id, end_day, max_extent_day, gbp_value,
                               cpv_prefixes, region_prefixes, supplier_ids)
    select 'register', r.id, r.buyer_id, d.end_day,
      case when r.extension_months is not null
           then greatest(d.end_day, (r.end_date + make_interval(months => r.extension_months))::date) end,
      case when r.currency = 'GBP' then r.total_value end,
      case when r.category_scheme = 'cpv' then array(
        select distinct left(r.category_code, n) from generate_series(2, length(r.category_code)) n
        where length(r.category_code) >= 2) else '{}'::text[] end,
      array(select distinct left(o.region_code, n) from organisation o, generate_series(2, length(o.region_code)) n
            where o.id = r.buyer_id and length(o.region_code) >= 2),
      array_remove(array[r.supplier_organisation_id], null)
    from register_contract r
    cross join lateral (select coalesce(r.current_expiry, r.end_date) as end_day) d
    where d.end_day is not null;
    analyze horizon_entry;
  `.execute(db);
}
