// What the contracts service hands to pages, the API and exports: plain data, money as exact decimal strings.
import type { ValueBasis } from '../../store/process.repository.js';

export type { ValueBasis };

export interface Money {
  /** Exact decimal string, e.g. "40465.2". */
  amount: string;
  /** ISO 4217 code as published (null when the publisher gave none). */
  currency: string | null;
}

/** The best known value and where it comes from (contract, award, tender estimate, or the estimate incl. VAT). */
export interface BestValue extends Money {
  basis: ValueBasis;
}

/** A value as published: net of VAT, including VAT, or both. */
export interface NetGross {
  net: string | null;
  gross: string | null;
  currency: string | null;
}

export interface OrganisationRef {
  id: number;
  name: string;
}

export interface ContractSummary {
  ocid: string;
  title: string | null;
  buyer: OrganisationRef | null;
  value: BestValue | null;
  status: string | null;
  procurementMethod: string | null;
  procurementMethodDetails: string | null;
  cpvMain: string | null;
  contractStart: Date | null;
  contractEnd: Date | null;
  contractMaxExtent: Date | null;
  /** Procurement Act notice codes seen on the process (UK1…UK17). */
  noticeTypes: string[];
  /** OCDS release tags seen on the process (planning, tender, award…). */
  releaseTags: string[];
  firstPublished: Date | null;
  lastUpdated: Date | null;
  source: string;
  synthetic: boolean;
}

export interface ContractList {
  items: ContractSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface Classification {
  scheme: string;
  code: string;
  /** From the CPV reference list when present, else as published, else null. */
  label: string | null;
  isMain: boolean;
}

export interface Supplier extends OrganisationRef {
  /** true = SME, false = large, null = not known (never read as "not an SME"). */
  sme: boolean | null;
  vcse: boolean | null;
  locality: string | null;
  postalCode: string | null;
  identifiers: { scheme: string; id: string }[];
  awardIds: string[];
}

export interface OtherParty extends OrganisationRef {
  roles: string[];
  identifiers: { scheme: string; id: string }[];
}

export interface Lot {
  id: string;
  title: string | null;
  status: string | null;
  value: NetGross | null;
  contractStart: Date | null;
  contractEnd: Date | null;
  contractMaxExtent: Date | null;
  durationDays: number | null;
  hasRenewal: boolean | null;
  renewalDescription: string | null;
  hasOptions: boolean | null;
  optionsDescription: string | null;
}

export interface Award {
  id: string;
  title: string | null;
  status: string | null;
  date: Date | null;
  value: NetGross | null;
  lotIds: string[];
  contractStart: Date | null;
  contractEnd: Date | null;
  contractMaxExtent: Date | null;
  standstillStart: Date | null;
  standstillEnd: Date | null;
  aboveThreshold: boolean | null;
  suppliers: OrganisationRef[];
}

export interface Contract {
  id: string;
  awardId: string | null;
  title: string | null;
  status: string | null;
  dateSigned: Date | null;
  value: NetGross | null;
  periodStart: Date | null;
  periodEnd: Date | null;
  maxExtent: Date | null;
  aboveThreshold: boolean | null;
  amendmentCount: number;
  noAgreedMetricsRationale: string | null;
}

export interface Notice {
  /** The stored release's number: the key of its raw JSON at /api/contracts/{ocid}/releases/{key}. */
  key: number;
  releaseId: string;
  date: Date;
  tags: string[];
  noticeType: string | null;
  noticeTypeName: string | null;
  documentType: string | null;
  documentTypeName: string | null;
  title: string | null;
  findingCount: number;
  source: string;
}

export interface ContractDetail extends ContractSummary {
  description: string | null;
  buyer:
    | (OrganisationRef & { locality: string | null; postalCode: string | null; buyerType: string | null })
    | null;
  mainProcurementCategory: string | null;
  aboveThreshold: boolean | null;
  legalBasis: string | null;
  specialRegimes: string[];
  classifications: Classification[];
  values: { tender: NetGross | null; award: Money | null; contract: Money | null };
  tenderPeriod: { start: Date | null; end: Date | null };
  bids: {
    numberOfTenderers: number | null;
    smeFinalStageBids: number | null;
    vcseFinalStageBids: number | null;
  };
  suitableFor: { sme: boolean | null; vcse: boolean | null };
  deliveryRegions: string[];
  suppliers: Supplier[];
  otherParties: OtherParty[];
  lots: Lot[];
  awards: Award[];
  contracts: Contract[];
  notices: Notice[];
  findings: { releases: number; record: number };
  record: { releaseCount: number; compiledAt: Date; latestReleaseDate: Date | null } | null;
  releaseCount: number;
}
