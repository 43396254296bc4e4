// Table types for the rolling pipeline (migration 0016): entries and their change log.
import type { ColumnType, Generated } from 'kysely';

type TimestampWithDefault = ColumnType<Date, Date | string | undefined, Date | string>;
/** date columns, read back as 'YYYY-MM-DD' (db.ts parses date as text). */
type DayColumn = ColumnType<string, string, string>;
type Numeric = ColumnType<string, string, string>;
type Json = ColumnType<unknown, string, string>;

export interface PipelineEntryTable {
  id: Generated<number>;
  organisation_id: number;
  title: string;
  description: string | null;
  cpv_code: string | null;
  delivery_region: string | null;
  value_min: Numeric | null;
  value_max: Numeric | null;
  currency: Generated<string>;
  procurement_start: DayColumn | null;
  contract_start: DayColumn | null;
  contract_end: DayColumn | null;
  route: string | null;
  status: Generated<string>;
  confidence: string | null;
  linked_ocids: Generated<string[]>;
  innovation: Generated<boolean>;
  published: Generated<boolean>;
  missions: Json | null;
  version: Generated<number>;
  created_at: TimestampWithDefault;
  created_by: string;
  updated_at: TimestampWithDefault;
  updated_by: string;
}

export interface PipelineChangeTable {
  id: Generated<number>;
  entry_id: number;
  organisation_id: number;
  version: number;
  at: TimestampWithDefault;
  actor: string;
  action: 'created' | 'updated';
  changes: Json;
  published: boolean;
}

export interface PipelineTables {
  pipeline_entry: PipelineEntryTable;
  pipeline_change: PipelineChangeTable;
}
