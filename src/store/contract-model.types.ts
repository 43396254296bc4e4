// The projection of one compiled record: rows for the contract-model tables (migration 0002), built by the pure
// `projectRecord` (src/ocds/project) and written by `saveProjections` (contract-model.repository.ts). Rows use the
// table's column names so they go to the database as they are; organisation ids are not known yet — each party
// carries an organisation *candidate* that the repository resolves (src/domain/org-resolution.ts).
// Every column is documented in docs/contract-model.md.
import type { Insertable } from 'kysely';
import type { OrganisationCandidate } from '../domain/organisation.js';
import type {
  AwardSupplierTable,
  AwardTable,
  ClassificationTable,
  ContractTable,
  LotTable,
  MetricTable,
  NoticeTable,
  ObservationTable,
  PartyTable,
  ProcessTable,
} from './database.js';

/** Every column present (null when unknown), so rows have one shape for the bulk insert. */
type Row<T> = Required<Insertable<T>>;

export type ProcessProjection = Row<Omit<ProcessTable, 'buyer_id'>>;
export type PartyRowProjection = Row<Omit<PartyTable, 'organisation_id' | 'matched_by' | 'match_evidence'>>;
export type LotProjection = Row<LotTable>;
export type AwardProjection = Row<AwardTable>;
export type AwardSupplierProjection = Row<Omit<AwardSupplierTable, 'organisation_id'>> & { party_id: string };
export type ContractProjection = Row<ContractTable>;
export type ClassificationProjection = Row<ClassificationTable>;
export type NoticeProjection = Row<NoticeTable>;
export type MetricProjection = Row<MetricTable>;
export type ObservationProjection = Row<ObservationTable>;

export interface PartyProjection {
  row: PartyRowProjection;
  /** What the party says about its organisation; resolved to organisation.id on save. */
  candidate: OrganisationCandidate;
}

export interface Projection {
  ocid: string;
  /** Date of the record's newest release (ISO): newer facts about an organisation win (domain/organisation.ts). */
  asOf: string | null;
  synthetic: boolean;
  process: ProcessProjection;
  /** party_id of the buyer (compiled `buyer.id`, else the first party with role `buyer`), or null. */
  buyerPartyId: string | null;
  parties: PartyProjection[];
  lots: LotProjection[];
  awards: AwardProjection[];
  awardSuppliers: AwardSupplierProjection[];
  contracts: ContractProjection[];
  classifications: ClassificationProjection[];
  notices: NoticeProjection[];
  metrics: MetricProjection[];
  observations: ObservationProjection[];
}
