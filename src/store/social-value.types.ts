// Table types for social value committed vs delivered (migration 0026; docs/social-value.md).
import type { ColumnType, Generated } from 'kysely';

type TimestampWithDefault = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric: read back as an exact decimal string. */
type Numeric = ColumnType<string, string | number, string | number>;
/** date: selected as YYYY-MM-DD text (to_char in social-value.repository.ts). */
type Day = ColumnType<string, string, string>;

export interface SocialValueCommitmentTable {
  id: Generated<number>;
  ocid: string;
  metric_id: string;
  /** The metric's unit when committed (it must equal the catalogue's: units never change meaning). */
  unit: string;
  target: Numeric;
  due_date: Day | null;
  period_start: Day | null;
  period_end: Day | null;
  note: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: TimestampWithDefault;
  updated_by: string;
  updated_at: TimestampWithDefault;
}

export interface SocialValueDeliveryTable {
  id: Generated<number>;
  commitment_id: number;
  quantity: Numeric;
  period_start: Day;
  period_end: Day;
  evidence: string[];
  note: string | null;
  status: Generated<'unverified' | 'verified' | 'rejected'>;
  verified_by: string | null;
  verified_at: ColumnType<Date, Date | string | null | undefined, Date | string | null> | null;
  verification_note: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: TimestampWithDefault;
  updated_by: string;
  updated_at: TimestampWithDefault;
}

export interface SocialValueTables {
  social_value_commitment: SocialValueCommitmentTable;
  social_value_delivery: SocialValueDeliveryTable;
}
