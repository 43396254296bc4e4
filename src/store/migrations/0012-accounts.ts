// Accounts and authorisation (issue 7, item 1; design.md §7): users with argon2 password hashes, their roles
// (one role per organisation, and at most one service-wide role: central or admin), and server-side sessions
// whose ids are stored only as SHA-256 hashes, so a copy of the table cannot be replayed as cookies.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table users (
      id bigserial primary key,
      email text not null,
      name text not null,
      password_hash text,
      created_at timestamptz not null default now(),
      disabled boolean not null default false
    );
    create unique index users_email on users (lower(email));

    create table memberships (
      user_id bigint not null references users (id) on delete cascade,
      organisation_id bigint references organisation (id),
      role text not null,
      granted_at timestamptz not null default now(),
      granted_by text not null,
      constraint memberships_role check (role in ('viewer', 'editor', 'accountable-officer', 'central', 'admin')),
      -- viewer, editor and accountable-officer are held in an organisation; central and admin service-wide.
      constraint memberships_scope check ((organisation_id is null) = (role in ('central', 'admin'))),
      constraint memberships_one_role unique nulls not distinct (user_id, organisation_id)
    );
    create index memberships_organisation on memberships (organisation_id);

    create table sessions (
      id_hash bytea primary key,
      user_id bigint not null references users (id) on delete cascade,
      csrf_secret text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      last_seen_at timestamptz not null default now()
    );
    create index sessions_user on sessions (user_id);
    create index sessions_expires on sessions (expires_at);
  `.execute(db);
}
