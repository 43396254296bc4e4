// Data-quality checks (issue 5, item 1): definitions and registry, facts, loader and runner. The scorecard and the
// compliance calendar are built on the results (docs/quality-checks.md).
export type {
  BuyerCheck,
  CheckCategory,
  CheckContext,
  CheckOutcome,
  CheckResult,
  CheckStatus,
  NotApplicableReason,
  QualityCheck,
  RecordCheck,
  Severity,
} from './check.js';
export { buildRecordFacts, type ModelRows } from './build-facts.js';
export type { BuyerFacts, RecordFacts } from './facts.js';
export { loadBuyerFacts, loadRecordFacts, type QualityScope } from './load-facts.js';
export { BUYER_CHECKS, QUALITY_CHECKS, RECORD_CHECKS, qualityCheck } from './registry.js';
export {
  collectQualityResults,
  evaluateBuyer,
  evaluateRecord,
  qualityContext,
  runQualityChecks,
  runQualityChecksOn,
  type RunOptions,
} from './run.js';
