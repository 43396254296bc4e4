// Coherence: periods that end before they start, or whose maximum extent is before their end.
import { fail, notApplicable, pass, type RecordCheck } from '../check.js';
import { dayOf } from '../stage.js';

interface Span {
  where: string;
  start: string | null;
  end: string | null;
  maxExtent: string | null;
}

export const coherenceEndBeforeStart: RecordCheck = {
  id: 'coherence-end-before-start',
  title: 'Period ends before start',
  category: 'coherence',
  scope: 'record',
  severity: 'medium',
  definition:
    'A contract period (of a lot, an award, a contract, or the tender) ends before it starts, or its maximum ' +
    'extent (with all extensions) is before its end.',
  source: 'OCDS Period (startDate ≤ endDate ≤ maxExtentDate).',
  appliesTo: 'Records with at least one period that has two of start, end and maximum extent.',
  fields: [
    'lot.contract_start',
    'lot.contract_end',
    'lot.contract_max_extent',
    'award.contract_start',
    'award.contract_end',
    'award.contract_max_extent',
    'contract.period_start',
    'contract.period_end',
    'contract.max_extent',
    'process.contract_dates_from',
  ],
  evaluate(facts) {
    const spans: Span[] = [
      ...facts.lots.map((l) => ({ where: `lot ${l.id}`, ...l })),
      ...facts.awards.map((a) => ({ where: `award ${a.id}`, ...a })),
      ...facts.contracts.map((c) => ({ where: `contract ${c.id}`, ...c })),
    ];
    if (facts.contractPeriod.from === 'tender') spans.push({ where: 'tender', ...facts.contractPeriod });
    let judged = 0;
    const problems: string[] = [];
    for (const s of spans) {
      if (s.start !== null && s.end !== null) {
        judged += 1;
        if (s.end < s.start)
          problems.push(`${s.where} ends ${dayOf(s.end)}, before it starts ${dayOf(s.start)}`);
      }
      if (s.end !== null && s.maxExtent !== null) {
        judged += 1;
        if (s.maxExtent < s.end)
          problems.push(`${s.where} maximum extent ${dayOf(s.maxExtent)} is before its end ${dayOf(s.end)}`);
      }
    }
    if (judged === 0) return [notApplicable('out-of-scope', 'No period with two dates to compare.')];
    if (problems.length > 0) return [fail(`${problems.join('; ')}.`)];
    return [pass(`${judged} date pair(s) in order.`)];
  },
};
