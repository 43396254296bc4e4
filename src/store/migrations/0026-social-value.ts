// Social value committed vs delivered (issue 8 item 5; docs/social-value.md): commitments per contract (ocid) and
// metric id of the standards catalogue, with the metric's unit and a due date or period; delivery reports against a
// commitment with evidence links and a verification status. Nothing is deleted: a rejected report stays, rejected.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table social_value_commitment (
      id bigserial primary key,
      ocid text not null,
      metric_id text not null,
      unit text not null,
      target numeric not null check (target >= 0),
      due_date date,
      period_start date,
      period_end date,
      note text,
      version integer not null default 1,
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_by text not null,
      updated_at timestamptz not null default now(),
      unique (ocid, metric_id),
      check (
        (due_date is not null and period_start is null and period_end is null)
        or (due_date is null and period_start is not null and period_end is not null and period_end >= period_start)
      )
    );
    create index social_value_commitment_metric on social_value_commitment (metric_id);

    create table social_value_delivery (
      id bigserial primary key,
      commitment_id bigint not null references social_value_commitment (id),
      quantity numeric not null check (quantity >= 0),
      period_start date not null,
      period_end date not null check (period_end >= period_start),
      evidence text[] not null default '{}',
      note text,
      status text not null default 'unverified' check (status in ('unverified', 'verified', 'rejected')),
      verified_by text,
      verified_at timestamptz,
      verification_note text,
      version integer not null default 1,
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_by text not null,
      updated_at timestamptz not null default now(),
      check ((status = 'unverified') = (verified_by is null and verified_at is null))
    );
    create index social_value_delivery_commitment on social_value_delivery (commitment_id, status);
  `.execute(db);
}
