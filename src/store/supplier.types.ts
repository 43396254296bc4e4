// Table types for supplier resolution (migration 0018, docs/suppliers.md).
import type { ColumnType, Generated } from 'kysely';

type TimestampWithDefault = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric columns: exact decimal strings, never floats. */
type Numeric = ColumnType<string, string | number, string | number>;
/** jsonb: written as JSON text, read back parsed. */
type Json = ColumnType<unknown, string, string>;

export interface SupplierTable {
  id: Generated<number>;
  name: string;
  normalised_name: string | null;
  identifiers: Generated<string[]>;
  postcodes: Generated<string[]>;
  kinds: Generated<string[]>;
  source_count: Generated<number>;
  ocds_organisations: Generated<number>;
  awards: Generated<number>;
  register_rows: Generated<number>;
  payments: Generated<number>;
  paid_amount: Numeric | null;
  /** The weakest link that holds the group together; null for a single source. */
  confidence: Numeric | null;
  merged_into: number | null;
  /** sha1 of what the last run wrote: a run rewrites only rows whose hash changed. */
  row_hash: Generated<string>;
  updated_at: TimestampWithDefault;
}

export interface SupplierSourceTable {
  key: string;
  supplier_id: number;
  kind: 'ocds' | 'register' | 'spend' | 'notice';
  buyer_id: number | null;
  organisation_id: number | null;
  name: string;
  names: Generated<string[]>;
  normalised_name: string | null;
  trading_name: string | null;
  postcode: string | null;
  identifiers: Generated<string[]>;
  local_id: string | null;
  rows: Generated<number>;
  amount: Numeric | null;
  rule: string | null;
  confidence: Numeric | null;
  evidence: Json | null;
  refused: Json;
  placeholder: Generated<boolean>;
  split: Generated<boolean>;
  row_hash: Generated<string>;
}

export interface SupplierOverrideTable {
  id: Generated<number>;
  kind: 'merge' | 'split';
  source_key: string;
  other_key: string | null;
  reason: string;
  actor: string;
  created_at: TimestampWithDefault;
}

export interface SupplierRunTable {
  id: Generated<number>;
  started_at: TimestampWithDefault;
  seconds: Numeric;
  fingerprint: string;
  counts: Json;
}

export interface SupplierTables {
  supplier: SupplierTable;
  supplier_source: SupplierSourceTable;
  supplier_override: SupplierOverrideTable;
  supplier_run: SupplierRunTable;
}
