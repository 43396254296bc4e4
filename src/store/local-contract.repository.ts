// A buyer's contracts from local files, one list: contract register rows (source `register`) and Contracts Finder
// notice export rows (source `contracts-finder-export`), each with its source file and line, and for a notice the
// OCDS process it is also published in (then OCDS is the one counted: store/notice.repository.ts).
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import { CF_RELEASE_ID } from './notice.repository.js';

export interface LocalContractRow {
  source: 'register' | 'contracts-finder-export';
  id: number;
  reference: string | null;
  title: string;
  supplier_name: string | null;
  value: string | null;
  currency: string;
  date: string | null;
  expiry: string | null;
  status: string | null;
  ocds_ocid: string | null;
  source_file: string;
  source_line: number;
}

/** Newest first by date (register: start; notice: awarded, else published), then source and line. */
export async function listLocalContracts(
  db: Kysely<Database>,
  buyerId: number,
  page: { limit: number; offset: number },
): Promise<{ rows: LocalContractRow[]; total: number }> {
  const union = sql`
    select 'register' as source, id, reference, title, supplier_name, total_value as value, currency,
      start_date as day, coalesce(current_expiry, end_date) as expiry, null::text as status, null::text as ocds_ocid,
      source_file, source_line
    from register_contract where buyer_id = ${buyerId}
    union all
    select 'contracts-finder-export', n.id, n.notice_id, n.title, n.supplier_name, n.value, n.currency,
      coalesce(n.awarded_date, n.published_date), null::date, n.status,
      (select r.ocid from release r where left(r.release_id, 36) = n.notice_id
         and r.release_id ~ ${sql.lit(CF_RELEASE_ID)} order by r.release_date desc limit 1),
      n.source_file, n.source_line
    from notice_contract n where n.buyer_id = ${buyerId}`;
  const [rows, total] = await Promise.all([
    sql<LocalContractRow>`
      select source, id::int as id, reference, title, supplier_name, value::text as value, currency,
        to_char(day, 'YYYY-MM-DD') as date, to_char(expiry, 'YYYY-MM-DD') as expiry, status, ocds_ocid,
        source_file, source_line
      from (${union}) c
      order by day desc nulls last, source, source_file, source_line
      limit ${page.limit} offset ${page.offset}`.execute(db),
    sql<{ n: string }>`select count(*) as n from (${union}) c`.execute(db),
  ]);
  return { rows: rows.rows, total: Number(total.rows[0]?.n ?? 0) };
}
