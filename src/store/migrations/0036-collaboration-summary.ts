// The collaboration finder at a million contracts (docs/collaboration.md, "Summary"): the let contracts whose
// decisions fall due within 60 months (the longest window) of one as-of day, stored once per level (CPV group,
// class) and market, so that today's questions read cells, not contracts:
//   - collaboration_cell: market × area (ITL1 codes, '{}' = national) × buyer, with `months_from`, the shortest
//     window holding one of its contracts, and from there per window length (index w − months_from + 1) the
//     contracts, value, values not known and last decision due of those due within it, and the region prefixes of
//     its contracts each with the shortest window that brings it in (the region filter);
//   - collaboration_contract: per contract × market, one row per group anchor it joins (`anchor`: the regions whose
//     neighbourhood its area meets) or one row `national` for a national contract (it joins every group), with its
//     window (`months`), so that a group's ten largest contracts are an ordered index range or two;
//   - collaboration_supplier: market × area × buyer × supplier (merged organisations followed), per window length
//     the contracts, for the shared incumbents; only suppliers with two or more buyers in the market are kept;
//   - collaboration_summary_state: the as-of day and lead-time policy the rows were built for.
// Rebuilt by src/analytics/collaboration/refresh.ts after ingest or sync and daily; empty here, the first refresh
// fills them (until then, and on any other day, the finder reads the contracts as before).
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table collaboration_cell (
      level text not null check (level in ('group', 'class')),
      market text not null,
      area text[] not null,
      buyer_id bigint not null,
      months_from smallint not null,
      first_due date not null,
      contracts int[] not null,
      value numeric[] not null,
      value_not_known int[] not null,
      last_due date[] not null,
      region_codes text[] not null,
      region_months smallint[] not null,
      primary key (level, market, area, buyer_id)
    );
    create index collaboration_cell_window on collaboration_cell (level, months_from);
    create index collaboration_cell_buyer on collaboration_cell (level, buyer_id, months_from) include (market);

    create table collaboration_contract (
      level text not null,
      market text not null,
      anchor text not null,
      months smallint not null,
      area text[] not null,
      buyer_id bigint not null,
      ocid text,
      gbp_value numeric,
      due date not null,
      horizon_day date not null,
      horizon_from text not null
    );
    create index collaboration_contract_rank on collaboration_contract
      (level, market, anchor, gbp_value desc nulls last, ocid) include (months, buyer_id);
    create index collaboration_contract_buyer on collaboration_contract
      (level, buyer_id, market, anchor, gbp_value desc nulls last, ocid) include (months);

    create table collaboration_supplier (
      level text not null,
      market text not null,
      area text[] not null,
      buyer_id bigint not null,
      supplier_id bigint not null,
      months_from smallint not null,
      contracts int[] not null
    );
    create index collaboration_supplier_market on collaboration_supplier
      (level, market, months_from) include (area, buyer_id, supplier_id, contracts);

    create table collaboration_summary_state (
      id int primary key check (id = 1),
      as_of date not null,
      policy text not null,
      refreshed_at timestamptz not null,
      seconds numeric not null,
      contracts int not null,
      cells int not null,
      suppliers int not null
    );
  `.execute(db);
}
