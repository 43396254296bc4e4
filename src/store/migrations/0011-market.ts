// Indexes for market analytics (docs/market-analytics.md): a CPV market is a prefix of the main CPV code
// (`cpv_main like '72%'`, which a text_pattern_ops index serves in any collation), and every slice reads active
// awards by award date. A buyer market uses process_buyer (0002).
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create index process_cpv_main_prefix on process (cpv_main text_pattern_ops) where cpv_main is not null;
    create index award_active_date on award (award_date, ocid) where status = 'active';
  `.execute(db);
}
