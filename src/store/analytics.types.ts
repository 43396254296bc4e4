// Table types for stored analytics: the data-quality snapshot (migrations 0006, 0009) and the horizon scan's
// summary rows (migration 0013). Written by the refresh and the projection, read by the analytics.
import type { ColumnType, Generated } from 'kysely';

type TimestampWithDefault = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric columns: exact decimal strings, never floats. */
type Numeric = ColumnType<string, string | number, string | number>;

/** Stored data-quality results (migration 0006): one snapshot judged as of one day. */
export interface QualitySnapshotTable {
  id: Generated<number>;
  as_of: ColumnType<string, string, string>;
  refreshed_at: TimestampWithDefault;
  kind: 'full' | 'incremental';
  buyers: number;
  seconds: Numeric;
}

export interface QualityTallyTable {
  buyer_id: number;
  check_id: string;
  passed: number;
  failed: number;
  not_computable: number;
  not_yet_due: number;
  out_of_scope: number;
}

export interface QualityScoreTable {
  buyer_id: number;
  as_of: ColumnType<string, string, string>;
  score: Numeric | null;
  failures: number;
  not_computable: number;
  checks_scored: number;
  /** The organisation's name and buyer type when scored (migration 0009), for the league table. */
  name: string | null;
  buyer_type: string | null;
  /** 1 + buyers scoring higher that day; null when not scored (set after the scores are written). */
  rank: Generated<number | null>;
}

export interface QualityFailureTable {
  buyer_id: number;
  check_id: string;
  ocid: string | null;
  subject: string | null;
}

export interface QualityQueueTable {
  id: Generated<number>;
  ocid: string;
}

/**
 * The horizon scan's summary row per let process or register contract (migrations 0013, 0023;
 * store/horizon-entry.repository.ts): exactly one of `ocid` and `register_contract_id` is set, as `source` says.
 */
export interface HorizonEntryTable {
  ocid: string | null;
  source: ColumnType<'ocds' | 'register', 'ocds' | 'register' | undefined, 'ocds' | 'register'>;
  register_contract_id: number | null;
  buyer_id: number | null;
  end_day: ColumnType<string | null, string | null, string | null>;
  max_extent_day: ColumnType<string | null, string | null, string | null>;
  gbp_value: Numeric | null;
  cpv_prefixes: string[];
  region_prefixes: string[];
  supplier_ids: number[];
  /** The contract's primary and secondary missions (contract_mission; migration 0044). */
  mission_ids: ColumnType<string[], string[] | undefined, string[]>;
  /** When the row was written (migration 0019): saved-search alerts compare it with when the user last looked. */
  written_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** The market analytics' fact row per active award × supplier (migration 0030; store/market-fact.repository.ts). */
export interface MarketFactTable {
  ocid: string;
  award_id: string;
  /** 1…n over the award's suppliers (by organisation id); 1 with no organisation when it names none. */
  pair_no: number;
  organisation_id: number | null;
  supplier_count: number;
  award_day: ColumnType<string | null, string | null, string | null>;
  value: Numeric | null;
  currency: string | null;
  buyer_id: number | null;
  cpv_main: string | null;
  synthetic: boolean;
  procurement_method: string | null;
  procurement_method_details: string | null;
  notice_types: string[] | null;
  number_of_tenderers: number | null;
  delivery_regions: string[] | null;
}

export interface AnalyticsTables {
  quality_snapshot: QualitySnapshotTable;
  quality_tally: QualityTallyTable;
  quality_score: QualityScoreTable;
  quality_failure: QualityFailureTable;
  quality_queue: QualityQueueTable;
  horizon_entry: HorizonEntryTable;
  market_fact: MarketFactTable;
}
