// Table types for KPIs entered by buyers and their ratings (migration 0025; docs/kpis.md).
import type { ColumnType, Generated } from 'kysely';

type TimestampWithDefault = ColumnType<Date, Date | string | undefined, Date | string>;
/** date columns: selected with to_char(…, 'YYYY-MM-DD') by the KPI queries. */
type DateColumn = ColumnType<string, string, string>;

export interface ContractKpiTable {
  id: Generated<number>;
  ocid: string;
  title: string;
  description: string | null;
  target: string | null;
  /** Null: the rule kpi-rating.interval-months. */
  interval_months: number | null;
  /** A KPI library template this KPI came from, when linked (not read yet). */
  template_ref: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: TimestampWithDefault;
  updated_by: string;
  updated_at: TimestampWithDefault;
}

export interface KpiRatingTable {
  id: Generated<number>;
  kpi_id: number;
  period_start: DateColumn;
  period_end: DateColumn;
  rating: 'met' | 'slightlyBelow' | 'below' | 'significantlyBelow' | 'other';
  comment: string | null;
  evidence_url: string | null;
  rated_by: string;
  rated_at: TimestampWithDefault;
}

export interface KpiTables {
  contract_kpi: ContractKpiTable;
  kpi_rating: KpiRatingTable;
}
