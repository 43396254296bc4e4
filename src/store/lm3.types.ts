// Table types for a buyer's LM3 figures (migration 0027, docs/paid-money.md "LM3").
import type { ColumnType } from 'kysely';

type TimestampWithDefault = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric columns: exact decimal strings, never floats. */
type Numeric = ColumnType<string, string | number, string | number>;

export interface Lm3InputTable {
  buyer_id: number;
  /** The year the financial year starts in (2022 = 1 April 2022 to 31 March 2023). */
  financial_year: number;
  staff_costs: Numeric | null;
  local_staff_costs: Numeric | null;
  default_share: Numeric | null;
  staff_share: Numeric | null;
  updated_by: string;
  updated_at: TimestampWithDefault;
}

export interface Lm3RespendTable {
  buyer_id: number;
  financial_year: number;
  supplier_id: number;
  share: Numeric;
}

export interface Lm3Tables {
  lm3_input: Lm3InputTable;
  lm3_respend: Lm3RespendTable;
}
