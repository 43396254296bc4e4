// The supplier profile (docs/market-analytics.md, "Supplier profile") reads the awards of an organisation and of
// every organisation merged into it (`o.id = $1 or o.merged_into = $1`). Without an index on merged_into that is a
// scan of every organisation (300 ms at 1 million contracts, bench/market.ts); with it, a bitmap OR of two index
// lookups. Few organisations are merged, so the index is partial and small.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index organisation_merged_into on organisation (merged_into) where merged_into is not null`.execute(
    db,
  );
}
