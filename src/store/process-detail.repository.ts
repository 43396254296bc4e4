// Read queries for one contracting process: the contract page and its OCDS record and releases.
// The list, its CSV export and the totals are in process.repository.ts; the value expressions are shared with it.
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import { bestBasis, bestCurrency, bestValue } from './process.repository.js';

type Db = Kysely<Database>;

export async function findProcess(db: Db, ocid: string) {
  return db
    .selectFrom('process')
    .leftJoin('organisation as buyer', 'buyer.id', 'process.buyer_id')
    .selectAll('process')
    .select([
      'buyer.name as buyer_name',
      'buyer.locality as buyer_locality',
      'buyer.postal_code as buyer_postal_code',
      'buyer.buyer_type as buyer_type',
      bestValue.as('value_amount'),
      bestCurrency.as('value_currency'),
      bestBasis.as('value_basis'),
    ])
    .where('process.ocid', '=', ocid)
    .executeTakeFirst();
}

export type ProcessDetailRow = NonNullable<Awaited<ReturnType<typeof findProcess>>>;

/** Every organisation named on the process (parties and award suppliers), with its roles and awards. */
export async function findProcessOrganisations(db: Db, ocid: string) {
  return db
    .selectFrom('organisation')
    .select([
      'organisation.id',
      'organisation.name',
      'organisation.locality',
      'organisation.postal_code',
      'organisation.country_name',
      'organisation.scale',
      'organisation.vcse',
      'organisation.public_service_mission',
      'organisation.sheltered_workshop',
      'organisation.buyer_type',
      'organisation.synthetic',
      sql<string[]>`coalesce((select array_agg(distinct r order by r) from party p, unnest(p.roles) r
        where p.ocid = ${ocid} and p.organisation_id = organisation.id), '{}')`.as('roles'),
      sql<string[]>`coalesce((select array_agg(s.award_id order by s.award_id) from award_supplier s
        where s.ocid = ${ocid} and s.organisation_id = organisation.id), '{}')`.as('award_ids'),
    ])
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('party')
            .select(sql`1`.as('one'))
            .where('party.ocid', '=', ocid)
            .whereRef('party.organisation_id', '=', 'organisation.id'),
        ),
        eb.exists(
          eb
            .selectFrom('award_supplier')
            .select(sql`1`.as('one'))
            .where('award_supplier.ocid', '=', ocid)
            .whereRef('award_supplier.organisation_id', '=', 'organisation.id'),
        ),
      ]),
    )
    .orderBy('organisation.name')
    .execute();
}

export async function findIdentifiers(db: Db, organisationIds: number[]) {
  if (organisationIds.length === 0) return [];
  return db
    .selectFrom('organisation_identifier')
    .select(['organisation_id', 'scheme', 'identifier'])
    .where('organisation_id', 'in', organisationIds)
    .orderBy('organisation_id')
    .orderBy('scheme')
    .orderBy('identifier')
    .execute();
}

export async function findLots(db: Db, ocid: string) {
  return db.selectFrom('lot').selectAll().where('ocid', '=', ocid).orderBy('lot_id').execute();
}

export async function findAwards(db: Db, ocid: string) {
  return db
    .selectFrom('award')
    .selectAll()
    .where('ocid', '=', ocid)
    .orderBy('award_date', (ob) => ob.asc().nullsLast())
    .orderBy('award_id')
    .execute();
}

export async function findContracts(db: Db, ocid: string) {
  return db
    .selectFrom('contract')
    .selectAll()
    .where('ocid', '=', ocid)
    .orderBy('date_signed', (ob) => ob.asc().nullsLast())
    .orderBy('contract_id')
    .execute();
}

export async function findClassifications(db: Db, ocid: string) {
  return db
    .selectFrom('classification')
    .select(['scheme', 'code', 'is_main', 'description'])
    .where('ocid', '=', ocid)
    .orderBy('is_main', 'desc')
    .orderBy('scheme')
    .orderBy('code')
    .execute();
}

/**
 * The releases of a process in publication order, each with its notice (when the projection wrote one):
 * the release table is the truth (append-only); the notice table adds the notice type.
 */
export async function findTimeline(db: Db, ocid: string) {
  return db
    .selectFrom('release')
    .leftJoin('notice', (j) =>
      j
        .onRef('notice.ocid', '=', 'release.ocid')
        .onRef('notice.release_id', '=', 'release.release_id')
        .onRef('notice.release_date', '=', 'release.release_date'),
    )
    .select([
      'release.id',
      'release.release_id',
      'release.release_date',
      'release.tags',
      'release.source',
      'release.finding_count',
      'release.synthetic',
      'notice.notice_type',
      'notice.document_type',
      'notice.title',
    ])
    .where('release.ocid', '=', ocid)
    .orderBy('release.release_date')
    .orderBy('release.id')
    .execute();
}

export async function findRecord(db: Db, ocid: string) {
  return db
    .selectFrom('record')
    .select([
      'ocid',
      'compiled',
      'release_count',
      'latest_release_date',
      'compiled_at',
      'synthetic',
      sql<number>`jsonb_array_length(findings)`.as('finding_count'),
    ])
    .where('ocid', '=', ocid)
    .executeTakeFirst()
    .then((r) => r && { ...r, compiled: JSON.parse(r.compiled) as Record<string, unknown> });
}

/** The stored releases of a process (raw JSON), in the order of the OCDS record's `releases`. */
export async function findReleaseData(db: Db, ocid: string) {
  return db
    .selectFrom('release')
    .select(['id', 'data', 'release_date'])
    .where('ocid', '=', ocid)
    .orderBy('date_text')
    .orderBy('id')
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, data: JSON.parse(r.data) as Record<string, unknown> })));
}

export async function findRelease(db: Db, ocid: string, id: number) {
  return db
    .selectFrom('release')
    .select(['id', 'ocid', 'release_id', 'data', 'source'])
    .where('ocid', '=', ocid)
    .where('id', '=', id)
    .executeTakeFirst()
    .then((r) => r && { ...r, data: JSON.parse(r.data) as Record<string, unknown> });
}
