// Market-shaping analytics (issue 6, item 2): concentration, SME/VCSE, local, new entrants, single bids and direct
// awards per market slice and period (docs/market-analytics.md). A query (query.ts) and pure functions (metrics.ts).
export {
  concentrationRatio,
  flagShare,
  hhi,
  isLocal,
  marketFigures,
  share,
  type FlagItem,
  type FlagShare,
  type MarketFigures,
  type Share,
  type SupplierTotal,
} from './metrics.js';
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
