// The league table at scale (bench/quality.ts): each stored score carries the organisation's name, buyer type and
// rank among all buyers that day, written by the refresh, so a league page reads one table instead of ranking and
// joining every buyer on each request.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table quality_score add column name text, add column buyer_type text, add column rank int;
    drop index quality_score_rank;
    create index quality_score_league on quality_score (as_of, rank);
  `.execute(db);
}
