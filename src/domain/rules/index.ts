// Rules as dated configuration (design.md §5), seeded from domain.md. Pure.
export { RULES, type RuleCatalogue, type RuleId, type RuleValues } from './catalogue.js';
export { ruleProblems, versionOn, type Day, type Evidence, type Rule, type RuleVersion } from './rule.js';
export { rulesInForce, rulesOn, type RulesInForce, type RulesOn } from './in-force.js';
export {
  addDays,
  addMonths,
  addWorkingDays,
  daysBetween,
  financialYearEnd,
  financialYearStart,
  isDay,
  ukDay,
} from './calendar.js';
export { procurementRegime, type Regime, type RegimeFinding, type RegimeInput } from './regime.js';
export {
  isConcession,
  isLightTouch,
  isNotifiableBelowThreshold,
  isPrivateUtility,
  thresholdRule,
  type ProcurementKind,
  type ThresholdRuleId,
} from './thresholds.js';
export {
  HORIZON_LEAD_TIMES,
  describeBand,
  leadTimeBand,
  leadTimeMonths,
  leadTimesOn,
  type LeadTimeBand,
  type LeadTimePolicy,
} from './horizon.js';
export {
  HHI_BAND_SETS,
  MARKET_POLICY,
  hhiBand,
  marketPolicyOn,
  type HhiBand,
  type HhiBandSet,
  type MarketPolicy,
} from './market.js';
