// Field coverage: the record states what the contract is worth at its latest stage.
import { fail, notApplicable, pass, type RecordCheck } from '../check.js';
import { closedWithoutAward, liveAwards } from '../stage.js';
import { hasAmount } from '../value.js';

export const coverageValue: RecordCheck = {
  id: 'coverage-value',
  title: 'Value published',
  category: 'coverage',
  scope: 'record',
  severity: 'medium',
  definition:
    'Every live award states its value (net or including VAT). Before any award, the tender (or each of its ' +
    'lots) states an estimated value.',
  source:
    'OCDS Value; FTS publishes amount and amountGross (domain.md §1 "Contract values"). Values feed every spend, ' +
    'threshold and market figure (domain.md §5).',
  appliesTo: 'Every record except procurements cancelled, unsuccessful or withdrawn without an award.',
  fields: [
    'award.value',
    'award.value_gross',
    'process.tender_value',
    'process.tender_value_gross',
    'lot.value',
    'lot.value_gross',
  ],
  evaluate(facts) {
    if (closedWithoutAward(facts))
      return [
        notApplicable('out-of-scope', `Closed without an award (tender status ${facts.tender.status}).`),
      ];
    const awards = liveAwards(facts);
    if (awards.length > 0) {
      const missing = awards.filter((a) => !hasAmount(a.value)).map((a) => a.id);
      if (missing.length > 0)
        return [fail(`No value on award ${missing.join(', ')} (of ${awards.length} live awards).`)];
      return [pass(`All ${awards.length} live awards state a value.`)];
    }
    if (hasAmount(facts.tender.value)) return [pass('The tender states an estimated value.')];
    if (facts.lots.length > 0 && facts.lots.every((l) => hasAmount(l.value)))
      return [pass(`Each of the ${facts.lots.length} lots states an estimated value.`)];
    return [fail('No estimated value on the tender or its lots, and no award yet.')];
  },
};
