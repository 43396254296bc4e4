// Whether a contract carries the s.52 KPI duty (domain.md §2.2): a public contract with an estimated value over
// £5m, unless it is light-touch, a concession, a framework or a private utility's. Shared by the KPI and UK9 checks.
import { isConcession, isLightTouch, isPrivateUtility } from '../../domain/rules/index.js';
import { notApplicable, type CheckContext, type CheckOutcome } from './check.js';
import type { ContractFacts, Money, RecordFacts } from './facts.js';
import { startDay } from './stage.js';
import { describe, exceeds, hasAmount } from './value.js';

/** The contract's value, else its award's. */
export function contractValue(facts: RecordFacts, c: ContractFacts): Money {
  if (hasAmount(c.value)) return c.value;
  return facts.awards.find((a) => a.id === c.awardId)?.value ?? c.value;
}

/** Null when the duty applies; else why not, as a not-applicable outcome for `subject`. */
export function kpiDutyException(
  facts: RecordFacts,
  c: ContractFacts,
  ctx: CheckContext,
  subject: string,
): CheckOutcome | null {
  const regimes = facts.tender.specialRegimes;
  if (isLightTouch(regimes) || isConcession(regimes))
    return notApplicable('out-of-scope', `No KPI duty for ${regimes.join(', ')} contracts.`, { subject });
  if (isPrivateUtility(facts.buyer?.buyerType ?? null))
    return notApplicable('out-of-scope', 'No KPI duty for private utilities.', { subject });
  if (facts.frameworkAgreement === true)
    return notApplicable('out-of-scope', 'No KPI duty for a framework.', { subject });
  const limit = ctx.rules(startDay(facts) ?? ctx.asOf).value('kpi.contract-value');
  if (limit === null)
    return notApplicable('out-of-scope', 'No KPI duty in force when it started.', { subject });
  const value = contractValue(facts, c);
  const over = exceeds(value, limit);
  if (over === null)
    return notApplicable('not-computable', `Cannot tell whether ${describe(value)} is over £${limit}.`, {
      subject,
      missing: ['contracts.value.amountGross'],
    });
  if (!over) return notApplicable('out-of-scope', `${describe(value)} is not over £${limit}.`, { subject });
  return null;
}

/** Null when the contract carries the KPI duty and has KPIs to rate (UK9); else why not. */
export function ratingException(
  facts: RecordFacts,
  c: ContractFacts,
  ctx: CheckContext,
  subject: string,
): CheckOutcome | null {
  const exception = kpiDutyException(facts, c, ctx, subject);
  if (exception) return exception;
  if (c.kpiIds.length === 0)
    return notApplicable('out-of-scope', 'No KPIs set, so none to rate.', { subject });
  return null;
}
