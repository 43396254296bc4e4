// The KPI library (docs/kpi-library.md). kpi_template holds library items added or edited in the app (the starter
// set is reference data in data/reference/kpi-library; an edit of a starter item stores its new version here under
// the same id). attached_kpi holds a buyer's tailored copy of a template on a pipeline entry or a contract (by
// ocid), keeping the template id and the version it was copied from. Both carry a version; every change also goes
// to audit_log (before/after) in the same transaction. KPIs read from OCDS data and their ratings are another
// module's tables (contract_kpi, kpi_rating). Also indexes the missions tagged on pipeline entries.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table kpi_template (
      id text primary key,
      version integer not null,
      -- The template's fields (name, outcome statement, measure, thresholds, categories, outcomes, examples, source).
      body jsonb not null,
      status text not null default 'active',
      -- Whether the id belongs to the starter set (data/reference/kpi-library).
      seeded boolean not null,
      created_at timestamptz not null default now(),
      created_by text not null,
      updated_at timestamptz not null default now(),
      updated_by text not null,
      constraint kpi_template_status check (status in ('active', 'retired'))
    );

    create table attached_kpi (
      id bigserial primary key,
      organisation_id bigint not null references organisation (id),
      pipeline_entry_id bigint references pipeline_entry (id),
      ocid text,
      template_id text not null,
      template_version integer not null,
      name text not null,
      measure text not null,
      unit text not null,
      direction text not null,
      target numeric not null,
      slightly_below numeric not null,
      below numeric not null,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by text not null,
      updated_at timestamptz not null default now(),
      updated_by text not null,
      constraint attached_kpi_one_subject check ((pipeline_entry_id is null) <> (ocid is null)),
      constraint attached_kpi_direction check (direction in ('higher', 'lower'))
    );
    create index attached_kpi_entry on attached_kpi (pipeline_entry_id, id) where pipeline_entry_id is not null;
    create index attached_kpi_ocid on attached_kpi (ocid, id) where ocid is not null;
    create index attached_kpi_template on attached_kpi (template_id);

    -- The central pipeline's mission filter (pipeline_entry.missions = { missionIds, outcomeIds }, migration 0016).
    create index pipeline_entry_mission_ids on pipeline_entry using gin ((missions -> 'missionIds'));
  `.execute(db);
}
