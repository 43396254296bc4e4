// Contracts Finder notices from flattened exports (migration 0020), beside OCDS. A notice row is the same notice as
// a stored Contracts Finder OCDS release whose id is `<notice GUID>-<sequence>` (the shape of every Contracts
// Finder OCDS release id: the GUID is the notice's, as its Notice/<GUID> document link shows). The link is made
// when read, so it holds whichever came first: OCDS wins, and a linked notice row is never counted again.
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.js';
import type { NoticeContractTable } from './local-data.types.js';

export type NewNoticeContract = Omit<Insertable<NoticeContractTable>, 'import_run_id'>;

/** The predicate of the partial index release_cf_notice: a Contracts Finder OCDS release id. */
export const CF_RELEASE_ID = '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[0-9]+$';

/** Writes notice rows, each with its own buyer. */
export async function insertNoticeContracts(
  trx: Transaction<Database>,
  runId: number,
  rows: readonly NewNoticeContract[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await trx
      .insertInto('notice_contract')
      .values(rows.slice(i, i + 1000).map((r) => ({ ...r, import_run_id: runId })))
      .execute();
  }
}

/** The key of a notice stored for a buyer, as findStoredNotices returns them. */
export const buyerNoticeKey = (buyerId: number, noticeId: string): string => `${buyerId}/${noticeId}`;

/** Of these (buyer, notice) pairs, those already stored, by buyerNoticeKey, with where they came from. */
export async function findStoredNotices(
  db: Kysely<Database>,
  pairs: readonly { buyerId: number; noticeId: string }[],
): Promise<Map<string, { file: string; line: number }>> {
  if (pairs.length === 0) return new Map();
  const rows = await sql<{ buyer_id: string; notice_id: string; source_file: string; source_line: number }>`
    select n.buyer_id, n.notice_id, n.source_file, n.source_line from notice_contract n
    where (n.buyer_id, n.notice_id) in
      (select * from unnest(${pairs.map((p) => p.buyerId)}::bigint[], ${pairs.map((p) => p.noticeId)}::text[]))`.execute(
    db,
  );
  return new Map(
    rows.rows.map((r) => [
      buyerNoticeKey(Number(r.buyer_id), r.notice_id),
      { file: r.source_file, line: r.source_line },
    ]),
  );
}

/** The OCDS process (ocid) each notice id is published in, for the ids that have a stored OCDS release. */
export async function findOcdsNotices(
  db: Kysely<Database>,
  noticeIds: readonly string[],
): Promise<Map<string, string>> {
  if (noticeIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('release')
    .select([sql<string>`left(release_id, 36)`.as('notice_id'), 'ocid'])
    .where(sql<boolean>`release_id ~ ${sql.lit(CF_RELEASE_ID)}`)
    .where(sql`left(release_id, 36)`, 'in', [...noticeIds])
    .execute();
  return new Map(rows.map((r) => [r.notice_id, r.ocid]));
}

const ocdsLink = sql<string | null>`(select r.ocid from release r
  where left(r.release_id, 36) = n.notice_id and r.release_id ~ ${sql.lit(CF_RELEASE_ID)}
  order by r.release_date desc limit 1)`;

/** A buyer's notices from exports, newest published first, each with the OCDS process it is also in (if any). */
export async function listNoticeContracts(
  db: Kysely<Database>,
  buyerId: number,
  page: { limit: number; offset: number } = { limit: 100, offset: 0 },
) {
  return db
    .selectFrom('notice_contract as n')
    .select([
      'n.id',
      'n.source',
      'n.notice_id',
      'n.title',
      'n.status',
      'n.notice_type',
      sql<string | null>`to_char(n.published_date, 'YYYY-MM-DD')`.as('published_date'),
      sql<string | null>`to_char(n.awarded_date, 'YYYY-MM-DD')`.as('awarded_date'),
      'n.value',
      'n.currency',
      'n.supplier_name',
      'n.awarded_to_sme',
      'n.cpv_codes',
      'n.url',
      'n.source_file',
      'n.source_line',
      ocdsLink.as('ocds_ocid'),
    ])
    .where('n.buyer_id', '=', buyerId)
    .orderBy('n.published_date', (o) => o.desc().nullsLast())
    .orderBy('n.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** How many notices a buyer has from exports, and how many of them are also stored as OCDS (not counted twice). */
export async function countNoticeContracts(
  db: Kysely<Database>,
  buyerId: number,
): Promise<{ notices: number; inOcds: number }> {
  const r = await db
    .selectFrom('notice_contract as n')
    .select([
      (eb) => eb.fn.countAll<string>().as('notices'),
      sql<string>`count(*) filter (where ${ocdsLink} is not null)`.as('in_ocds'),
    ])
    .where('n.buyer_id', '=', buyerId)
    .executeTakeFirstOrThrow();
  return { notices: Number(r.notices), inOcds: Number(r.in_ocds) };
}
