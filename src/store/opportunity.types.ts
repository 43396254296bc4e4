// Table types for mission market opportunities (migration 0029; docs/opportunities.md).
import type { ColumnType, Generated } from 'kysely';

type TimestampWithDefault = ColumnType<Date, Date | string | undefined, Date | string>;
/** date columns, read back as 'YYYY-MM-DD' text. */
type DayColumn = ColumnType<string, string, string>;
type Numeric = ColumnType<string, string, string>;

export interface OpportunityTable {
  id: Generated<number>;
  organisation_id: number;
  title: string;
  problem: string;
  outcomes_sought: string;
  mission_ids: Generated<string[]>;
  outcome_ids: Generated<string[]>;
  window_start: DayColumn | null;
  window_end: DayColumn | null;
  budget_min: Numeric | null;
  budget_max: Numeric | null;
  cpv_code: string | null;
  region: string | null;
  contact_name: string;
  contact_email: string;
  status: Generated<'draft' | 'published' | 'closed'>;
  published_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  closed_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  version: Generated<number>;
  created_at: TimestampWithDefault;
  created_by: string;
  updated_at: TimestampWithDefault;
  updated_by: string;
}

export interface OpportunityInterestTable {
  id: Generated<number>;
  opportunity_id: number;
  organisation_id: number;
  name: string;
  supplier_organisation: string;
  email: string;
  companies_house: string | null;
  ppon: string | null;
  sme: Generated<boolean>;
  vcse: Generated<boolean>;
  message: string | null;
  created_at: TimestampWithDefault;
}

export interface FormSigningKeyTable {
  name: string;
  secret: Buffer;
  created_at: TimestampWithDefault;
}

export interface OpportunityTables {
  opportunity: OpportunityTable;
  opportunity_interest: OpportunityInterestTable;
  form_signing_key: FormSigningKeyTable;
}
