// Coherence: a contract cannot start before it was awarded; when it seems to, one of the two dates is wrong (or
// the award was published retrospectively, which the buyer should then say).
import { fail, notApplicable, pass, type RecordCheck } from '../check.js';
import { dayOf, liveAwards } from '../stage.js';

export const coherenceAwardAfterStart: RecordCheck = {
  id: 'coherence-award-after-start',
  title: 'Award after contract start',
  category: 'coherence',
  scope: 'record',
  severity: 'low',
  definition:
    "A live award's date (the award decision) is later than the start of the contract it awards (the award's " +
    'contract period, else the start of a contract linked to it), counted in UK calendar days.',
  source: 'OCDS Award.date ("the date of the contract award") and Award.contractPeriod / Contract.period.',
  appliesTo: 'Records with a live award that has both an award date and a contract start date.',
  fields: ['award.award_date', 'award.contract_start', 'contract.award_id', 'contract.period_start'],
  evaluate(facts) {
    const judged: string[] = [];
    const late: string[] = [];
    for (const a of liveAwards(facts)) {
      const start =
        a.start ?? facts.contracts.find((c) => c.awardId === a.id && c.start !== null)?.start ?? null;
      if (a.date === null || start === null) continue;
      const awarded = dayOf(a.date);
      const started = dayOf(start);
      judged.push(a.id);
      if (awarded > started) late.push(`award ${a.id} dated ${awarded}, contract starts ${started}`);
    }
    if (judged.length === 0) return [notApplicable('out-of-scope', 'No live award with both dates.')];
    if (late.length > 0) return [fail(`Awarded after the contract started: ${late.join('; ')}.`)];
    return [pass(`All ${judged.length} award(s) dated on or before the contract start.`)];
  },
};
