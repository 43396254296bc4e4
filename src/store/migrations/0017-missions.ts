// The mission layer's owned data (issue 8 items 1–2; docs/missions.md): regional and local items of the standards
// catalogue (the national tier is reference data), the settings each tier makes (priority, minimum weighting,
// lock), CPV → mission mapping rules of regions and buyers (the default is reference data), and per-contract
// mission overrides. Ids are never deleted (items are retired), so an id is never reused with another meaning.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table standard_item (
      id text primary key,
      kind text not null check (kind in ('outcome', 'metric')),
      scope text not null check (scope ~ '^(region:UK[C-N]|org:[0-9]+)$'),
      parent_id text not null,
      name text not null,
      definition text not null,
      unit text,
      direction text check (direction in ('higher', 'lower')),
      evidence text,
      source text not null,
      status text not null default 'active' check (status in ('active', 'retired')),
      version integer not null default 1,
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_by text not null,
      updated_at timestamptz not null default now(),
      check (kind = 'outcome' or (unit is not null and direction is not null and evidence is not null))
    );
    create index standard_item_scope on standard_item (scope, kind);

    create table standard_setting (
      scope text not null check (scope ~ '^(region:UK[C-N]|org:[0-9]+)$'),
      target_id text not null,
      priority text check (priority in ('high', 'medium', 'low')),
      min_weight_percent numeric(5, 2) check (min_weight_percent between 0 and 100),
      locked boolean not null default false,
      version integer not null default 1,
      updated_by text not null,
      updated_at timestamptz not null default now(),
      primary key (scope, target_id)
    );

    create table mission_mapping_rule (
      scope text not null check (scope ~ '^(region:UK[C-N]|org:[0-9]+)$'),
      prefix text not null check (prefix ~ '^[0-9]{2,8}$'),
      missions text[] not null,
      reason text not null,
      version integer not null default 1,
      updated_by text not null,
      updated_at timestamptz not null default now(),
      primary key (scope, prefix)
    );

    create table contract_mission_override (
      ocid text not null,
      mission_id text not null,
      action text not null check (action in ('add', 'remove')),
      reason text not null,
      version integer not null default 1,
      updated_by text not null,
      updated_at timestamptz not null default now(),
      primary key (ocid, mission_id)
    );
  `.execute(db);
}
