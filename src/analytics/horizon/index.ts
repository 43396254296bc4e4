// Horizon scan (issue 6, item 1): let contracts ending in the next months, with value, incumbents, procedure,
// extension headroom and "decision due by" (docs/horizon-scan.md). A query (query.ts) and pure functions.
export {
  HORIZON_BASES,
  decisionDueBy,
  extensionHeadroom,
  horizonDate,
  inWindow,
  windowEnd,
  type Headroom,
  type HorizonBasis,
  type HorizonDate,
} from './dates.js';
export {
  horizonItemPath,
  horizonSupplierNames,
  toHorizonItem,
  type HorizonItem,
  type HorizonItemMission,
  type HorizonSource,
} from './item.js';
export { howProcured, type Procedure, type ProcedureInput } from '../../domain/procedure.js';
export {
  HORIZON_SORTS,
  findHorizonPage,
  summariseHorizon,
  type HorizonPageOptions,
  type HorizonRow,
  type HorizonScope,
  type HorizonSort,
  type KeyRange,
  type RegisterRowFields,
  type WindowTotal,
} from './query.js';
export { countedScope, scanFromDayCounts, scanHorizon, type CountedScan } from './day-counts.js';
export { findHorizonMissions, type HorizonMissionTag } from './missions.js';
export {
  ALERT_REASONS,
  alertReasons,
  countHorizonAlerts,
  findHorizonAlerts,
  type AlertReason,
  type AlertScope,
  type HorizonAlertRow,
} from './alerts.js';
