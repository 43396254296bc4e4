// Which threshold applies to a procurement (domain.md §1.1–1.3), from the buyer's type (UK_CA_TYPE), the main
// procurement category and the special regimes (`tender.specialRegime`). Thresholds include VAT and apply by the
// procurement's start date: the caller passes the rules of that day.
import { compareDecimals } from '../decimal.js';
import type { RuleId } from './catalogue.js';
import type { RulesInForce } from './in-force.js';

export interface ProcurementKind {
  /** `details.classifications` UK_CA_TYPE of the buyer: publicAuthorityCentralGovernment, …, privateUtility. */
  buyerType: string | null;
  /** `tender.mainProcurementCategory`: goods, services, works. */
  category: string | null;
  /** `tender.specialRegime[]`: lightTouch (seen in FTS data); utilities, defenceAndSecurity, concession [?]. */
  specialRegimes: readonly string[];
}

const has = (regimes: readonly string[], name: string) =>
  regimes.some((r) => r.replace(/[^a-z]/gi, '').toLowerCase() === name.toLowerCase());

export const isLightTouch = (regimes: readonly string[]) => has(regimes, 'lightTouch');
export const isConcession = (regimes: readonly string[]) =>
  has(regimes, 'concession') || has(regimes, 'concessions');
export const isPrivateUtility = (buyerType: string | null) => buyerType === 'privateUtility';
const isCentral = (buyerType: string | null) => buyerType === 'publicAuthorityCentralGovernment';

export type ThresholdRuleId = Extract<RuleId, `threshold.${string}`>;

/** The threshold rule for a procurement, or null when the data does not say enough to choose one. */
export function thresholdRule(kind: ProcurementKind): ThresholdRuleId | null {
  const { buyerType, category, specialRegimes: regimes } = kind;
  const utilities =
    has(regimes, 'utilities') || buyerType === 'privateUtility' || buyerType === 'publicUndertaking';
  if (isLightTouch(regimes)) {
    if (isConcession(regimes)) return 'threshold.light-touch-concessions';
    return utilities ? 'threshold.utilities-light-touch' : 'threshold.light-touch';
  }
  if (isConcession(regimes) || category === 'works') return 'threshold.works-concessions';
  if (has(regimes, 'defenceAndSecurity')) return 'threshold.defence-security-goods-services';
  if (utilities) return 'threshold.utilities-goods-services';
  if (isCentral(buyerType)) return 'threshold.central-goods-services';
  if (buyerType === 'publicAuthoritySubCentralGovernment') return 'threshold.sub-central-goods-services';
  return null;
}

/**
 * Whether a below-threshold contract is notifiable (s.84–88): at or above £12,000 for central government, £30,000
 * for others (VAT included). With the buyer type unknown, only values that are notifiable, or not, either way
 * give an answer; null otherwise (or before the rules applied).
 */
export function isNotifiableBelowThreshold(
  grossValue: string,
  buyerType: string | null,
  rules: RulesInForce,
): boolean | null {
  const central = rules.value('below-threshold.notifiable-central');
  const other = rules.value('below-threshold.notifiable-other');
  if (central === null || other === null) return null;
  const atLeast = (limit: string) => compareDecimals(grossValue, limit) >= 0;
  if (isCentral(buyerType)) return atLeast(central);
  if (buyerType !== null) return atLeast(other);
  if (atLeast(central) && atLeast(other)) return true;
  if (!atLeast(central) && !atLeast(other)) return false;
  return null;
}
