// Table types for local data (migration 0007): import runs of spend files and contract registers, their payments,
// register contracts and quarantined rows. Columns are documented in docs/local-data.md.
import type { ColumnType, Generated } from 'kysely';

type TimestampWithDefault = ColumnType<Date, Date | string | undefined, Date | string>;
/** A calendar date, read back as `yyyy-mm-dd` text (the date type parser is left alone: see toIsoDate). */
type DateColumn = ColumnType<Date | string, string, string>;
/** numeric columns: exact decimal strings, never floats. */
type Numeric = ColumnType<string, string, string>;
type JsonText = ColumnType<unknown, string, string>;

export interface ImportRunTable {
  id: Generated<number>;
  kind: 'spend' | 'register' | 'notices';
  organisation_id: number;
  file: string;
  sha256: string;
  bytes: number;
  encoding: string | null;
  layout: JsonText;
  records: number;
  rows: number;
  kept: number;
  quarantined: number;
  skipped: JsonText;
  started_at: TimestampWithDefault;
  finished_at: TimestampWithDefault;
}

export interface SpendPaymentTable {
  id: Generated<number>;
  import_run_id: number;
  buyer_id: number;
  payment_date: DateColumn;
  period: string | null;
  amount: Numeric;
  currency: Generated<string>;
  amount_basis: 'net' | 'gross' | 'published';
  net_amount: Numeric | null;
  gross_amount: Numeric | null;
  vat_amount: Numeric | null;
  supplier_name: string;
  supplier_name_normalised: string | null;
  supplier_id: string | null;
  supplier_company_number: string | null;
  /** Migration 0018. */
  supplier_charity_number: Generated<string | null>;
  supplier_organisation_id: number | null;
  body: string | null;
  transaction_id: string | null;
  expense_type: string | null;
  service_area: string | null;
  directorate: string | null;
  category: string | null;
  /** Migration 0041: the category code and its scheme, when the file has a code column. */
  category_code: Generated<string | null>;
  category_scheme: Generated<'proclass' | 'cpv' | null>;
  /** Migration 0041: the publisher's VCSE flag (null: not stated). */
  vcse: Generated<boolean | null>;
  description: string | null;
  source_file: string;
  source_line: number;
}

export interface ImportQuarantineTable {
  id: Generated<number>;
  import_run_id: number;
  file: string;
  line: number;
  reason: string;
  excerpt: string;
}

export interface RegisterContractTable {
  id: Generated<number>;
  import_run_id: number;
  buyer_id: number;
  source: Generated<'register'>;
  reference: string | null;
  title: string;
  description: string | null;
  directorate: string | null;
  procedure: string | null;
  supplier_name: string | null;
  supplier_name_normalised: string | null;
  supplier_postcode: string | null;
  supplier_company_number: string | null;
  /** Migration 0018. */
  supplier_charity_number: Generated<string | null>;
  supplier_organisation_id: number | null;
  annual_value: Numeric | null;
  total_value: Numeric | null;
  currency: Generated<string>;
  start_date: DateColumn | null;
  end_date: DateColumn | null;
  duration_months: Numeric | null;
  extension_months: number | null;
  extensions_available: number | null;
  extensions_taken: number | null;
  current_expiry: DateColumn | null;
  sme: boolean | null;
  /** From an LGTC `SME/VCSE` column (migration 0040). */
  vcse: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
  /** The LGTC's "VAT that cannot be recovered" (migration 0040). */
  irrecoverable_vat: ColumnType<string | null, string | null | undefined, string | null>;
  category_scheme: string | null;
  category_code: string | null;
  category_description: string | null;
  above_threshold: boolean | null;
  source_file: string;
  source_line: number;
}

/** A Contracts Finder notice from a flattened export (migration 0020); linked to OCDS when read. */
export interface NoticeContractTable {
  id: Generated<number>;
  import_run_id: number;
  buyer_id: number;
  source: Generated<'contracts-finder-export'>;
  notice_id: string;
  title: string;
  description: string | null;
  organisation_name: string | null;
  /** How buyer_id was decided (migration 0040); null for rows imported before it (the import's organisation). */
  buyer_matched_by: 'name' | 'created' | 'import-organisation' | null;
  status: string | null;
  notice_type: string | null;
  published_date: DateColumn | null;
  deadline_date: DateColumn | null;
  awarded_date: DateColumn | null;
  value_low: Numeric | null;
  value_high: Numeric | null;
  awarded_value: Numeric | null;
  value: Numeric | null;
  currency: Generated<string>;
  supplier_name: string | null;
  supplier_name_normalised: string | null;
  awarded_to_sme: boolean | null;
  suitable_for_sme: boolean | null;
  cpv_codes: ColumnType<string[], string[] | undefined, string[]>;
  cpv_description: string | null;
  region: string | null;
  postcode: string | null;
  url: string | null;
  source_file: string;
  source_line: number;
}

export interface LocalDataTables {
  notice_contract: NoticeContractTable;
  import_run: ImportRunTable;
  spend_payment: SpendPaymentTable;
  import_quarantine: ImportQuarantineTable;
  register_contract: RegisterContractTable;
}
