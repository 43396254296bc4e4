// Market analytics and red flags at a million contracts (docs/performance.md, bench/market.ts): a narrow fact row per active
// award × supplier (src/store/market-fact.repository.ts writes them with each projection), so a market, buyer or
// supplier slice is one index range scan of narrow rows instead of joins over the wide process and award tables.
// Organisations are joined when read (merges and supplier attributes change after projection). Filled here for
// what is already stored.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table market_fact (
      ocid text not null references process (ocid) on delete cascade,
      award_id text not null,
      pair_no int not null,
      organisation_id bigint,
      supplier_count int not null,
      award_day date,
      value numeric,
      currency text,
      buyer_id bigint,
      cpv_main text,
      synthetic boolean not null,
      procurement_method text,
      procurement_method_details text,
      notice_types text[],
      number_of_tenderers int,
      delivery_regions text[],
      primary key (ocid, award_id, pair_no)
    );

    insert into market_fact
    select a.ocid, a.award_id, coalesce(s.pair_no, 1), s.organisation_id,
      (select count(*) from award_supplier x where x.ocid = a.ocid and x.award_id = a.award_id),
      (a.award_date at time zone 'Europe/London')::date, coalesce(a.value_gross, a.value), a.currency,
      p.buyer_id, p.cpv_main, p.synthetic, p.procurement_method, p.procurement_method_details, p.notice_types,
      p.number_of_tenderers, p.delivery_regions
    from award a
    join process p on p.ocid = a.ocid
    left join (select x.ocid, x.award_id, x.organisation_id,
                 row_number() over (partition by x.ocid, x.award_id order by x.organisation_id) as pair_no
               from award_supplier x) s on s.ocid = a.ocid and s.award_id = a.award_id
    where a.status = 'active';

    create index market_fact_cpv on market_fact (cpv_main text_pattern_ops, award_day);
    create index market_fact_buyer on market_fact (buyer_id, award_day);
    create index market_fact_supplier on market_fact (organisation_id, award_day);
    analyze market_fact;
  `.execute(db);
  await upRedFlags(db);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
async function upRedFlags(db: Kysely<any>): Promise<void> {
  // Stored red flags (docs/red-flags.md, "Stored results"): per buyer, its summary and record count, and its flagged
  // results in page order; the buyers to recompute are queued by the projection (old and new buyer of each process)
  // and by organisation merges. Every buyer is queued here: the first refresh fills the tables.
  await sql`
    create table red_flag_buyer (
      buyer_id bigint primary key,
      records int not null,
      summary jsonb not null,
      refreshed_at timestamptz not null default now()
    );
    create table red_flag_result (
      buyer_id bigint not null references red_flag_buyer (buyer_id) on delete cascade,
      position int not null,
      ocid text,
      flag_id text not null,
      severity smallint not null,
      result jsonb not null,
      primary key (buyer_id, position)
    );
    create index red_flag_result_national on red_flag_result (severity, flag_id, buyer_id, position);
    create table red_flag_queue (id bigserial primary key, buyer_id bigint not null);
    create index red_flag_queue_buyer on red_flag_queue (buyer_id);
    insert into red_flag_queue (buyer_id) select distinct buyer_id from process where buyer_id is not null;
  `.execute(db);
}
