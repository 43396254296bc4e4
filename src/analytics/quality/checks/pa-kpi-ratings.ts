// Procurement Act s.71: KPI ratings (UK9 contract performance notice) at least every 12 months for a contract
// with s.52 KPIs.
import { addMonths, ukDay, type Day } from '../../../domain/rules/index.js';
import {
  fail,
  notApplicable,
  pass,
  type CheckContext,
  type CheckOutcome,
  type RecordCheck,
} from '../check.js';
import type { ContractFacts, RecordFacts } from '../facts.js';
import { ratingException } from '../kpi-duty.js';
import { isNotice, noticesAsOf, perEnteredContract } from '../stage.js';

/** Days a rating was published or covers: UK9 notices, else the end of each rated period. */
function ratingDays(facts: RecordFacts, c: ContractFacts, ctx: CheckContext): Day[] {
  const days = new Set<Day>();
  for (const n of noticesAsOf(facts, ctx)) if (isNotice(n, 'UK9', 'contract-performance')) days.add(n.day);
  for (const r of c.ratings) {
    const d = ukDay(r.periodEnd);
    if (d !== null && d <= ctx.asOf) days.add(d);
  }
  return [...days].sort();
}

function judge(facts: RecordFacts, c: ContractFacts, ctx: CheckContext): CheckOutcome {
  const subject = `contract ${c.id}`;
  const exception = ratingException(facts, c, ctx, subject);
  if (exception) return exception;
  const start = ukDay(c.start) ?? ukDay(c.dateSigned);
  if (start === null)
    return notApplicable('not-computable', 'No contract start or signature date.', {
      subject,
      missing: ['contracts.period.startDate', 'contracts.dateSigned'],
    });
  const months = ctx.rules(start).value('kpi-rating.interval-months');
  if (months === null) return notApplicable('out-of-scope', `No UK9 duty in force on ${start}.`, { subject });
  const end = ukDay(c.actualEnd) ?? ukDay(c.end);
  const running = (day: Day) => end === null || end >= day;
  const ratings = ratingDays(facts, c, ctx).filter((d) => d >= start);
  let due = addMonths(start, months);
  let previous = start;
  for (const r of ratings) {
    if (r > due && running(due))
      return fail(`No KPI rating between ${previous} and ${due} (the next came ${r}).`, {
        subject,
        dueDate: due,
        doneDate: r,
      });
    previous = r;
    due = addMonths(r, months);
  }
  const last = ratings.at(-1);
  const done = last ? { doneDate: last } : {};
  if (!running(due))
    return notApplicable(
      'out-of-scope',
      `Ended ${end} before the next rating fell due (${due}); the final rating on termination is not checked.`,
      {
        subject,
        ...done,
      },
    );
  if (ctx.asOf > due)
    return fail(`No KPI rating since ${previous}; one was due by ${due} (every ${months} months).`, {
      subject,
      dueDate: due,
      ...done,
    });
  if (last)
    return pass(`Last rated ${last}; next rating due by ${due}.`, { subject, dueDate: due, doneDate: last });
  return notApplicable('not-yet-due', `First KPI rating due by ${due} (${months} months after ${start}).`, {
    subject,
    dueDate: due,
  });
}

export const paKpiRatings: RecordCheck = {
  id: 'pa-kpi-ratings',
  title: 'UK9 KPI ratings overdue',
  category: 'procurement-act',
  scope: 'record',
  severity: 'high',
  definition:
    'A contract with s.52 KPIs gets KPI ratings (a UK9 contract performance notice) at least every 12 months ' +
    'while it runs: no more than 12 months may pass from its start to the first rating, between ratings, or ' +
    'from the last rating to the as-of day.',
  source:
    'Procurement Act 2023 s.71 (domain.md §2 UK9, §2.3 rating scale). Rules: kpi-rating.interval-months (on ' +
    'the start day), kpi.contract-value.',
  appliesTo:
    'Procurement Act 2023 records, per contract entered into that carries the KPI duty (see pa-kpis) and has ' +
    'at least one KPI.',
  fields: [
    'contract.period_start',
    'contract.date_signed',
    'contract.period_end',
    'contract.actual_end',
    'metric.stage',
    'observation.period_end',
    'observation.measure_classification',
    'notice.notice_type',
    'notice.release_date',
  ],
  gaps: [
    'A UK9 notice is not linked to the contract it rates: with several contracts, one UK9 counts for all.',
    'The rating due on termination is not checked (no due time in domain.md).',
  ],
  evaluate(facts, ctx) {
    return perEnteredContract(facts, ctx, (c) => judge(facts, c, ctx));
  },
};
