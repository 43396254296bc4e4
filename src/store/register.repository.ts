// Contracts from councils' contract registers (migration 0007), source 'register', beside the OCDS contract model.
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.js';
import type { RegisterContractTable } from './local-data.types.js';

export type NewRegisterContract = Omit<Insertable<RegisterContractTable>, 'import_run_id' | 'buyer_id'>;

export async function insertRegisterContracts(
  trx: Transaction<Database>,
  runId: number,
  buyerId: number,
  rows: readonly NewRegisterContract[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    await trx
      .insertInto('register_contract')
      .values(rows.slice(i, i + 1000).map((r) => ({ ...r, import_run_id: runId, buyer_id: buyerId })))
      .execute();
  }
}

/**
 * Register contracts of a buyer whose expiry (current expiry as published, else the end date) falls in
 * [from, to], soonest first: the register's side of the horizon scan. Dates as yyyy-mm-dd.
 */
export async function listRegisterExpiries(
  db: Kysely<Database>,
  buyerId: number,
  range: { from: string; to: string },
  page: { limit: number; offset: number } = { limit: 100, offset: 0 },
) {
  const expiry = sql<string>`coalesce(current_expiry, end_date)`;
  return db
    .selectFrom('register_contract')
    .select([
      'id',
      'source',
      'reference',
      'title',
      'supplier_name',
      'supplier_postcode',
      'supplier_company_number',
      'annual_value',
      'total_value',
      'currency',
      sql<string | null>`to_char(start_date, 'YYYY-MM-DD')`.as('start_date'),
      sql<string | null>`to_char(end_date, 'YYYY-MM-DD')`.as('end_date'),
      sql<string>`to_char(${expiry}, 'YYYY-MM-DD')`.as('expiry'),
      'extension_months',
      'extensions_available',
      'extensions_taken',
      'sme',
      'category_scheme',
      'category_code',
      'source_file',
      'source_line',
    ])
    .where('buyer_id', '=', buyerId)
    .where(expiry, '>=', range.from)
    .where(expiry, '<=', range.to)
    .orderBy(expiry)
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

export async function countRegisterContracts(db: Kysely<Database>, buyerId: number): Promise<number> {
  const r = await db
    .selectFrom('register_contract')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('buyer_id', '=', buyerId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
