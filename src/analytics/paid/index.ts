// Paid-money analytics (issue 9 item 5, docs/paid-money.md): what buyers actually paid, by supplier, category,
// place and period; SME, VCSE and local shares of paid money; spend on and off contract. Queries (query.ts,
// postcode-region.ts) and pure functions (figures.ts, matching.ts).
export {
  PERIOD_KINDS,
  paidByPeriod,
  paidFigures,
  periodOf,
  supplierKey,
  type PaidFigures,
  type PaidPeriod,
  type PaidRow,
  type PaidSupplier,
  type PaidTotal,
  type PeriodKind,
  type SupplierFacts,
} from './figures.js';
export {
  DEFAULT_MATCH_SLACK_DAYS,
  covers,
  matchContracts,
  paymentCpv,
  type ContractMatch,
  type MatchContract,
} from './matching.js';
export { findBuyers, findMatchContracts, findPaidRows, findSupplierFacts } from './query.js';
export {
  buildPostcodeRegions,
  postcodeRegions,
  regionOfPostcode,
  regionOfPostcodes,
  type PostcodeRegions,
} from './postcode-region.js';
export {
  findAuthorityBuyers,
  findPlaceBuyers,
  findRegisterTotals,
  type RegisterTotals,
} from './place-query.js';
