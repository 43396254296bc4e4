// Mission market opportunities (issue 7, item 4; docs/opportunities.md): problem statements a buyer's editors
// publish (draft → published → closed), the interest suppliers register against them, and the key that signs the
// public interest form's token (one row, made by the service on first use, so every process shares it).
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table opportunity (
      id bigserial primary key,
      organisation_id bigint not null references organisation (id),
      title text not null,
      problem text not null,
      outcomes_sought text not null,
      mission_ids text[] not null default '{}',
      outcome_ids text[] not null default '{}',
      window_start date,
      window_end date,
      budget_min numeric(16, 2),
      budget_max numeric(16, 2),
      cpv_code text,
      region text,
      contact_name text not null,
      contact_email text not null,
      status text not null default 'draft',
      published_at timestamptz,
      closed_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by text not null,
      updated_at timestamptz not null default now(),
      updated_by text not null,
      constraint opportunity_status check (status in ('draft', 'published', 'closed')),
      constraint opportunity_budget check (budget_min is null or budget_max is null or budget_min <= budget_max),
      constraint opportunity_window check (window_start is null or window_end is null or window_start <= window_end)
    );
    create index opportunity_organisation on opportunity (organisation_id, id desc);
    create index opportunity_public on opportunity (published_at desc, id desc) where status <> 'draft';
    create index opportunity_missions on opportunity using gin (mission_ids);

    create table opportunity_interest (
      id bigserial primary key,
      opportunity_id bigint not null references opportunity (id),
      -- The publishing organisation, copied so that every read is scoped by it in the same query.
      organisation_id bigint not null references organisation (id),
      name text not null,
      supplier_organisation text not null,
      email text not null,
      companies_house text,
      ppon text,
      sme boolean not null default false,
      vcse boolean not null default false,
      message text,
      created_at timestamptz not null default now()
    );
    create index opportunity_interest_opportunity on opportunity_interest (opportunity_id, created_at, id);

    create table form_signing_key (
      name text primary key,
      secret bytea not null,
      created_at timestamptz not null default now()
    );
  `.execute(db);
}
