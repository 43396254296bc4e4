// Table types for the KPI library (migration 0024; docs/kpi-library.md).
import type { ColumnType, Generated } from 'kysely';

type TimestampWithDefault = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric: read back as an exact decimal string. */
type Numeric = ColumnType<string, string | number, string | number>;
type Json = ColumnType<unknown, string, string>;

export interface KpiTemplateTable {
  id: string;
  version: number;
  body: Json;
  status: Generated<'active' | 'retired'>;
  seeded: boolean;
  created_at: TimestampWithDefault;
  created_by: string;
  updated_at: TimestampWithDefault;
  updated_by: string;
}

export interface AttachedKpiTable {
  id: Generated<number>;
  organisation_id: number;
  pipeline_entry_id: number | null;
  ocid: string | null;
  template_id: string;
  template_version: number;
  name: string;
  measure: string;
  unit: string;
  direction: 'higher' | 'lower';
  target: Numeric;
  slightly_below: Numeric;
  below: Numeric;
  version: Generated<number>;
  created_at: TimestampWithDefault;
  created_by: string;
  updated_at: TimestampWithDefault;
  updated_by: string;
}

export interface KpiLibraryTables {
  kpi_template: KpiTemplateTable;
  attached_kpi: AttachedKpiTable;
}
