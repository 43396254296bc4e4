// The few columns that name a contracting process in a list of records behind a figure (the failing records of a
// data-quality check): title and first publication, for many ocids at once.
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';

export interface ProcessHeadline {
  ocid: string;
  title: string | null;
  firstPublished: Date | null;
}

export async function findProcessHeadlines(
  db: Kysely<Database>,
  ocids: readonly string[],
): Promise<Map<string, ProcessHeadline>> {
  if (ocids.length === 0) return new Map();
  const rows = await db
    .selectFrom('process')
    .select(['ocid', 'title', 'first_published'])
    .where(sql<boolean>`ocid = any(${[...ocids]}::text[])`)
    .execute();
  return new Map(
    rows.map((r) => [r.ocid, { ocid: r.ocid, title: r.title, firstPublished: r.first_published }]),
  );
}
