// The horizon scan's national, per-mission, per-CPV-division and per-region views at a million contracts (issue 6:
// p95 ≤ 50 ms; docs/horizon-scan.md, "Day counts"): the window totals and the page both read every row of the
// window (55,000 nationally over 24 months), about 30 ms each. `horizon_day_count` holds, per scope (national '',
// or 'm:' and a mission id, 'c:' and a CPV division, 'r:' and an ITL1 region), the number and value of horizon rows
// per day and lead-time band, so the totals and the page's place in the order come from a few thousand rows, and
// the page reads only its own days. Kinds: 'end' (by end day), 'max' (by latest possible end, else end: the
// max-extent basis) and 'ext' (rows with a latest possible end after their end day, by that day with their end day
// kept: the 'next' basis counts them when their end has passed). Rebuilt whole after ingest, sync and imports
// (src/store/horizon-day-count.repository.ts); statement triggers bump `horizon_entry_version` when a statement
// changes rows of horizon_entry, and the scan reads the counts only while the version they were built from is
// current (else it reads horizon_entry as before). Filled by the first refresh, not here.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table horizon_day_count (
      scope text not null,
      kind text not null check (kind in ('end', 'max', 'ext')),
      day date not null,
      end_day date,
      band smallint not null,
      contracts int not null,
      value numeric not null
    );
    create index horizon_day_count_day on horizon_day_count (scope, kind, day)
      include (end_day, band, contracts, value);
    create table horizon_day_state (
      id int primary key check (id = 1),
      entry_version bigint not null,
      bands text not null,
      refresh_day date not null,
      refreshed_at timestamptz not null,
      seconds numeric not null,
      count_rows int not null
    );
    create table horizon_entry_version (id int primary key check (id = 1), version bigint not null);
    insert into horizon_entry_version values (1, 0);
    create function horizon_entry_version_bump() returns trigger language plpgsql as $$
      begin
        -- Transition tables: a statement that changed no row (a missions sync with nothing to rewrite) keeps the
        -- counts current.
        if exists (select 1 from changed) then
          update horizon_entry_version set version = version + 1 where id = 1;
        end if;
        return null;
      end $$;
    create function horizon_entry_version_truncate() returns trigger language plpgsql as $$
      begin
        update horizon_entry_version set version = version + 1 where id = 1;
        return null;
      end $$;
    create trigger horizon_entry_version_insert after insert on horizon_entry
      referencing new table as changed for each statement execute function horizon_entry_version_bump();
    create trigger horizon_entry_version_update after update on horizon_entry
      referencing new table as changed for each statement execute function horizon_entry_version_bump();
    create trigger horizon_entry_version_delete after delete on horizon_entry
      referencing old table as changed for each statement execute function horizon_entry_version_bump();
    create trigger horizon_entry_version_truncate after truncate on horizon_entry
      for each statement execute function horizon_entry_version_truncate();
  `.execute(db);
}
