// Table types for preliminary market engagement (migration 0028).
import type { ColumnType, Generated } from 'kysely';

type TimestampWithDefault = ColumnType<Date, Date | string | undefined, Date | string>;
/** date columns, read back as 'YYYY-MM-DD' (db.ts parses date as text). */
type DayColumn = ColumnType<string, string, string>;
type JsonWithDefault = ColumnType<unknown, string | undefined, string>;

export interface EngagementExerciseTable {
  id: Generated<number>;
  entry_id: number;
  organisation_id: number;
  purpose: string;
  start_date: DayColumn | null;
  end_date: DayColumn | null;
  format: string;
  questions: string | null;
  participants: JsonWithDefault;
  summary: string | null;
  requirement_changes: string | null;
  tender_ocid: string | null;
  version: Generated<number>;
  created_at: TimestampWithDefault;
  created_by: string;
  updated_at: TimestampWithDefault;
  updated_by: string;
}

export interface EngagementRationaleTable {
  entry_id: number;
  organisation_id: number;
  rationale: string | null;
  version: Generated<number>;
  updated_at: TimestampWithDefault;
  updated_by: string;
}

export interface EngagementTables {
  engagement_exercise: EngagementExerciseTable;
  engagement_rationale: EngagementRationaleTable;
}
