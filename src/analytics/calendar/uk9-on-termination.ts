// Procurement Act s.71: a contract with s.52 KPIs gets a KPI rating (UK9 contract performance notice) on
// termination as well as yearly. domain.md gives no due time for it: the calendar dates it N days after the end
// (kpi-rating.on-termination-days, 30 days, a configurable default). Shaped as a record check so the quality
// runner's evaluateRecord runs it with the others; it is not in the quality registry (no score uses it).
import { addDays, ukDay, type Day } from '../../domain/rules/index.js';
import { notApplicable, type CheckContext, type CheckOutcome, type RecordCheck } from '../quality/check.js';
import { contractEnd } from '../quality/checks/pa-termination-notice.js';
import { judgeDeadline } from '../quality/deadline.js';
import type { ContractFacts, RecordFacts } from '../quality/facts.js';
import { ratingException } from '../quality/kpi-duty.js';
import { isNotice, noticesAsOf, perEnteredContract } from '../quality/stage.js';

/** The first day on or after `from` that a rating was published (UK9) or a rated period ended. */
function ratedFrom(facts: RecordFacts, c: ContractFacts, from: Day, ctx: CheckContext): Day | null {
  const days: Day[] = [];
  for (const n of noticesAsOf(facts, ctx))
    if (isNotice(n, 'UK9', 'contract-performance') && n.day >= from) days.push(n.day);
  for (const r of c.ratings) {
    const d = ukDay(r.periodEnd);
    if (d !== null && d >= from && d <= ctx.asOf) days.push(d);
  }
  return days.sort()[0] ?? null;
}

function judge(facts: RecordFacts, c: ContractFacts, ctx: CheckContext): CheckOutcome {
  const subject = `contract ${c.id}`;
  const exception = ratingException(facts, c, ctx, subject);
  if (exception) return exception;
  const end = contractEnd(facts, c, ctx, (d) => ctx.rules(d).value('termination-notice.days'));
  if (end === null)
    return notApplicable('not-computable', 'No contract end date.', {
      subject,
      missing: ['contracts.period.endDate', 'contracts.implementation.endDate'],
    });
  const version = ctx.rules(end.day).version('kpi-rating.on-termination-days');
  if (version === null)
    return notApplicable('out-of-scope', `No rating-on-termination duty on ${end.day}.`, { subject });
  const done = ratedFrom(facts, c, end.day, ctx);
  if (done === null && end.provisional && ctx.asOf > end.day)
    return notApplicable(
      'not-computable',
      `The period ended ${end.day} but may have been extended (${end.basis}); no end date published.`,
      { subject, missing: ['contracts.implementation.endDate'] },
    );
  const flag = version.configurableDefault ? ' (a configurable default)' : '';
  return judgeDeadline({
    what: 'UK9 KPI rating on termination',
    due: addDays(end.day, version.value),
    basis: `${version.value} days${flag} after the end: ${end.basis}`,
    done,
    asOf: ctx.asOf,
    subject,
  });
}

export const uk9OnTermination: RecordCheck = {
  id: 'calendar-uk9-on-termination',
  title: 'UK9 rating on termination',
  category: 'procurement-act',
  scope: 'record',
  severity: 'high',
  definition:
    'A contract with s.52 KPIs gets a final KPI rating (UK9) when it ends, dated 30 days after the end (a ' +
    'configurable default: domain.md gives no due time). Done when a UK9 is published, or a rated period ends, ' +
    'on or after the end day.',
  source:
    'Procurement Act 2023 s.71 (domain.md §2 UK9). Rules: kpi-rating.on-termination-days [?], ' +
    'kpi.contract-value, termination-notice.days (for an extendable contract’s end).',
  appliesTo:
    'Procurement Act 2023 records, per contract entered into that carries the KPI duty and has KPIs.',
  fields: [
    'contract.period_end',
    'contract.max_extent',
    'contract.actual_end',
    'metric.stage',
    'observation.period_end',
    'notice.notice_type',
    'notice.release_date',
  ],
  evaluate(facts, ctx) {
    return perEnteredContract(facts, ctx, (c) => judge(facts, c, ctx));
  },
};
