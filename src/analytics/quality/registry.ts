// Every data-quality check, in the order pages and docs list them (docs/quality-checks.md). One registry feeds the
// runner, and later the scorecard, API, CLI and calendar (style.md §5).
import type { BuyerCheck, QualityCheck, RecordCheck } from './check.js';
import { coherenceAwardAfterStart } from './checks/coherence-award-after-start.js';
import { coherenceDuplicateSuppliers } from './checks/coherence-duplicate-suppliers.js';
import { coherenceEndBeforeStart } from './checks/coherence-end-before-start.js';
import { coherenceValueRange } from './checks/coherence-value-range.js';
import { coverageBuyerIdentifier } from './checks/coverage-buyer-identifier.js';
import { coverageContractPeriod } from './checks/coverage-contract-period.js';
import { coverageCpv } from './checks/coverage-cpv.js';
import { coverageCurrency } from './checks/coverage-currency.js';
import { coverageEndDate } from './checks/coverage-end-date.js';
import { coverageRegion } from './checks/coverage-region.js';
import { coverageSmeVcse } from './checks/coverage-sme-vcse.js';
import { coverageSupplierIdentifier } from './checks/coverage-supplier-identifier.js';
import { coverageTenderers } from './checks/coverage-tenderers.js';
import { coverageValue } from './checks/coverage-value.js';
import { paBelowThresholdContractDetails } from './checks/pa-below-threshold-contract-details.js';
import { paContractDetails } from './checks/pa-contract-details.js';
import { paKpiRatings } from './checks/pa-kpi-ratings.js';
import { paKpis } from './checks/pa-kpis.js';
import { paMarketEngagement } from './checks/pa-market-engagement.js';
import { paPipeline } from './checks/pa-pipeline.js';
import { paTerminationNotice } from './checks/pa-termination-notice.js';

export const RECORD_CHECKS: readonly RecordCheck[] = [
  coverageValue,
  coverageCurrency,
  coverageCpv,
  coverageContractPeriod,
  coverageEndDate,
  coverageSupplierIdentifier,
  coverageBuyerIdentifier,
  coverageRegion,
  coverageSmeVcse,
  coverageTenderers,
  coherenceAwardAfterStart,
  coherenceEndBeforeStart,
  coherenceValueRange,
  coherenceDuplicateSuppliers,
  paContractDetails,
  paKpis,
  paKpiRatings,
  paTerminationNotice,
  paMarketEngagement,
  paBelowThresholdContractDetails,
];

export const BUYER_CHECKS: readonly BuyerCheck[] = [paPipeline];

export const QUALITY_CHECKS: readonly QualityCheck[] = [...RECORD_CHECKS, ...BUYER_CHECKS];

export function qualityCheck(id: string): QualityCheck | undefined {
  return QUALITY_CHECKS.find((c) => c.id === id);
}
