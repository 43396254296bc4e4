// The facts the quality checks read: one object per record (RecordFacts) and one per buyer (BuyerFacts), built from
// contract-model rows (docs/contract-model.md) by build-facts.ts. Unknown stays null, never 0 or false. Instants
// stay ISO strings (UTC); checks turn them into UK calendar days (domain/rules/calendar.ts).

export interface Money {
  /** Net amount (OCDS `amount`), exact decimal string. */
  amount: string | null;
  /** Amount including VAT (ocds_uk_extension `amountGross`). */
  gross: string | null;
  currency: string | null;
}

export interface PartyFacts {
  partyId: string;
  organisationId: number;
  roles: string[];
  name: string | null;
  /** Identifiers the party published (`GB-COH-…` keys). */
  identifiers: string[];
  scale: 'sme' | 'large' | null;
  vcse: boolean | null;
}

export interface LotFacts {
  id: string;
  status: string | null;
  value: Money;
  start: string | null;
  end: string | null;
  maxExtent: string | null;
  durationDays: number | null;
  durationMonths: number | null;
  /** Bids received for the lot (bids.statistics). */
  bids: number | null;
}

export interface AwardFacts {
  id: string;
  status: string | null;
  date: string | null;
  value: Money;
  lotIds: string[];
  start: string | null;
  end: string | null;
  maxExtent: string | null;
  standstillEnd: string | null;
  aboveThreshold: boolean | null;
  /** The award's futureSignatureDate milestone (UK6): when the buyer expects to enter the contract. */
  futureSignatureDate: string | null;
  /** Suppliers named on the award (one per organisation, as the model keeps them). */
  suppliers: { organisationId: number; partyId: string | null }[];
}

export interface RatingFacts {
  metricId: string;
  periodStart: string | null;
  periodEnd: string | null;
  /** UK9 rating (measureClassification): met, slightlyBelow, below, significantlyBelow, other. */
  classification: string;
}

export interface ContractFacts {
  id: string;
  awardId: string | null;
  status: string | null;
  dateSigned: string | null;
  value: Money;
  start: string | null;
  end: string | null;
  maxExtent: string | null;
  aboveThreshold: boolean | null;
  noAgreedMetricsRationale: string | null;
  /** implementation.endDate: when the contract actually ended. */
  actualEnd: string | null;
  amendmentCount: number;
  /** With amendments: the value first agreed and each amendment's value (migration 0035), in date order. */
  valueSteps: ValueStepFacts[];
  terminationReasons: string[];
  /** Agreed KPIs (metric ids) on the contract and on its award. */
  kpiIds: string[];
  /** KPI ratings published on the contract's implementation metrics. */
  ratings: RatingFacts[];
}

/** One step of a modified contract's value (src/ocds/project/contract-value-steps.ts). */
export interface ValueStepFacts {
  kind: 'first' | 'amendment';
  releaseId: string;
  releaseDate: string;
  noticeType: string | null;
  amendmentId: string | null;
  amendmentDate: string | null;
  value: Money;
}

export interface NoticeFacts {
  releaseId: string;
  date: string;
  /** UK1…UK17 as published (noticeType), or null. */
  noticeType: string | null;
  /** The notice's meaning (domain/notice-type.ts NoticeKind), however it was found. */
  kind: string | null;
  classifiedBy: string | null;
}

export interface RecordFacts {
  ocid: string;
  /** The buyer organisation (merged organisations followed), or null. */
  buyerId: number | null;
  source: string;
  publisherPrefix: string | null;
  legalBasis: string | null;
  firstPublished: string | null;
  lastUpdated: string | null;
  tender: {
    status: string | null;
    method: string | null;
    methodDetails: string | null;
    category: string | null;
    aboveThreshold: boolean | null;
    specialRegimes: string[];
    value: Money;
    periodStart: string | null;
    periodEnd: string | null;
    numberOfTenderers: number | null;
    finalStageBids: number | null;
    smeFinalStageBids: number | null;
    vcseFinalStageBids: number | null;
  };
  cpv: { main: string | null; codes: string[]; invalid: string[] };
  deliveryRegions: { codes: string[]; published: string[] };
  /** Record-level period from the best source (contracts, awards, lots, tender: `from`). */
  contractPeriod: { start: string | null; end: string | null; maxExtent: string | null; from: string | null };
  buyer: {
    organisationId: number;
    partyId: string | null;
    name: string | null;
    identifiers: string[];
    /** UK_CA_TYPE (publicAuthorityCentralGovernment, …, privateUtility), or null. */
    buyerType: string | null;
  } | null;
  parties: PartyFacts[];
  lots: LotFacts[];
  awards: AwardFacts[];
  contracts: ContractFacts[];
  /** Every release of the record as a notice, in date order. */
  notices: NoticeFacts[];
  /**
   * `planning.noEngagementNoticeRationale` (UK4: why no UK2 was published). Not in the contract model: undefined
   * means unknown, and the UK2 check says so instead of guessing.
   */
  noEngagementNoticeRationale?: string | null;
  /** `tender.techniques.hasFrameworkAgreement`. Not in the contract model: undefined means unknown. */
  frameworkAgreement?: boolean | null;
}

/** Per buyer: what the UK1 pipeline check needs. */
export interface BuyerFacts {
  buyerId: number;
  name: string | null;
  buyerType: string | null;
  /**
   * Awarded or contracted value (GBP, VAT included where published) and period of each of the buyer's records, with
   * the day the record was first published (a record published after the as-of day is not counted).
   */
  commitments: {
    ocid: string;
    value: string;
    start: string | null;
    end: string | null;
    published: string | null;
  }[];
  /** UK1 notices on any of the buyer's records. */
  pipelineNotices: { ocid: string; releaseId: string; date: string }[];
}
