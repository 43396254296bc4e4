// The market analytics' summary tables (migration 0034; docs/market-analytics.md, "Summary table"): the market facts
// added up per financial year at two levels, `buyer` (buyer × CPV class × regions) and `cpv` (a CPV division, group
// or class over every buyer). Money in exact units of 10⁻¹⁰ pound (numeric; src/analytics/market/money-units.ts).
import type { ColumnType } from 'kysely';

type Units = ColumnType<string, string | number, string | number>;
type Day = ColumnType<string, string, string>;

interface SummaryKey {
  level: 'buyer' | 'cpv';
  synthetic: boolean;
  /** `buyer` cells only. */
  buyer_id: number | null;
  /** `buyer` cells: the CPV class (first 4 digits of the main CPV); `cpv` cells: the market's 2, 3 or 4 digits. */
  cpv: string | null;
  /** `buyer` cells only: the buyer's region and every place of performance of the cell's processes, sorted. */
  regions: string[] | null;
}

/** Per financial year (`fy`: the year it starts in) and awards after the refresh day apart, by day (`late_day`). */
interface SummaryTime {
  fy: number;
  late_day: Day | null;
}

/** A supplier's pairs (award × supplier) in a cell: its part of their value and how many were local. */
export interface MarketSummarySupplierTable extends SummaryKey, SummaryTime {
  supplier_id: number;
  supplier_name: string;
  scale: string | null;
  vcse: boolean | null;
  units: Units;
  pairs: number;
  local_yes_units: Units;
  local_yes_pairs: number;
  local_unknown_units: Units;
  local_unknown_pairs: number;
}

/** A cell's awards (`fy` null: undated awards). */
export interface MarketSummaryAwardTable extends SummaryKey, Omit<SummaryTime, 'fy'> {
  fy: number | null;
  awards: number;
  gbp_units: Units;
  other_currency: number;
  no_value: number;
  no_supplier: number;
  direct_yes: number;
  direct_yes_units: Units;
  direct_unknown: number;
  /** Awards in pounds naming a supplier, and their exact value (the supplier profile's market sizes). */
  supplied_awards: number;
  supplied_value: Units;
}

/** Processes with the same pattern of award years (`years`; `late`: first late award day of other years). */
export interface MarketSummaryProcessTable extends SummaryKey {
  years: number[];
  late: string[];
  competitive: boolean;
  /** Number of tenderers: null not published, 1, or 2 for any other number. */
  tenderers: number | null;
  processes: number;
}

export interface MarketSummaryStateTable {
  id: number;
  /** market_fact_version.version when the summary was built: any later change makes it stale. */
  fact_version: string;
  /** Awards dated after this day are kept by day (late_day). */
  refresh_day: Day;
  local_itl_level: number;
  refreshed_at: ColumnType<Date, Date | string, Date | string>;
  seconds: Units;
  cells: number;
}

export interface MarketSummaryTables {
  market_summary_supplier: MarketSummarySupplierTable;
  market_summary_award: MarketSummaryAwardTable;
  market_summary_process: MarketSummaryProcessTable;
  market_summary_state: MarketSummaryStateTable;
  market_fact_version: { id: number; version: string };
}
