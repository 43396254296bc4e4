// Supplier resolution across sources (issue 9 item 4, docs/suppliers.md): one supplier per group of OCDS
// organisations (suppliers and tenderers), register suppliers and spend payees; each source row keeps the rule,
// values and confidence that put it there; admins' merge/split overrides are kept apart so that they survive
// re-resolution; each run is recorded with its counts and time. Charity numbers, which Calderdale's spend files and
// Salford's register publish, get their own column on payments and register contracts.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table supplier (
      id bigserial primary key,
      name text not null,
      normalised_name text,
      identifiers text[] not null default '{}',
      postcodes text[] not null default '{}',
      kinds text[] not null default '{}',
      source_count integer not null default 0,
      ocds_organisations integer not null default 0,
      awards integer not null default 0,
      register_rows integer not null default 0,
      payments integer not null default 0,
      paid_amount numeric,
      confidence numeric,
      merged_into bigint references supplier (id) on delete set null,
      row_hash text not null default '',
      updated_at timestamptz not null default now()
    );
    create index supplier_merged_into on supplier (merged_into) where merged_into is not null;
    create index supplier_unresolved on supplier (paid_amount desc nulls last, id)
      where merged_into is null and identifiers = '{}';

    create table supplier_source (
      key text primary key,
      supplier_id bigint not null references supplier (id),
      kind text not null check (kind in ('ocds', 'register', 'spend')),
      buyer_id bigint,
      organisation_id bigint,
      name text not null,
      names text[] not null default '{}',
      normalised_name text,
      trading_name text,
      postcode text,
      identifiers text[] not null default '{}',
      local_id text,
      rows integer not null default 0,
      amount numeric,
      rule text,
      confidence numeric,
      evidence jsonb,
      refused jsonb not null default '[]',
      placeholder boolean not null default false,
      split boolean not null default false,
      row_hash text not null default ''
    );
    create index supplier_source_supplier on supplier_source (supplier_id);
    create index supplier_source_review on supplier_source (kind, amount desc nulls last)
      where placeholder = false;

    create table supplier_override (
      id bigserial primary key,
      kind text not null check (kind in ('merge', 'split')),
      source_key text not null,
      other_key text,
      reason text not null,
      actor text not null,
      created_at timestamptz not null default now(),
      check ((kind = 'merge') = (other_key is not null))
    );

    create table supplier_run (
      id bigserial primary key,
      started_at timestamptz not null default now(),
      seconds numeric not null,
      fingerprint text not null,
      counts jsonb not null
    );

    alter table spend_payment add column supplier_charity_number text;
    alter table register_contract add column supplier_charity_number text;
  `.execute(db);
}
