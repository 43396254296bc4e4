// Live sync: where each source's sync stands (committed with the releases it covers) and a log of sync runs.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table sync_state (
      source text primary key,
      base_url text not null,
      window_from text,
      window_to text,
      next_url text,
      pages integer not null default 0,
      completed_at timestamptz,
      updated_at timestamptz not null default now()
    );

    create table sync_run (
      id bigserial primary key,
      source text not null,
      ingest_run_id bigint references ingest_run (id),
      window_from text,
      window_to text,
      status text not null default 'running' check (status in ('running', 'done', 'failed', 'skipped')),
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      pages integer not null default 0,
      requests integer not null default 0,
      retries integer not null default 0,
      releases integer not null default 0,
      stored integer not null default 0,
      duplicates integer not null default 0,
      quarantined integer not null default 0,
      problems jsonb not null default '[]',
      error text
    );
    create index sync_run_source on sync_run (source, started_at desc);
  `.execute(db);
}
