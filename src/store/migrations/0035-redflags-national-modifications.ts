// Red flags across buyers and contract modifications (docs/red-flags.md, "National list" and modification-increase).
// 1. The stored flagged results carry what the national list filters on besides flag, severity and buyer: the
//    record's main CPV code, and the prefixes of its places of performance and of its buyer's region (a buyer-level
//    result: the buyer's region only), as the market analytics read a region. Filled here from what is stored; the
//    refresh writes them with each buyer's results.
// 2. contract_value_step: for each contract with modifications published (contracts[].amendments[]), the value
//    first agreed (the first release publishing the contract with a value, before any amendment) and each
//    amendment's value (ocds_uk_extension Amendment.value: "the total value of the amended contract"), with the
//    release, its date and notice type. Written after each projection (src/store/contract-change.repository.ts);
//    re-projecting a process drops its rows by cascade. The records already stored with amendments are queued for
//    compilation, so the next ingest or sync (or compilePending) writes their steps.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table red_flag_result
      add column cpv_main text,
      add column region_prefixes text[] not null default '{}';
    update red_flag_result r set
      cpv_main = (select p.cpv_main from process p where p.ocid = r.ocid),
      region_prefixes = array(
        select distinct left(code, n)
        from unnest(
               coalesce((select p.delivery_regions from process p where p.ocid = r.ocid), '{}')
               || array_remove(array[(select o.region_code from organisation o where o.id = r.buyer_id)], null)
             ) code,
             generate_series(2, length(code)) n
        where length(code) >= 2);

    -- A CPV or region filter fetches its few matches by these instead of walking red_flag_result_national.
    create index red_flag_result_cpv on red_flag_result (cpv_main text_pattern_ops);
    create index red_flag_result_region on red_flag_result using gin (region_prefixes);

    create table contract_value_step (
      ocid text not null references process (ocid) on delete cascade,
      contract_id text not null,
      step int not null,
      kind text not null check (kind in ('first', 'amendment')),
      release_id text not null,
      release_date timestamptz not null,
      notice_type text,
      amendment_id text,
      amendment_date timestamptz,
      value numeric,
      value_gross numeric,
      currency text,
      primary key (ocid, contract_id, step)
    );
    insert into compile_queue (ocid)
    select distinct ocid from contract where amendment_count > 0
    on conflict do nothing;
  `.execute(db);
}
