// The rolling pipeline (issue 7, item 2; docs/pipeline.md): a buyer's planned procurements, edited in the app.
// Each entry carries a version for optimistic concurrency (a save names the version it was made from and is
// refused if another save came first). pipeline_change is the change log: one row per save with the fields that
// changed (before and after), numbered by the entry's version, so "what changed since a date" is one indexed read
// per entry or per pipeline. The full before/after snapshots also go to audit_log in the same transaction.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table pipeline_entry (
      id bigserial primary key,
      organisation_id bigint not null references organisation (id),
      title text not null,
      description text,
      cpv_code text,
      delivery_region text,
      value_min numeric,
      value_max numeric,
      currency text not null default 'GBP',
      procurement_start date,
      contract_start date,
      contract_end date,
      route text,
      status text not null default 'idea',
      confidence text,
      linked_ocids text[] not null default '{}',
      innovation boolean not null default false,
      published boolean not null default false,
      -- Missions and outcomes the entry serves: filled when the missions catalogue lands (design.md §2).
      missions jsonb,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by text not null,
      updated_at timestamptz not null default now(),
      updated_by text not null,
      constraint pipeline_entry_status check (status in ('idea', 'planned', 'in-market', 'awarded', 'cancelled')),
      constraint pipeline_entry_confidence check (confidence in ('low', 'medium', 'high')),
      constraint pipeline_entry_value_range check (value_min is null or value_max is null or value_min <= value_max),
      constraint pipeline_entry_period check (contract_start is null or contract_end is null
                                              or contract_start <= contract_end)
    );
    create index pipeline_entry_organisation on pipeline_entry (organisation_id, procurement_start, id);
    create index pipeline_entry_published on pipeline_entry (procurement_start, id) where published;
    create index pipeline_entry_cpv on pipeline_entry (cpv_code text_pattern_ops);
    create index pipeline_entry_ocids on pipeline_entry using gin (linked_ocids);

    create table pipeline_change (
      id bigserial primary key,
      entry_id bigint not null references pipeline_entry (id),
      organisation_id bigint not null references organisation (id),
      version integer not null,
      at timestamptz not null default now(),
      actor text not null,
      action text not null,
      changes jsonb not null,
      -- Whether the entry was published once this change was made: the public log shows only these.
      published boolean not null,
      constraint pipeline_change_action check (action in ('created', 'updated')),
      constraint pipeline_change_version unique (entry_id, version)
    );
    create index pipeline_change_organisation on pipeline_change (organisation_id, at desc, id desc);
    create index pipeline_change_at on pipeline_change (at desc, id desc) where published;
  `.execute(db);
}
