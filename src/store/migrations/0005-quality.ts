// Data-quality accountability: the accountable officer named for each organisation, and an audit log of changes
// (who, when, what, before and after), written in the same transaction as the change it records.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table accountable_officer (
      organisation_id bigint primary key references organisation (id),
      name text not null,
      role text not null,
      email text not null,
      phone text,
      updated_at timestamptz not null default now(),
      updated_by text not null
    );

    create table audit_log (
      id bigserial primary key,
      at timestamptz not null default now(),
      actor text not null,
      action text not null,
      entity_type text not null,
      entity_id text not null,
      before jsonb,
      after jsonb
    );
    create index audit_log_entity on audit_log (entity_type, entity_id, at desc);
  `.execute(db);
}
