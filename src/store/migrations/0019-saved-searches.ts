// Saved horizon searches per user (issue 6, item 1; docs/saved-searches.md): the filters as the horizon scan's
// query input, an unguessable feed token for its Atom feed, and when the user last looked (the alert list compares
// against it). horizon_entry gains the time its row was written, so "new since you last looked" is one indexed
// comparison rather than a per-entry table. Existing rows get the migration's time (a constant default: no rewrite).
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table saved_search (
      id bigserial primary key,
      user_id bigint not null references users (id) on delete cascade,
      name text not null,
      query jsonb not null,
      feed_token text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      seen_at timestamptz not null default now(),
      seen_day date not null,
      alert_count integer,
      alert_counted_at timestamptz,
      alert_counted_day date,
      constraint saved_search_name_length check (length(name) between 1 and 100)
    );
    create unique index saved_search_user_name on saved_search (user_id, lower(name));
    create unique index saved_search_feed_token on saved_search (feed_token);

    alter table horizon_entry add column written_at timestamptz not null default now();
    create index horizon_entry_written on horizon_entry (written_at);
  `.execute(db);
}
