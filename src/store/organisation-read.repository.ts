// Read queries over organisations for pages and the API (the projection writes them).
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';

export async function findOrganisationById(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('organisation')
    .select([
      'id',
      'name',
      'locality',
      'postal_code',
      'scale',
      'vcse',
      'buyer_type',
      'synthetic',
      'merged_into',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Names, buyer types and merges of many organisations (league tables, peer groups). */
export async function findOrganisationsByIds(db: Kysely<Database>, ids: readonly number[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'buyer_type', 'merged_into'])
    .where(sql<boolean>`id = any(${[...ids]}::bigint[])`)
    .execute();
}
