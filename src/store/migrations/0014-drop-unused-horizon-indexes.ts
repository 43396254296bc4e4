// The horizon scan reads horizon_entry since migration 0013, so the indexes 0008 put on process for it by the
// latest possible end are read by nothing, yet every projection maintains them. (process_buyer_contract_end stays:
// the contracts list filters and sorts by buyer and end.)
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    drop index if exists process_contract_max_extent;
    drop index if exists process_buyer_contract_max_extent;
  `.execute(db);
}
