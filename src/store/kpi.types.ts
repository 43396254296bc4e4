// Table types for KPIs entered by buyers and their ratings (migration 0025; docs/kpis.md).
import type { ColumnType, Generated } from 'kysely';

type TimestampWithDefault = ColumnType<Date, Date | string | undefined, Date | string>;
/** date columns: selected with to_char(…, 'YYYY-MM-DD') by the KPI queries. */
type DateColumn = ColumnType<string, string, string>;
/** numeric columns: read as text (exact), written as numbers. */
type NumericColumn = ColumnType<string | null, number | null | undefined, number | null>;

export interface ContractKpiTable {
  id: Generated<number>;
  ocid: string;
  title: string;
  description: string | null;
  target: string | null;
  /** Null: the rule kpi-rating.interval-months. */
  interval_months: number | null;
  /** The KPI library template this KPI follows (set when it was made by attaching one; migration 0038). */
  template_ref: string | null;
  /** The attached KPI (library copy) this KPI was made from; null when entered by hand or the copy was removed. */
  attached_kpi_id: number | null;
  /** The measure the rating is derived from: all four of direction and the thresholds, or none (0038). */
  unit: string | null;
  direction: 'higher' | 'lower' | null;
  target_value: NumericColumn;
  slightly_below: NumericColumn;
  below: NumericColumn;
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
  /** The measured value the rating was derived from (migration 0038); null when the code was entered directly. */
  measured_value: NumericColumn;
  rated_by: string;
  rated_at: TimestampWithDefault;
}

export interface KpiTables {
  contract_kpi: ContractKpiTable;
  kpi_rating: KpiRatingTable;
}
