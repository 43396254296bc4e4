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

/** A supplier's sums over some pairs (award × supplier): its part of their value and how many were local. */
interface SupplierSums {
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

/** A supplier's pairs in a cell. */
export interface MarketSummarySupplierTable extends SummaryKey, SummaryTime, SupplierSums {
  supplier_id: number;
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

/** Which processes a period row counts: real ones only (pages, API, CLI), or synthetic ones too (benchmarks). */
export type PeriodVariant = 'real' | 'all';

/** The summary's default period (migration 0043): the financial years it was added up for, at the refresh. */
export interface MarketPeriodStateTable {
  id: number;
  first_fy: number;
  last_fy: number;
  lookback_years: number;
  refresh_day: Day;
  /** False when no cell is synthetic: the 'all' variant is the 'real' one and is not written. */
  has_synthetic: boolean;
}

/** One supplier of a CPV market over the default period (the sums of its cells) and whether it is new there. */
export interface MarketPeriodSupplierTable extends SupplierSums {
  variant: PeriodVariant;
  cpv: string;
  supplier_id: number;
  new_entrant: boolean;
}

/** The supplier aggregate (src/analytics/market/aggregate.ts) of a CPV market for the period (fy null) or a year. */
export interface MarketPeriodFigureTable {
  variant: PeriodVariant;
  cpv: string;
  fy: number | null;
  /** The first award day after the refresh day in this market (period row only): the row holds until then. */
  next_late_day: Day | null;
  suppliers: number;
  pairs: number;
  units: Units;
  sum_squares: Units;
  top1: Units;
  top3: Units;
  sme_yes_units: Units;
  sme_known_units: Units;
  sme_unknown_units: Units;
  sme_yes_pairs: number;
  sme_known_pairs: number;
  sme_unknown_pairs: number;
  vcse_yes_units: Units;
  vcse_known_units: Units;
  vcse_unknown_units: Units;
  vcse_yes_pairs: number;
  vcse_known_pairs: number;
  vcse_unknown_pairs: number;
  local_yes_units: Units;
  local_yes_pairs: number;
  local_unknown_units: Units;
  local_unknown_pairs: number;
  entrants: number;
  entrant_units: Units;
}

export interface MarketSummaryTables {
  market_period_state: MarketPeriodStateTable;
  market_period_supplier: MarketPeriodSupplierTable;
  market_period_figure: MarketPeriodFigureTable;
  market_summary_supplier: MarketSummarySupplierTable;
  market_summary_award: MarketSummaryAwardTable;
  market_summary_process: MarketSummaryProcessTable;
  market_summary_state: MarketSummaryStateTable;
  market_fact_version: { id: number; version: string };
}
