// Titles of some records, for lists that name the record a line concerns (the compliance calendar).
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';

export async function findProcessTitles(
  db: Kysely<Database>,
  ocids: readonly string[],
): Promise<Map<string, string | null>> {
  if (ocids.length === 0) return new Map();
  const rows = await db
    .selectFrom('process')
    .select(['ocid', 'title'])
    .where(sql<boolean>`ocid = any(${[...ocids]}::text[])`)
    .execute();
  return new Map(rows.map((r) => [r.ocid, r.title]));
}
