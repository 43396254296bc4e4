// Indexes for the horizon scan (docs/horizon-scan.md): its window is a range on the contract end or the latest
// possible end (maxExtentDate), alone or within one buyer. process_contract_end (0002) covers the end alone.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index process_contract_max_extent on process (contract_max_extent) where contract_max_extent is not null;
    create index process_buyer_contract_end on process (buyer_id, contract_end);
    create index process_buyer_contract_max_extent on process (buyer_id, contract_max_extent)
      where contract_max_extent is not null;
  `.execute(db);
}
