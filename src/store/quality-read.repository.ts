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
  /** Only organisations of this buyer type (ranks stay those among every buyer). */
  buyerType?: string | undefined;
  /** null: every row. */
  limit: number | null;
  offset: number;
}

/** Names as people sort them: the ICU English collation where the server has it (migration 0006). */
const NAME = sql`s.name collate "missionbuy_en"`;

const ofType = (buyerType: string | undefined) =>
  buyerType === undefined ? sql`true` : sql`s.buyer_type = ${buyerType}`;

/** A page of the stored league: one table (name, type and rank are stored with each score, migration 0009). */
export async function storedLeague(db: Db, q: LeaguePageQuery): Promise<{ rows: StoredLeagueRow[]; total: number }> {
  const dir = sql.raw(q.order === 'asc' ? 'asc' : 'desc');
  // By score, organisations without one come last whatever the order; ties go by name, then id.
  const order =
    q.sort === 'name'
      ? sql`${NAME} ${dir}, s.buyer_id ${dir}`
      : q.sort === 'score'
        ? sql`s.score ${dir} nulls last, ${NAME}, s.buyer_id`
        : sql`s.failures ${dir}, ${NAME}, s.buyer_id`;
  const [page, total] = await Promise.all([
    sql<{
      rank: number | null;
      buyer_id: string;
      name: string | null;
      buyer_type: string | null;
      score: string | null;
      failures: number;
      not_computable: number;
      checks_scored: number;
    }>`
      select s.rank, s.buyer_id, s.name, s.buyer_type, s.score, s.failures, s.not_computable, s.checks_scored
      from quality_score s
      where s.as_of = ${q.asOf}::date and ${ofType(q.buyerType)}
      order by ${order}
      ${q.limit === null ? sql`` : sql`limit ${q.limit}`} offset ${q.offset}`.execute(db),
    sql<{ n: string }>`
      select count(*) as n from quality_score s
      where s.as_of = ${q.asOf}::date and ${ofType(q.buyerType)}`.execute(db),
  ]);
  return {
    total: Number(total.rows[0]!.n),
    rows: page.rows.map((x) => ({
      rank: x.rank,
      id: Number(x.buyer_id),
      name: x.name ?? `organisation ${x.buyer_id}`,
      buyerType: x.buyer_type,
      score: x.score === null ? null : Number(x.score),
      failures: x.failures,
      notComputable: x.not_computable,
      checksScored: x.checks_scored,
    })),
  };
}

/** The buyer types among the stored league (for its filter), with how many organisations have each. */
export async function storedBuyerTypes(
  db: Db,
  asOf: string,
): Promise<{ buyerType: string; organisations: number }[]> {
  const r = await sql<{ buyer_type: string; n: string }>`
    select buyer_type, count(*) as n from quality_score
    where as_of = ${asOf}::date and buyer_type is not null
    group by buyer_type order by buyer_type collate "missionbuy_en"`.execute(db);
  return r.rows.map((x) => ({ buyerType: x.buyer_type, organisations: Number(x.n) }));
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
    select score from quality_score
    where as_of = ${asOf}::date and buyer_type = ${buyerType} and buyer_id <> ${excludeId}`.execute(db);
  return r.rows.map((x) => (x.score === null ? null : Number(x.score)));
}
