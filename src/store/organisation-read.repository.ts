// Read queries over organisations for pages and the API (the projection writes them).
import type { Kysely } from 'kysely';
import type { Database } from './database.js';

export async function findOrganisationById(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'locality', 'postal_code', 'scale', 'vcse', 'buyer_type', 'synthetic'])
    .where('id', '=', id)
    .executeTakeFirst();
}
