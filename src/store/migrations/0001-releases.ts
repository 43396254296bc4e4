// Releases (append-only, with validation findings), quarantine, ingest runs, compiled records and the compile queue.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table ingest_run (
      id bigserial primary key,
      source text not null,
      inputs text[] not null default '{}',
      synthetic boolean not null default false,
      status text not null default 'running' check (status in ('running', 'done', 'failed')),
      started_at timestamptz not null default now(),
      finished_at timestamptz,
      read integer not null default 0,
      stored integer not null default 0,
      duplicates integer not null default 0,
      quarantined integer not null default 0,
      error text
    );

    create table release (
      id bigserial primary key,
      ocid text not null,
      release_id text not null,
      release_date timestamptz not null,
      date_text text not null,
      tags text[] not null default '{}',
      hash bytea not null,
      source text not null,
      ingest_run_id bigint references ingest_run (id),
      synthetic boolean not null default false,
      upgraded_from text,
      data jsonb not null,
      findings jsonb not null default '[]',
      finding_count integer not null default 0,
      ingested_at timestamptz not null default now(),
      constraint release_identity unique (ocid, release_id, hash)
    );
    create index release_ocid_date on release (ocid, date_text, id);
    create index release_source on release (source);

    create table quarantine (
      id bigserial primary key,
      ingest_run_id bigint references ingest_run (id),
      source text not null,
      file text not null,
      byte_offset bigint,
      line integer,
      item_index integer,
      pointer text not null default '',
      reason text not null,
      message text not null,
      excerpt text,
      created_at timestamptz not null default now(),
      constraint quarantine_identity unique nulls not distinct (source, file, byte_offset, item_index, pointer, reason)
    );

    create table record (
      ocid text primary key,
      compiled jsonb not null,
      release_count integer not null,
      latest_release_date timestamptz,
      findings jsonb not null default '[]',
      synthetic boolean not null default false,
      compiled_at timestamptz not null default now()
    );

    -- ocids whose releases changed and whose record and projection must be rebuilt. Filled in the same
    -- transaction as the releases, emptied in the same transaction as the rebuild: a crash loses nothing.
    create table compile_queue (
      ocid text primary key,
      queued_at timestamptz not null default now()
    );
  `.execute(db);
}
