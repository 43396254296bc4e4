// The market analytics' summary (docs/market-analytics.md, "Summary table"; issue 6: p95 ≤ 50 ms at 1M contracts):
// the market facts (migration 0030) added up per financial year — per supplier (`market_summary_supplier`), per
// award (`market_summary_award`) and per process pattern (`market_summary_process`) — at two levels: `buyer` cells
// (buyer × CPV class × the set of regions its processes name) for buyer and region profiles, and `cpv` cells (a CPV
// division, group or class, all buyers) for market profiles. Rebuilt by src/store/market-summary.repository.ts
// after ingest and sync. Statement triggers count every change to the market facts and the organisations
// (`market_fact_version`), so that a summary older than the data is never read: the profiles then use the facts.
// Filled here by today's refresh when there are facts to add up (an empty database has none; the first refresh
// after its ingest fills it). This calls application code, unlike earlier migrations: a later change to these tables
// must come with a migration that refreshes again, and must keep this refresh runnable on the schema it sees.
import { sql, type Kysely } from 'kysely';
import { refreshMarketSummary } from '../market-summary.repository.js';
import type { Database } from '../database.js';

/** Key columns shared by the three summary tables. */
const KEY = `
  level text not null check (level in ('buyer', 'cpv')),
  synthetic boolean not null,
  buyer_id bigint,
  cpv text,
  regions text[]`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `
    create table market_summary_supplier (${KEY},
      fy int not null,
      late_day date,
      supplier_id bigint not null,
      supplier_name text not null,
      scale text,
      vcse boolean,
      units numeric not null,
      pairs int not null,
      local_yes_units numeric not null,
      local_yes_pairs int not null,
      local_unknown_units numeric not null,
      local_unknown_pairs int not null
    );
    create table market_summary_award (${KEY},
      fy int,
      late_day date,
      awards int not null,
      gbp_units numeric not null,
      other_currency int not null,
      no_value int not null,
      no_supplier int not null,
      direct_yes int not null,
      direct_yes_units numeric not null,
      direct_unknown int not null,
      supplied_awards int not null,
      supplied_value numeric not null
    );
    create table market_summary_process (${KEY},
      years int[] not null,
      late date[] not null,
      competitive boolean not null,
      tenderers smallint,
      processes int not null
    );
    create index market_summary_supplier_cpv on market_summary_supplier (cpv, fy) where level = 'cpv';
    create index market_summary_supplier_buyer on market_summary_supplier (buyer_id, fy) where level = 'buyer';
    create index market_summary_award_cpv on market_summary_award (cpv, fy) where level = 'cpv';
    create index market_summary_award_buyer on market_summary_award (buyer_id, fy) where level = 'buyer';
    create index market_summary_process_cpv on market_summary_process (cpv) where level = 'cpv';
    create index market_summary_process_buyer on market_summary_process (buyer_id) where level = 'buyer';

    create table market_summary_state (
      id int primary key check (id = 1),
      fact_version bigint not null,
      refresh_day date not null,
      local_itl_level int not null,
      refreshed_at timestamptz not null,
      seconds numeric not null,
      cells int not null
    );
    create table market_fact_version (id int primary key check (id = 1), version bigint not null);
    insert into market_fact_version values (1, 0);
    create function market_fact_version_bump() returns trigger language plpgsql as $$
      begin
        update market_fact_version set version = version + 1 where id = 1;
        return null;
      end $$;
    create trigger market_fact_version_bump after insert or update or delete or truncate on market_fact
      for each statement execute function market_fact_version_bump();
    create trigger market_fact_version_bump after insert or update or delete or truncate on organisation
      for each statement execute function market_fact_version_bump();
  `,
    )
    .execute(db);
  const facts = await sql<{ any: boolean }>`select exists (select 1 from market_fact) as any`.execute(db);
  if (facts.rows[0]?.any) await refreshMarketSummary(db as Kysely<Database>);
}
