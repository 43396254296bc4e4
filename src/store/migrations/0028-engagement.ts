// Preliminary market engagement (issue 7, item 3; docs/engagement.md): exercises linked to a pipeline entry, each
// with its participants (a JSON array of { name, identifier, sme, vcse, local }, flags 'yes' | 'no' | 'unknown'),
// and the entry's no-engagement rationale when there was none. Both carry a version for optimistic concurrency,
// as pipeline entries do; every save also writes an audit_log row in the same transaction.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table engagement_exercise (
      id bigserial primary key,
      entry_id bigint not null references pipeline_entry (id),
      organisation_id bigint not null references organisation (id),
      purpose text not null,
      start_date date,
      end_date date,
      format text not null,
      questions text,
      participants jsonb not null default '[]',
      summary text,
      requirement_changes text,
      tender_ocid text,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      created_by text not null,
      updated_at timestamptz not null default now(),
      updated_by text not null,
      constraint engagement_exercise_period check (start_date is null or end_date is null or start_date <= end_date),
      constraint engagement_exercise_format check (format in
        ('event', 'questionnaire', 'one-to-one', 'supplier-day', 'online', 'other'))
    );
    create index engagement_exercise_entry on engagement_exercise (entry_id, start_date, id);
    create index engagement_exercise_organisation on engagement_exercise (organisation_id, start_date, id);

    create table engagement_rationale (
      entry_id bigint primary key references pipeline_entry (id),
      organisation_id bigint not null references organisation (id),
      rationale text,
      version integer not null default 1,
      updated_at timestamptz not null default now(),
      updated_by text not null
    );
  `.execute(db);
}
