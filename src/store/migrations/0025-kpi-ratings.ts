// KPIs entered by buyers and their ratings (docs/kpis.md). Owned data: it references contracts by ocid (no foreign
// key to the projection, which can be rebuilt from releases) and is audited. `template_ref` may later point at a KPI
// library template (kpi_template, another migration); nothing reads it yet.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table contract_kpi (
      id bigserial primary key,
      ocid text not null,
      title text not null,
      description text,
      target text,
      interval_months integer check (interval_months between 1 and 12),
      template_ref text,
      version integer not null default 1,
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_by text not null,
      updated_at timestamptz not null default now()
    );
    create index contract_kpi_ocid on contract_kpi (ocid);

    create table kpi_rating (
      id bigserial primary key,
      kpi_id bigint not null references contract_kpi (id) on delete cascade,
      period_start date not null,
      period_end date not null,
      rating text not null check (rating in ('met', 'slightlyBelow', 'below', 'significantlyBelow', 'other')),
      comment text,
      evidence_url text,
      rated_by text not null,
      rated_at timestamptz not null default now(),
      check (period_start <= period_end)
    );
    create index kpi_rating_kpi on kpi_rating (kpi_id, period_end);
  `.execute(db);
}
