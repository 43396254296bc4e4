// Writes the value history of modified contracts (migration 0035, src/ocds/project/contract-value-steps.ts) for
// records just projected, in the projection's transaction (src/ocds/pipeline.ts calls it after saveProjections, whose
// process delete dropped the records' earlier rows by cascade). Read by the red-flag facts
// (analytics/quality/load-facts.ts) for modification-increase.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.js';

type Db = Kysely<Database> | Transaction<Database>;

/** One step of a modified contract's value: the value first agreed, or an amendment (dates as ISO text). */
export interface ContractValueStep {
  ocid: string;
  contract_id: string;
  /** 0, 1, … in date order per contract. */
  step: number;
  kind: 'first' | 'amendment';
  release_id: string;
  release_date: string;
  notice_type: string | null;
  amendment_id: string | null;
  amendment_date: string | null;
  value: string | null;
  value_gross: string | null;
  currency: string | null;
}

export async function writeContractValueSteps(db: Db, rows: readonly ContractValueStep[]): Promise<void> {
  const CHUNK = 1000;
  for (let i = 0; i < rows.length; i += CHUNK)
    await sql`insert into contract_value_step (ocid, contract_id, step, kind, release_id, release_date, notice_type,
        amendment_id, amendment_date, value, value_gross, currency)
      select * from jsonb_to_recordset(${JSON.stringify(rows.slice(i, i + CHUNK))}::jsonb) as x(ocid text,
        contract_id text, step int, kind text, release_id text, release_date timestamptz, notice_type text,
        amendment_id text, amendment_date timestamptz, value numeric, value_gross numeric, currency text)`.execute(
      db,
    );
}

export type ContractValueStepRow = Omit<ContractValueStep, 'release_date' | 'amendment_date'> & {
  release_date: Date;
  amendment_date: Date | null;
};

/** The value steps of these records' contracts, in step order. */
export async function readContractValueSteps(
  db: Db,
  ocids: readonly string[],
): Promise<ContractValueStepRow[]> {
  if (ocids.length === 0) return [];
  const r = await sql<ContractValueStepRow>`
    select ocid, contract_id, step, kind, release_id, release_date, notice_type, amendment_id, amendment_date,
      value::text, value_gross::text, currency
    from contract_value_step where ocid = any(${[...ocids]}::text[]) order by ocid, contract_id, step`.execute(
    db,
  );
  return r.rows;
}
