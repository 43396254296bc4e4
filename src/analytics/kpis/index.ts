// KPIs and ratings (issue 8, item 4; docs/kpis.md): KPIs read from the data and entered by buyers, their rating
// schedule and overdue flags, and the distribution of ratings per any grouping. A query (query.ts) and pure
// functions (ratings.ts), for the KPI pages now and a mission dashboard later.
export { loadKpis, type KpiRatingRecord, type KpiRecord, type KpiScope } from './query.js';
export {
  cpvDivisionOf,
  distribution,
  overdueOnly,
  scheduleOf,
  totalOf,
  withStatus,
  type DistributionRow,
  type KpiWithStatus,
} from './ratings.js';
