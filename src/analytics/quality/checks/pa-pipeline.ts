// Procurement Act s.93: a buyer that expects to pay more than £100m under relevant contracts in the financial year
// publishes a UK1 pipeline notice within 56 days beginning with 1 April (1 April – 26 May).
import {
  addDays,
  daysBetween,
  financialYearEnd,
  financialYearStart,
  isPrivateUtility,
  ukDay,
  type Day,
} from '../../../domain/rules/index.js';
import { notApplicable, type BuyerCheck, type CheckContext, type CheckOutcome } from '../check.js';
import { judgeDeadline } from '../deadline.js';
import type { BuyerFacts } from '../facts.js';

/**
 * Payments expected in the financial year, estimated from published contracts: each contract's value spread
 * evenly over its period, the part falling in the year. Contracts without a period or value are left out, so this
 * is a floor. Records first published after `asOf` are not counted. An estimate in pounds, not accounting:
 * doubles are fine here.
 */
export function estimatedSpend(
  facts: BuyerFacts,
  from: Day,
  to: Day,
  asOf: Day = to,
): { pounds: number; contracts: number } {
  let pounds = 0;
  let contracts = 0;
  for (const c of facts.commitments) {
    const published = ukDay(c.published);
    if (published !== null && published > asOf) continue;
    const start = ukDay(c.start);
    const end = ukDay(c.end);
    const value = Number(c.value);
    if (start === null || end === null || end < start || !(value > 0)) continue;
    const overlap = daysBetween(start > from ? start : from, end < to ? end : to) + 1;
    if (overlap <= 0) continue;
    pounds += (value * overlap) / (daysBetween(start, end) + 1);
    contracts += 1;
  }
  return { pounds: Math.round(pounds), contracts };
}

/** `2026-04-01` → `FY 2026-27`. */
export const fyLabel = (start: Day) =>
  `FY ${start.slice(0, 4)}-${String(Number(start.slice(2, 4)) + 1).padStart(2, '0')}`;

/**
 * The UK1 duty of one financial year (starting `fy`), judged as of ctx.asOf: the spend estimate counts records
 * published by then; the notice counts when published in the year's window or later in the same year. Used by the
 * check for the current year and by the compliance calendar for past and coming years.
 */
export function pipelineOutcome(facts: BuyerFacts, fy: Day, ctx: CheckContext): CheckOutcome {
  const subject = fyLabel(fy);
  if (isPrivateUtility(facts.buyerType))
    return notApplicable('out-of-scope', 'Private utilities publish no UK1.', { subject });
  const rules = ctx.rules(fy);
  const limit = rules.value('pipeline.spend-threshold');
  const window = rules.value('pipeline.window-days');
  if (limit === null || window === null)
    return notApplicable('out-of-scope', `No pipeline duty for the year starting ${fy}.`, { subject });
  const fyEnd = financialYearEnd(fy);
  const spend = estimatedSpend(facts, fy, fyEnd, ctx.asOf);
  const estimate = `£${spend.pounds} estimated from ${spend.contracts} published contract(s)`;
  if (spend.pounds <= Number(limit))
    return notApplicable('out-of-scope', `${estimate}: not over £${limit}.`, { subject });
  const seenTo = ctx.asOf < fyEnd ? ctx.asOf : fyEnd;
  const done =
    facts.pipelineNotices
      .map((n) => ukDay(n.date))
      .filter((d): d is Day => d !== null && d >= fy && d <= seenTo)
      .sort()[0] ?? null;
  return judgeDeadline({
    what: 'UK1 pipeline notice',
    due: addDays(fy, window - 1),
    basis: `${window} days beginning ${fy}; ${estimate}`,
    done,
    asOf: ctx.asOf,
    subject,
  });
}

export const paPipeline: BuyerCheck = {
  id: 'pa-pipeline',
  title: 'UK1 pipeline notice published',
  category: 'procurement-act',
  scope: 'buyer',
  severity: 'high',
  definition:
    'A buyer whose payments under its published contracts in the current financial year are estimated above ' +
    '£100m publishes a UK1 pipeline notice between 1 April and 26 May. The estimate spreads each contract’s ' +
    'value (VAT included where published) evenly over its period; it only sees published contracts, so a ' +
    'buyer below it may still have the duty.',
  source:
    'Procurement Act 2023 s.93(1)–(3) (domain.md §2.1 [V]; private utilities exempt). Rules: ' +
    'pipeline.spend-threshold, pipeline.window-days, in force on 1 April of the year.',
  appliesTo:
    'Each buyer organisation (not a record), for the financial year holding the as-of day; not private utilities.',
  fields: [
    'process.buyer_id',
    'process.contract_value(_gross)',
    'process.award_value(_gross)',
    'process.contract_start',
    'process.contract_end',
    'notice.notice_type',
    'notice.release_date',
    'organisation.buyer_type',
  ],
  gaps: [
    'The duty depends on what the buyer expects to pay (including unpublished below-threshold spend); the ' +
      'model has no payments, so the estimate is a floor from published contract values.',
  ],
  evaluate(facts, ctx) {
    return [pipelineOutcome(facts, financialYearStart(ctx.asOf), ctx)];
  },
};
