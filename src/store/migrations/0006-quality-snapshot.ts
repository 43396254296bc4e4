// Stored data-quality results (issue 5: "scores recompute after each ingest or sync, incrementally where it pays").
// One snapshot, judged as of one day: per buyer and check, the tallies; per buyer, the score as of that day and as of
// the quarter ends of its trend; every failing record or subject (for the links behind each figure).
// quality_queue: ocids whose projection changed since the snapshot, appended in the projection's own transaction
// (append-only, so a refresh deleting what it saw never races with a concurrent compile).
// missionbuy_en: names sorted as people expect (ICU English, as the web's en-GB sort), or byte order on a server
// built without ICU.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table quality_snapshot (
      id int primary key default 1 check (id = 1),
      as_of date not null,
      refreshed_at timestamptz not null default now(),
      kind text not null,
      buyers int not null,
      seconds numeric not null
    );

    create table quality_tally (
      buyer_id bigint not null references organisation (id) on delete cascade,
      check_id text not null,
      passed int not null,
      failed int not null,
      not_computable int not null,
      not_yet_due int not null,
      out_of_scope int not null,
      primary key (buyer_id, check_id)
    );

    create table quality_score (
      buyer_id bigint not null references organisation (id) on delete cascade,
      as_of date not null,
      score numeric(4, 1),
      failures int not null,
      not_computable int not null,
      checks_scored int not null,
      primary key (buyer_id, as_of)
    );
    create index quality_score_rank on quality_score (as_of, score desc nulls last);

    create table quality_failure (
      buyer_id bigint not null references organisation (id) on delete cascade,
      check_id text not null,
      ocid text,
      subject text
    );
    create index quality_failure_buyer on quality_failure (buyer_id, check_id, ocid);
    create index quality_failure_ocid on quality_failure (ocid);

    do $$ begin
      create collation missionbuy_en (provider = icu, locale = 'en-GB');
    exception when others then
      create collation missionbuy_en from "C";
    end $$;

    create table quality_queue (
      id bigserial primary key,
      ocid text not null
    );
  `.execute(db);
}
