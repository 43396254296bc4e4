// Market-shaping analytics (issue 6, item 2): concentration, SME/VCSE, local, new entrants, single bids and direct
// awards per market slice and period (docs/market-analytics.md). Formulas (metrics.ts), sums (tally.ts) filled from
// the fact rows (query.ts) or from the summary table (summary-query.ts, summary-path.ts; refreshed by
// summary-refresh.ts).
export {
  concentrationRatio,
  flagShare,
  hhi,
  isLocal,
  share,
  type FlagItem,
  type FlagShare,
  type MarketFigures,
  type Share,
  type SupplierTotal,
} from './metrics.js';
export { marketFigures } from './tally.js';
export { countUndatedAwards, findMarketRows, type MarketRow, type MarketScope } from './query.js';
export {
  supplierFigures,
  supplierValue,
  type SupplierBuyer,
  type SupplierFigures,
  type SupplierMarket,
  type SupplierYear,
} from './supplier.js';
export { findMarketSizes, findSupplierAwards, type SupplierAwardRow } from './supplier-query.js';
export type { SupplierQueryOptions } from './award-rows.js';
