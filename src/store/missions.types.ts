// Table types for the mission layer (migration 0017; docs/missions.md).
import type { ColumnType, Generated } from 'kysely';

type TimestampWithDefault = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric: read back as an exact decimal string. */
type Numeric = ColumnType<string, string | number, string | number>;

export interface StandardItemTable {
  id: string;
  kind: 'outcome' | 'metric';
  scope: string;
  /** The mission of an outcome, the outcome of a metric. */
  parent_id: string;
  name: string;
  definition: string;
  unit: string | null;
  direction: 'higher' | 'lower' | null;
  evidence: string | null;
  source: string;
  status: Generated<'active' | 'retired'>;
  version: Generated<number>;
  created_by: string;
  created_at: TimestampWithDefault;
  updated_by: string;
  updated_at: TimestampWithDefault;
}

export interface StandardSettingTable {
  scope: string;
  target_id: string;
  priority: 'high' | 'medium' | 'low' | null;
  min_weight_percent: Numeric | null;
  locked: Generated<boolean>;
  version: Generated<number>;
  updated_by: string;
  updated_at: TimestampWithDefault;
}

export interface MissionMappingRuleTable {
  scope: string;
  prefix: string;
  /** The primary mission first; empty: the prefix maps to no mission. */
  missions: string[];
  reason: string;
  version: Generated<number>;
  updated_by: string;
  updated_at: TimestampWithDefault;
}

export interface ContractMissionOverrideTable {
  ocid: string;
  mission_id: string;
  action: 'add' | 'remove';
  reason: string;
  version: Generated<number>;
  updated_by: string;
  updated_at: TimestampWithDefault;
}

/** A contract's missions as the mapping decides them (migration 0033); `_any` / `_none` rows too. */
export interface ContractMissionTable {
  ocid: string;
  mission_id: string;
  role: 'primary' | 'secondary' | 'any' | 'none';
  provenance: string;
  buyer_id: number | null;
  region: string | null;
}

/** What the records list filters and orders by, per contract × mission × quarter (migration 0045). */
export interface ContractMissionAwardTable {
  ocid: string;
  mission_id: string;
  /** `all`, `undated` or `2024-Q3`. */
  quarter: string;
  buyer_id: number | null;
  region: string | null;
  synthetic: boolean;
  latest_award_day: Date | null;
  awards: number;
}

type Sum = ColumnType<string, string | number, string | number>;

/** One mission × buyer × region × quarter cell of the mission dashboard (migration 0033). */
export interface MissionSummaryTable {
  /** `buyer`: one buyer's cell; `region`: the buyer cells of a region added up. */
  level: 'buyer' | 'region';
  mission_id: string;
  buyer_id: number | null;
  region: string | null;
  quarter: string | null;
  synthetic: boolean;
  awards: number;
  contracts: number;
  value: Sum;
  no_value_awards: number;
  sme_known: Sum;
  sme_yes: Sum;
  vcse_known: Sum;
  vcse_yes: Sum;
  local_known: Sum;
  local_yes: Sum;
}

export interface MissionSummaryStateTable {
  id: number;
  refreshed_at: ColumnType<Date, Date | string, Date | string>;
  contracts: number;
  seconds: Sum;
}

/** One mission × buyer × region cell of the KPI rating mix (migration 0039). */
export interface MissionKpiSummaryTable {
  level: 'buyer' | 'region';
  mission_id: string;
  buyer_id: number | null;
  region: string | null;
  synthetic: boolean;
  kpis: number;
  met: number;
  slightly_below: number;
  below: number;
  significantly_below: number;
  other: number;
  unknown: number;
}

/** One metric × unit × buyer × region cell of committed / delivered / verified social value (migration 0039). */
export interface MissionSocialValueSummaryTable {
  level: 'buyer' | 'region';
  metric_id: string;
  unit: string;
  buyer_id: number | null;
  region: string | null;
  synthetic: boolean;
  commitments: number;
  committed: Sum;
  delivered: Sum;
  verified: Sum;
  reports: number;
  verified_reports: number;
  rejected_reports: number;
}

export interface MissionTables {
  standard_item: StandardItemTable;
  standard_setting: StandardSettingTable;
  mission_mapping_rule: MissionMappingRuleTable;
  contract_mission_override: ContractMissionOverrideTable;
  contract_mission: ContractMissionTable;
  contract_mission_award: ContractMissionAwardTable;
  mission_summary: MissionSummaryTable;
  mission_summary_state: MissionSummaryStateTable;
  mission_kpi_summary: MissionKpiSummaryTable;
  mission_social_value_summary: MissionSocialValueSummaryTable;
}
