// Table types for Kysely: what the database holds, one interface per table (see docs/contract-model.md).
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { AccountTables } from './accounts.types.js';
import type { AnalyticsTables } from './analytics.types.js';
import type { CollaborationTables } from './collaboration.types.js';
import type { EngagementTables } from './engagement.types.js';
import type { LocalDataTables } from './local-data.types.js';
import type { OpportunityTables } from './opportunity.types.js';
import type { PipelineTables } from './pipeline.types.js';
import type { KpiTables } from './kpi.types.js';
import type { MissionTables } from './missions.types.js';
import type { MarketSummaryTables } from './market-summary.types.js';
import type { SocialValueTables } from './social-value.types.js';
import type { SupplierTables } from './supplier.types.js';
import type { Lm3Tables } from './lm3.types.js';
import type { KpiLibraryTables } from './kpi-library.types.js';
import type {
  AccountableOfficerTable,
  AuditLogTable,
  SyncRunTable,
  SyncStateTable,
} from './operations.types.js';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp column with a database default. */
type TimestampWithDefault = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric columns: exact decimal strings, never floats. */
type Numeric = ColumnType<string, string | number, string | number>;
/** A JSON column with a database default. */
type JsonWithDefault = ColumnType<unknown, string | undefined, string>;

export interface IngestRunTable {
  id: Generated<number>;
  source: string;
  inputs: Generated<string[]>;
  synthetic: Generated<boolean>;
  status: Generated<'running' | 'done' | 'failed'>;
  started_at: TimestampWithDefault;
  finished_at: Timestamp | null;
  read: Generated<number>;
  stored: Generated<number>;
  duplicates: Generated<number>;
  quarantined: Generated<number>;
  error: string | null;
}

export interface ReleaseTable {
  id: Generated<number>;
  ocid: string;
  release_id: string;
  release_date: Timestamp;
  date_text: string;
  tags: Generated<string[]>;
  hash: Buffer;
  source: string;
  ingest_run_id: number | null;
  synthetic: Generated<boolean>;
  upgraded_from: string | null;
  /** The release as JSON text (migration 0004: stored as text, parsed by the reader). */
  data: string;
  findings: JsonWithDefault;
  finding_count: Generated<number>;
  ingested_at: TimestampWithDefault;
}

export interface QuarantineTable {
  id: Generated<number>;
  ingest_run_id: number | null;
  source: string;
  file: string;
  byte_offset: number | null;
  line: number | null;
  item_index: number | null;
  pointer: Generated<string>;
  reason: string;
  message: string;
  excerpt: string | null;
  created_at: TimestampWithDefault;
}

export interface RecordTable {
  ocid: string;
  /** The compiled release as JSON text (migration 0004). */
  compiled: string;
  release_count: number;
  latest_release_date: Timestamp | null;
  findings: JsonWithDefault;
  synthetic: Generated<boolean>;
  compiled_at: TimestampWithDefault;
}

export interface CompileQueueTable {
  ocid: string;
  queued_at: TimestampWithDefault;
}

export interface OrganisationTable {
  id: Generated<number>;
  entity_key: string;
  name: string;
  normalised_name: string;
  street_address: string | null;
  locality: string | null;
  postal_code: string | null;
  normalised_postcode: string | null;
  country_name: string | null;
  region_code: string | null;
  itl_code: string | null;
  scale: 'sme' | 'large' | null;
  vcse: boolean | null;
  public_service_mission: boolean | null;
  sheltered_workshop: boolean | null;
  buyer_type: string | null;
  synthetic: Generated<boolean>;
  first_seen: TimestampWithDefault;
  updated_at: TimestampWithDefault;
  /** The record and party this organisation was first created from (re-projection finds it again). */
  origin_ocid: string | null;
  origin_party_id: string | null;
  /** Date of the newest release whose data set the name, address or flags. */
  details_as_of: Timestamp | null;
  /** Set when this organisation was found to be the same as another (shared identifier): follow it. */
  merged_into: number | null;
  /** Migration 0041: local authority code (ONS GSS or the older ONS code), set only from the data. */
  la_code: Generated<string | null>;
}

export interface OrganisationIdentifierTable {
  scheme: string;
  identifier: string;
  organisation_id: number;
}

export interface ProcessTable {
  ocid: string;
  source: string;
  publisher_prefix: string | null;
  title: string | null;
  description: string | null;
  buyer_id: number | null;
  tender_status: string | null;
  procurement_method: string | null;
  procurement_method_details: string | null;
  main_procurement_category: string | null;
  above_threshold: boolean | null;
  special_regimes: Generated<string[]>;
  legal_basis: string | null;
  cpv_main: string | null;
  cpv_codes: Generated<string[]>;
  cpv_divisions: Generated<string[]>;
  tender_value: Numeric | null;
  tender_value_gross: Numeric | null;
  tender_currency: string | null;
  tender_period_start: Timestamp | null;
  tender_period_end: Timestamp | null;
  number_of_tenderers: number | null;
  sme_final_stage_bids: number | null;
  vcse_final_stage_bids: number | null;
  suitable_sme: boolean | null;
  suitable_vcse: boolean | null;
  delivery_regions: Generated<string[]>;
  notice_types: Generated<string[]>;
  release_tags: Generated<string[]>;
  award_value: Numeric | null;
  award_currency: string | null;
  contract_value: Numeric | null;
  contract_currency: string | null;
  contract_start: Timestamp | null;
  contract_end: Timestamp | null;
  contract_max_extent: Timestamp | null;
  first_published: Timestamp | null;
  last_updated: Timestamp | null;
  release_count: Generated<number>;
  synthetic: Generated<boolean>;
  future_notice_date: Timestamp | null;
  award_value_gross: Numeric | null;
  contract_value_gross: Numeric | null;
  final_stage_bids: number | null;
  contract_dates_from: 'contracts' | 'awards' | 'lots' | 'tender' | null;
  delivery_regions_published: Generated<string[]>;
  search: ColumnType<string, never, never>;
}

