// Payments from spend files (migration 0007): written in batches inside the file's import transaction.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.js';
import type { SpendPaymentTable } from './local-data.types.js';
import type { Insertable } from 'kysely';

export type NewPayment = Omit<Insertable<SpendPaymentTable>, 'import_run_id' | 'buyer_id'>;

/** 1,000 rows × 27 columns stays well under PostgreSQL's 65,535 bind parameters. */
export const PAYMENT_BATCH = 1000;

export async function insertPayments(
  trx: Transaction<Database>,
  runId: number,
  buyerId: number,
  rows: readonly NewPayment[],
): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('spend_payment')
    .values(rows.map((r) => ({ ...r, import_run_id: runId, buyer_id: buyerId })))
    .execute();
}

/** An organisation's payments in file order, dates as `yyyy-mm-dd` (tests, exports, the later paid-money analytics). */
export async function listPayments(
  db: Kysely<Database>,
  buyerId: number,
  options: { file?: string; limit?: number } = {},
) {
  let q = db
    .selectFrom('spend_payment')
    .select([
      sql<string>`to_char(payment_date, 'YYYY-MM-DD')`.as('payment_date'),
      'period',
      'amount',
      'currency',
      'amount_basis',
      'net_amount',
      'gross_amount',
      'vat_amount',
      'supplier_name',
      'supplier_name_normalised',
      'supplier_id',
      'supplier_company_number',
      'body',
      'transaction_id',
      'expense_type',
      'service_area',
      'directorate',
      'category',
      'description',
      'source_file',
      'source_line',
    ])
    .where('buyer_id', '=', buyerId);
  if (options.file) q = q.where('source_file', '=', options.file);
  return q
    .orderBy('source_file')
    .orderBy('source_line')
    .limit(options.limit ?? 1000)
    .execute();
}

/** Row counts of an organisation's payments and quarantined rows (what an import left behind). */
export async function countSpend(db: Kysely<Database>, buyerId: number) {
  const r = await sql<{ payments: string; quarantined: string; runs: string }>`
    select (select count(*) from spend_payment where buyer_id = ${buyerId}) as payments,
           (select count(*) from import_quarantine q join import_run r on r.id = q.import_run_id
             where r.organisation_id = ${buyerId} and r.kind = 'spend') as quarantined,
           (select count(*) from import_run where organisation_id = ${buyerId} and kind = 'spend') as runs`.execute(
    db,
  );
  const row = r.rows[0]!;
  return { payments: Number(row.payments), quarantined: Number(row.quarantined), runs: Number(row.runs) };
}
