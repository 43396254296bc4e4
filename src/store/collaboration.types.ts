// Table types for the collaboration finder's stored summary (migration 0036; docs/collaboration.md, "Summary").
// Per-window arrays start at the row's `months_from`: element w − months_from + 1 holds the figure for a window of
// w months. Written by src/analytics/collaboration/refresh.ts only.
import type { ColumnType } from 'kysely';

type Day = ColumnType<string, string, string>;
/** numeric: read back as an exact decimal string. */
type Numeric = ColumnType<string, string | number, string | number>;

export interface CollaborationCellTable {
  level: 'group' | 'class';
  market: string;
  /** ITL1 codes (NUTS form), sorted; empty = national. */
  area: string[];
  buyer_id: number;
  /** The shortest window (months) holding one of the cell's contracts. */
  months_from: number;
  first_due: Day;
  contracts: number[];
  value: string[];
  value_not_known: number[];
  last_due: string[];
  /** Region prefixes of the cell's contracts, each with the shortest window that brings it in. */
  region_codes: string[];
  region_months: number[];
}

export interface CollaborationContractTable {
  level: 'group' | 'class';
  market: string;
  /** A group anchor the contract joins (one row each), or `national` for a national contract (joins every group). */
  anchor: string;
  /** The shortest window (months) holding the contract. */
  months: number;
  area: string[];
  buyer_id: number;
  /** Null for a contract-register row. */
  ocid: string | null;
  gbp_value: Numeric | null;
  due: Day;
  horizon_day: Day;
  horizon_from: 'end' | 'max-extent';
}

export interface CollaborationSupplierTable {
  level: 'group' | 'class';
  market: string;
  area: string[];
  buyer_id: number;
  /** The organisation the supplier was merged into, else itself. */
  supplier_id: number;
  months_from: number;
  contracts: number[];
}

export interface CollaborationSummaryStateTable {
  id: number;
  as_of: Day;
  /** The lead-time policy the rows were built with (JSON). */
  policy: string;
  refreshed_at: ColumnType<Date, Date | string, Date | string>;
  seconds: Numeric;
  contracts: number;
  cells: number;
  suppliers: number;
}

export interface CollaborationTables {
  collaboration_cell: CollaborationCellTable;
  collaboration_contract: CollaborationContractTable;
  collaboration_supplier: CollaborationSupplierTable;
  collaboration_summary_state: CollaborationSummaryStateTable;
}
