// Reads of the stored data-quality snapshot (migration 0006) for the league table and the scorecard: sorted and
// paginated in SQL, so a page costs the same with 300 buyers or 30,000.
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';

type Db = Kysely<Database>;

export interface StoredLeagueRow {
  rank: number | null;
  id: number;
  name: string;
  buyerType: string | null;
  score: number | null;
  failures: number;
  notComputable: number;
  checksScored: number;
}

export interface LeaguePageQuery {
  asOf: string;
  sort: 'score' | 'name' | 'failures';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** Name order: the ICU English collation where the server has it (migration 0006), else the database's own. */
const byName = sql`o.name collate "missionbuy_en", o.id`;

export async function storedLeague(
  db: Db,
  q: LeaguePageQuery,
): Promise<{ rows: StoredLeagueRow[]; total: number }> {
  const dir = sql.raw(q.order === 'asc' ? 'asc' : 'desc');
  // Organisations without a score come last whatever the order.
  const order =
    q.sort === 'name'
      ? sql`${byName} ${dir}`
      : q.sort === 'score'
        ? sql`s.score ${dir} nulls last, ${byName}`
        : sql`(s.score is null), s.failures ${dir}, ${byName}`;
  const r = await sql<{
    rank: string | null;
    id: string;
    name: string;
    buyer_type: string | null;
    score: string | null;
    failures: number;
    not_computable: number;
    checks_scored: number;
    total: string;
  }>`
    select case when s.score is null then null else rank() over (order by s.score desc nulls last) end as rank,
           o.id, o.name, o.buyer_type, s.score, s.failures, s.not_computable, s.checks_scored,
           count(*) over () as total
    from quality_score s join organisation o on o.id = s.buyer_id
    where s.as_of = ${q.asOf}::date and o.merged_into is null
    order by ${order}
    limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`.execute(db);
  const total = r.rows[0] ? Number(r.rows[0].total) : await leagueSize(db, q.asOf);
  return {
    total,
    rows: r.rows.map((x) => ({
      rank: x.rank === null ? null : Number(x.rank),
      id: Number(x.id),
      name: x.name,
      buyerType: x.buyer_type,
      score: x.score === null ? null : Number(x.score),
      failures: x.failures,
      notComputable: x.not_computable,
      checksScored: x.checks_scored,
    })),
  };
}

async function leagueSize(db: Db, asOf: string): Promise<number> {
  const r = await sql<{ n: string }>`
    select count(*) as n from quality_score s join organisation o on o.id = s.buyer_id
    where s.as_of = ${asOf}::date and o.merged_into is null`.execute(db);
  return Number(r.rows[0]!.n);
}

/** One buyer's stored scores by day (the snapshot day and its trend's quarter ends). */
export async function storedScores(db: Db, buyerId: number): Promise<Map<string, number | null>> {
  const rows = await db
    .selectFrom('quality_score')
    .select([sql<string>`as_of::text`.as('as_of'), 'score'])
    .where('buyer_id', '=', buyerId)
    .execute();
  return new Map(rows.map((r) => [r.as_of, r.score === null ? null : Number(r.score)]));
}

export async function storedTallies(db: Db, buyerId: number) {
  return db.selectFrom('quality_tally').selectAll().where('buyer_id', '=', buyerId).execute();
}

/** A buyer's failing units by check: record ocids (sorted) and organisation-level subjects. */
export async function storedFailures(
  db: Db,
  buyerId: number,
): Promise<Map<string, { ocids: string[]; subjects: string[] }>> {
  const rows = await db
    .selectFrom('quality_failure')
    .select(['check_id', 'ocid', 'subject'])
    .where('buyer_id', '=', buyerId)
    .orderBy('check_id')
    .orderBy('ocid')
    .execute();
  const out = new Map<string, { ocids: string[]; subjects: string[] }>();
  for (const r of rows) {
    const f = out.get(r.check_id) ?? { ocids: [], subjects: [] };
    out.set(r.check_id, f);
    if (r.ocid !== null) f.ocids.push(r.ocid);
    else f.subjects.push(r.subject ?? 'organisation');
  }
  return out;
}

/** Stored scores of the other buyers of one type as of a day (for the peer comparison). */
export async function storedPeerScores(
  db: Db,
  asOf: string,
  buyerType: string,
  excludeId: number,
): Promise<(number | null)[]> {
  const r = await sql<{ score: string | null }>`
    select s.score from quality_score s join organisation o on o.id = s.buyer_id
    where s.as_of = ${asOf}::date and o.buyer_type = ${buyerType} and o.id <> ${excludeId}
      and o.merged_into is null`.execute(db);
  return r.rows.map((x) => (x.score === null ? null : Number(x.score)));
}
