// Field coverage: the end date of what was awarded (horizon scanning, UK11), not only the tender's estimate.
import { fail, notApplicable, pass, type RecordCheck } from '../check.js';
import { closedWithoutAward, dayOf, isAwarded } from '../stage.js';

export const coverageEndDate: RecordCheck = {
  id: 'coverage-end-date',
  title: 'Contract end date published',
  category: 'coverage',
  scope: 'record',
  severity: 'medium',
  definition:
    'The record gives the date the contract ends. Once something is awarded, the end date must come from the ' +
    'awards or contracts, not only from the tender or lot estimate.',
  source:
    'OCDS Award.contractPeriod / Contract.period.endDate. Expiry drives the 18/12/6-month horizon scan ' +
    '(design.md §1) and the UK11 30-day deadline (domain.md §2).',
  appliesTo: 'Every record except procurements cancelled, unsuccessful or withdrawn without an award.',
  fields: [
    'process.contract_end',
    'process.contract_dates_from',
    'award.contract_end',
    'contract.period_end',
  ],
  evaluate(facts) {
    if (closedWithoutAward(facts))
      return [
        notApplicable('out-of-scope', `Closed without an award (tender status ${facts.tender.status}).`),
      ];
    const p = facts.contractPeriod;
    if (p.end === null) return [fail('No contract end date at any stage.')];
    const awardedEnd = [...facts.contracts.map((c) => c.end), ...facts.awards.map((a) => a.end)].some(
      (d) => d !== null,
    );
    if (isAwarded(facts) && !awardedEnd)
      return [
        fail(`Awarded, but the only end date (${dayOf(p.end)}) is the ${p.from ?? 'tender'} estimate.`),
      ];
    return [pass(`Ends ${dayOf(p.end)} (from ${p.from ?? 'unknown'}).`)];
  },
};
