// Field coverage: when the contract runs — a start date and an end date or a duration.
import { fail, notApplicable, pass, type RecordCheck } from '../check.js';
import { closedWithoutAward, dayOf } from '../stage.js';

export const coverageContractPeriod: RecordCheck = {
  id: 'coverage-contract-period',
  title: 'Contract period published',
  category: 'coverage',
  scope: 'record',
  severity: 'medium',
  definition:
    'The record says when the contract starts, and either when it ends or how long it lasts (from its ' +
    'contracts, awards, lots or tender, whichever is the latest stage that has them).',
  source:
    'OCDS contractPeriod / Contract.period; ocds_uk_extension durationInMonths. Needed for spend per year, the ' +
    'horizon scan and every contract deadline (UK7, UK9, UK11: domain.md §2).',
  appliesTo: 'Every record except procurements cancelled, unsuccessful or withdrawn without an award.',
  fields: [
    'process.contract_start',
    'process.contract_end',
    'process.contract_dates_from',
    'lot.duration_days',
    'lot.duration_months',
  ],
  evaluate(facts) {
    if (closedWithoutAward(facts))
      return [
        notApplicable('out-of-scope', `Closed without an award (tender status ${facts.tender.status}).`),
      ];
    const p = facts.contractPeriod;
    const from = p.from ? ` (from ${p.from})` : '';
    const duration = facts.lots.some((l) => l.durationDays !== null || l.durationMonths !== null);
    if (p.start === null) return [fail(`No contract start date${p.end ? `; end ${dayOf(p.end)}` : ''}.`)];
    if (p.end === null && !duration)
      return [fail(`Start ${dayOf(p.start)}${from}, but no end date or duration.`)];
    return [pass(`Start ${dayOf(p.start)}${p.end ? `, end ${dayOf(p.end)}` : ', with a duration'}${from}.`)];
  },
};
