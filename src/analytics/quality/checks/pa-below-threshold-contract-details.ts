// Procurement Act Part 6: a notifiable below-threshold contract always gets a UK7 contract details notice (s.87).
import { addDays, isNotifiableBelowThreshold } from '../../../domain/rules/index.js';
import { notApplicable, type CheckContext, type CheckOutcome, type RecordCheck } from '../check.js';
import { judgeDeadline, signatureDay } from '../deadline.js';
import type { AwardFacts, RecordFacts } from '../facts.js';
import { isBelowThreshold, isNotice, liveAwards, noticesAsOf, outsideAct, startDay } from '../stage.js';
import { describe } from '../value.js';

/** Whether the award is a notifiable below-threshold contract, by the rules in force when the procurement started. */
function notifiable(facts: RecordFacts, a: AwardFacts, ctx: CheckContext): boolean | null {
  const rules = ctx.rules(startDay(facts) ?? ctx.asOf);
  const buyerType = facts.buyer?.buyerType ?? null;
  if (a.value.gross !== null) return isNotifiableBelowThreshold(a.value.gross, buyerType, rules);
  // Net only: notifiable if the net figure already is; otherwise VAT could tip it over (unknown).
  if (a.value.amount !== null && isNotifiableBelowThreshold(a.value.amount, buyerType, rules) === true)
    return true;
  return null;
}

export const paBelowThresholdContractDetails: RecordCheck = {
  id: 'pa-below-threshold-contract-details',
  title: 'Below-threshold UK7 published',
  category: 'procurement-act',
  scope: 'record',
  severity: 'high',
  definition:
    'A notifiable below-threshold contract (from £12,000 for central government, £30,000 for other authorities, ' +
    'VAT included) gets a UK7 contract details notice within 30 days of being entered into. The signature day is ' +
    'the contract’s dateSigned, else the award’s expected signature date, else the award date.',
  source:
    'Procurement Act 2023 s.84–88, s.87 (domain.md §1.3, §2 UK7). Rules: below-threshold.notifiable-central, ' +
    'below-threshold.notifiable-other (on the start day), contract-details.days (on the signature day).',
  appliesTo: 'Procurement Act 2023 records, per live award published as below threshold.',
  fields: [
    'process.legal_basis',
    'process.above_threshold',
    'award.above_threshold',
    'award.value',
    'award.value_gross',
    'award.future_signature_date',
    'award.award_date',
    'organisation.buyer_type',
    'notice.notice_type',
    'contract.date_signed',
  ],
  evaluate(facts, ctx) {
    const awards = liveAwards(facts).filter((a) => isBelowThreshold(facts, a));
    if (awards.length === 0) return [notApplicable('out-of-scope', 'No live below-threshold award.')];
    const outside = outsideAct(facts, ctx);
    if (outside) return [outside];
    const uk7 = noticesAsOf(facts, ctx).find((n) => isNotice(n, 'UK7', 'contract-details'));
    return awards.map((a): CheckOutcome => {
      const subject = `award ${a.id}`;
      const isNotifiable = notifiable(facts, a, ctx);
      if (isNotifiable === null)
        return notApplicable('not-computable', `Cannot tell whether ${describe(a.value)} is notifiable.`, {
          subject,
          missing: ['awards.value.amountGross', 'buyer details.classifications (UK_CA_TYPE)'],
        });
      if (!isNotifiable)
        return notApplicable('out-of-scope', `${describe(a.value)} is below the notifiable limit.`, {
          subject,
        });
      const signature = signatureDay(a, facts.contracts, null, ctx.rules);
      const days = signature ? ctx.rules(signature.day).value('contract-details.days') : null;
      if (!signature || days === null)
        return notApplicable('not-computable', 'No date to count the UK7 deadline from.', {
          subject,
          missing: ['contracts.dateSigned', 'awards.date'],
        });
      const linked = facts.contracts.some((c) => c.awardId === a.id);
      return judgeDeadline({
        what: 'UK7 contract details notice',
        due: addDays(signature.day, days),
        basis: `${days} days after ${signature.basis}; notifiable at ${describe(a.value)}`,
        done: uk7 && (awards.length === 1 || linked) ? uk7.day : null,
        asOf: ctx.asOf,
        subject,
      });
    });
  },
};