export interface PartyTable {
  ocid: string;
  party_id: string;
  organisation_id: number;
  roles: Generated<string[]>;
  matched_by: 'identifier' | 'name-postcode' | 'name' | 'new';
  match_evidence: string | null;
  /** What this process published about the party (the organisation row holds the best-known values). */
  name: string | null;
  identifiers: Generated<string[]>;
  scale: 'sme' | 'large' | null;
  vcse: boolean | null;
  public_service_mission: boolean | null;
  sheltered_workshop: boolean | null;
  region_code: string | null;
}

export interface LotTable {
  ocid: string;
  lot_id: string;
  title: string | null;
  status: string | null;
  value: Numeric | null;
  value_gross: Numeric | null;
  currency: string | null;
  contract_start: Timestamp | null;
  contract_end: Timestamp | null;
  contract_max_extent: Timestamp | null;
  duration_days: number | null;
  has_renewal: boolean | null;
  renewal_description: string | null;
  has_options: boolean | null;
  options_description: string | null;
  duration_months: number | null;
  bids: number | null;
  final_stage_bids: number | null;
  sme_final_stage_bids: number | null;
  vcse_final_stage_bids: number | null;
}

export interface AwardTable {
  ocid: string;
  award_id: string;
  title: string | null;
  status: string | null;
  award_date: Timestamp | null;
  value: Numeric | null;
  value_gross: Numeric | null;
  currency: string | null;
  lot_ids: Generated<string[]>;
  contract_start: Timestamp | null;
  contract_end: Timestamp | null;
  contract_max_extent: Timestamp | null;
  standstill_start: Timestamp | null;
  standstill_end: Timestamp | null;
  above_threshold: boolean | null;
  has_renewal: boolean | null;
  renewal_description: string | null;
  assessment_summaries_sent: Timestamp | null;
  future_signature_date: Timestamp | null;
}

export interface AwardSupplierTable {
  ocid: string;
  award_id: string;
  organisation_id: number;
  party_id: string | null;
}

export interface ContractTable {
  ocid: string;
  contract_id: string;
  award_id: string | null;
  title: string | null;
  status: string | null;
  date_signed: Timestamp | null;
  value: Numeric | null;
  value_gross: Numeric | null;
  currency: string | null;
  period_start: Timestamp | null;
  period_end: Timestamp | null;
  max_extent: Timestamp | null;
  above_threshold: boolean | null;
  no_agreed_metrics_rationale: string | null;
  amendment_count: Generated<number>;
  final_value: Numeric | null;
  final_value_currency: string | null;
  actual_end: Timestamp | null;
  termination_reasons: Generated<string[]>;
}

export interface ClassificationTable {
  ocid: string;
  scheme: string;
  code: string;
  is_main: Generated<boolean>;
  description: string | null;
  source: string | null;
  is_valid: boolean | null;
}

export interface NoticeTable {
  ocid: string;
  release_id: string;
  release_date: Timestamp;
  tags: Generated<string[]>;
  notice_type: string | null;
  document_type: string | null;
  title: string | null;
  notice_kind: string | null;
  classified_by: 'noticeType' | 'documentType' | 'tag' | 'none' | null;
  url: string | null;
}

export interface MetricTable {
  ocid: string;
  path: string;
  metric_id: string;
  contract_id: string | null;
  title: string | null;
  description: string | null;
  stage: 'forecast' | 'target' | 'agreed' | 'actual' | null;
  award_id: string | null;
}

export interface ObservationTable {
  ocid: string;
  path: string;
  metric_id: string;
  observation_id: string;
  period_start: Timestamp | null;
  period_end: Timestamp | null;
  measure: string | null;
  measure_classification: string | null;
  value: Numeric | null;
  unit: string | null;
  currency: string | null;
}

export interface Database
  extends
    LocalDataTables,
    AccountTables,
    AnalyticsTables,
    CollaborationTables,
    PipelineTables,
    MissionTables,
    MarketSummaryTables,
    SupplierTables,
    EngagementTables,
    Lm3Tables,
    OpportunityTables,
    KpiTables,
    SocialValueTables,
    KpiLibraryTables {
  ingest_run: IngestRunTable;
  release: ReleaseTable;
  quarantine: QuarantineTable;
  record: RecordTable;
  compile_queue: CompileQueueTable;
  organisation: OrganisationTable;
  organisation_identifier: OrganisationIdentifierTable;
  process: ProcessTable;
  party: PartyTable;
  lot: LotTable;
  award: AwardTable;
  award_supplier: AwardSupplierTable;
  contract: ContractTable;
  classification: ClassificationTable;
  notice: NoticeTable;
  metric: MetricTable;
  observation: ObservationTable;
  sync_state: SyncStateTable;
  sync_run: SyncRunTable;
  accountable_officer: AccountableOfficerTable;
  audit_log: AuditLogTable;
}

export type ReleaseRow = Selectable<ReleaseTable>;
export type ProcessRow = Selectable<ProcessTable>;
export type OrganisationRow = Selectable<OrganisationTable>;
export type InsertableOrganisation = Insertable<OrganisationTable>;
export type InsertableProcess = Insertable<ProcessTable>;
