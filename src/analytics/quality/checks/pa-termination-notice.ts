// Procurement Act s.80: a UK11 contract termination notice within 30 days of any end of a contract (expiry,
// completion or early termination).
import { addDays, isPrivateUtility, ukDay, type Day } from '../../../domain/rules/index.js';
import { notApplicable, type CheckContext, type CheckOutcome, type RecordCheck } from '../check.js';
import { judgeDeadline } from '../deadline.js';
import type { ContractFacts, RecordFacts } from '../facts.js';
import { enteredContracts, isNotice, noticesAsOf, outsideAct, startDay } from '../stage.js';

export interface ContractEnd {
  day: Day;
  basis: string;
  /** The end may still move (an extension is possible and no end is confirmed). */
  provisional: boolean;
}

/**
 * When the contract ended or ends: implementation end date; else its period end, or its maximum extent if
 * extendable. `days(d)` is the UK11 notice period on day d (shared with the calendar's final KPI rating duty).
 */
export function contractEnd(
  facts: RecordFacts,
  c: ContractFacts,
  ctx: CheckContext,
  days: (d: Day) => number | null,
): ContractEnd | null {
  const actual = ukDay(c.actualEnd);
  if (actual) return { day: actual, basis: `ended ${actual}`, provisional: false };
  const award = facts.awards.find((a) => a.id === c.awardId);
  const end = ukDay(c.end) ?? ukDay(award?.end ?? null);
  if (end === null) return null;
  if (c.status === 'terminated')
    return { day: end, basis: `terminated, period end ${end}`, provisional: false };
  const max = ukDay(c.maxExtent) ?? ukDay(award?.maxExtent ?? null);
  if (max === null || max <= end) return { day: end, basis: `period ends ${end}`, provisional: false };
  // Extendable: once even the maximum extent has passed by more than the notice period, the contract has ended.
  const after = days(max);
  if (after !== null && ctx.asOf > addDays(max, after))
    return { day: max, basis: `maximum extent ${max} (no earlier end published)`, provisional: false };
  return { day: end, basis: `period ends ${end}, extendable to ${max}`, provisional: true };
}

function judge(facts: RecordFacts, c: ContractFacts, ctx: CheckContext, uk11: Day | null): CheckOutcome {
  const subject = `contract ${c.id}`;
  const days = (d: Day) => ctx.rules(d).value('termination-notice.days');
  if (c.aboveThreshold === false || facts.tender.aboveThreshold === false) {
    const below = ctx.rules(startDay(facts) ?? ctx.asOf).version('termination-notice.below-threshold');
    if (below && !below.value)
      return notApplicable('out-of-scope', 'Below threshold: no UK11 duty (a configurable default).', {
        subject,
      });
  }
  const end = contractEnd(facts, c, ctx, days);
  if (end === null)
    return notApplicable('not-computable', 'No contract end date.', {
      subject,
      missing: ['contracts.period.endDate', 'contracts.implementation.endDate'],
    });
  const n = days(end.day);
  if (n === null) return notApplicable('out-of-scope', `No UK11 duty in force on ${end.day}.`, { subject });
  const due = addDays(end.day, n);
  if (uk11 === null && end.provisional && ctx.asOf > end.day)
    return notApplicable(
      'not-computable',
      `The period ended ${end.day} but may have been extended (${end.basis}); no end date or UK11 published.`,
      { subject, missing: ['contracts.implementation.endDate'] },
    );
  return judgeDeadline({
    what: 'UK11 contract termination notice',
    due,
    basis: `${n} days after the end: ${end.basis}`,
    done: uk11,
    asOf: ctx.asOf,
    subject,
  });
}

export const paTerminationNotice: RecordCheck = {
  id: 'pa-termination-notice',
  title: 'UK11 after contract end',
  category: 'procurement-act',
  scope: 'record',
  severity: 'high',
  definition:
    'When a contract ends (expiry, completion or early termination), a UK11 contract termination notice is ' +
    'published within 30 days. The end is the implementation end date, else the period end; an extendable ' +
    'contract past its period end with no end published cannot be judged until its maximum extent has passed.',
  source:
    'Procurement Act 2023 s.80 (domain.md §2 UK11; private utilities exempt, §1.2). Rules: ' +
    'termination-notice.days (on the end day), termination-notice.below-threshold [?].',
  appliesTo:
    'Procurement Act 2023 records, per contract entered into; not private utilities; not below-threshold ' +
    'contracts (configurable default).',
  fields: [
    'contract.status',
    'contract.period_end',
    'contract.max_extent',
    'contract.actual_end',
    'contract.above_threshold',
    'award.contract_end',
    'notice.notice_type',
    'notice.release_date',
    'organisation.buyer_type',
  ],
  gaps: [
    'A UK11 notice is not linked to the contract it ends: with several contracts, one UK11 counts for all.',
    'Directly awarded user-choice services are exempt, but the model cannot tell them apart.',
  ],
  evaluate(facts, ctx) {
    const contracts = enteredContracts(facts);
    if (contracts.length === 0) return [notApplicable('out-of-scope', 'No contract entered into.')];
    const outside = outsideAct(facts, ctx);
    if (outside) return [outside];
    if (isPrivateUtility(facts.buyer?.buyerType ?? null))
      return [notApplicable('out-of-scope', 'Private utilities publish no UK11.')];
    const uk11 =
      noticesAsOf(facts, ctx).find((n) => isNotice(n, 'UK11', 'contract-termination'))?.day ?? null;
    return contracts.map((c) => judge(facts, c, ctx, uk11));
  },
};
