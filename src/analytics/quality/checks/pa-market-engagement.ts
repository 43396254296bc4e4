// Procurement Act s.16–17: an above-threshold tender notice is preceded by a UK2 preliminary market engagement
// notice, or gives its reasons for not publishing one.
import { compareDecimals } from '../../../domain/decimal.js';
import { thresholdRule } from '../../../domain/rules/index.js';
import { fail, notApplicable, pass, type CheckContext, type RecordCheck } from '../check.js';
import type { RecordFacts } from '../facts.js';
import { isNotice, noticesAsOf, outsideAct, startDay } from '../stage.js';

/** Published aboveThreshold; else the estimated value (VAT included) against the threshold in force at the start. */
function aboveThreshold(facts: RecordFacts, ctx: CheckContext): boolean | null {
  if (facts.tender.aboveThreshold !== null) return facts.tender.aboveThreshold;
  const rule = thresholdRule({
    buyerType: facts.buyer?.buyerType ?? null,
    category: facts.tender.category,
    specialRegimes: facts.tender.specialRegimes,
  });
  const gross = facts.tender.value.gross;
  const limit = rule ? ctx.rules(startDay(facts) ?? ctx.asOf).value(rule) : null;
  if (gross === null || limit === null) return null;
  return compareDecimals(gross, limit) >= 0;
}

export const paMarketEngagement: RecordCheck = {
  id: 'pa-market-engagement',
  title: 'UK2 or engagement rationale',
  category: 'procurement-act',
  scope: 'record',
  severity: 'medium',
  definition:
    'An above-threshold procurement whose UK4 tender notice is published has a UK2 preliminary market engagement ' +
    'notice dated on or before the UK4, or the UK4 gives a reason for publishing none ' +
    '(planning.noEngagementNoticeRationale). Where no engagement took place there is no duty, and the data ' +
    'cannot show that: a failure means "neither a UK2 nor a reason", to be confirmed by the buyer.',
  source:
    'Procurement Act 2023 s.16–17 (domain.md §2 UK2: "Before UK4 if engagement happened above threshold. ' +
    'Otherwise give reasons in UK4"; ocds_uk_extension Planning.noEngagementNoticeRationale). Threshold rules ' +
    '(threshold.*) on the start day when aboveThreshold is not published.',
  appliesTo: 'Procurement Act 2023 records with a UK4 tender notice, above threshold.',
  fields: [
    'notice.notice_type',
    'notice.release_date',
    'process.above_threshold',
    'process.tender_value_gross',
  ],
  gaps: [
    'planning.noEngagementNoticeRationale is not in the contract model: without a UK2 the result is ' +
      'not-computable until it is projected (see docs/quality-checks.md).',
  ],
  evaluate(facts, ctx) {
    const notices = noticesAsOf(facts, ctx);
    const uk4 = notices.find((n) => isNotice(n, 'UK4', 'tender'));
    if (!uk4) return [notApplicable('out-of-scope', `No UK4 tender notice by ${ctx.asOf}.`)];
    const outside = outsideAct(facts, ctx);
    if (outside) return [outside];
    const above = aboveThreshold(facts, ctx);
    if (above === null)
      return [
        notApplicable('not-computable', 'Cannot tell whether the procurement is above threshold.', {
          missing: ['tender.aboveThreshold'],
        }),
      ];
    if (!above) return [notApplicable('out-of-scope', 'Below threshold: no UK2 duty.')];
    const uk2 = notices.find((n) => isNotice(n, 'UK2', 'market-engagement') && n.day <= uk4.day);
    if (uk2) return [pass(`UK2 published ${uk2.day}, before the UK4 of ${uk4.day}.`, { doneDate: uk2.day })];
    const rationale = facts.noEngagementNoticeRationale;
    if (rationale === undefined)
      return [
        notApplicable(
          'not-computable',
          `No UK2 before the UK4 of ${uk4.day}; whether the UK4 gives a reason is not known.`,
          {
            missing: ['planning.noEngagementNoticeRationale'],
          },
        ),
      ];
    if (rationale) return [pass(`No UK2; the UK4 gives a reason: "${rationale}".`)];
    return [fail(`No UK2 before the UK4 of ${uk4.day}, and no reason given for not publishing one.`)];
  },
};
