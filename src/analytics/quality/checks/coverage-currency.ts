// Field coverage: every amount has a currency, and one record does not mix currencies (a UK notice with one lot
// in AED is a publisher error seen in real FTS data: data/sample SOURCES.md).
import { fail, notApplicable, pass, type RecordCheck } from '../check.js';
import type { Money, RecordFacts } from '../facts.js';
import { hasAmount } from '../value.js';

function amounts(facts: RecordFacts): { where: string; value: Money }[] {
  return [
    { where: 'tender', value: facts.tender.value },
    ...facts.lots.map((l) => ({ where: `lot ${l.id}`, value: l.value })),
    ...facts.awards.map((a) => ({ where: `award ${a.id}`, value: a.value })),
    ...facts.contracts.map((c) => ({ where: `contract ${c.id}`, value: c.value })),
  ].filter((x) => hasAmount(x.value));
}

export const coverageCurrency: RecordCheck = {
  id: 'coverage-currency',
  title: 'Currency published and consistent',
  category: 'coverage',
  scope: 'record',
  severity: 'medium',
  definition:
    'Every published amount (tender, lots, awards, contracts) has a valid ISO 4217 currency code, and all ' +
    'amounts in one record use the same currency.',
  source:
    'OCDS Value.currency (ISO 4217). Sums across a record are only made in one currency (docs/contract-model.md).',
  appliesTo: 'Records with at least one amount.',
  fields: ['process.tender_currency', 'lot.currency', 'award.currency', 'contract.currency'],
  evaluate(facts) {
    const all = amounts(facts);
    if (all.length === 0) return [notApplicable('out-of-scope', 'No amounts published.')];
    const without = all.filter((x) => x.value.currency === null).map((x) => x.where);
    if (without.length > 0) return [fail(`Amount without a valid currency on ${without.join(', ')}.`)];
    const currencies = [...new Set(all.map((x) => x.value.currency))];
    if (currencies.length > 1) {
      const list = all.map((x) => `${x.where} ${x.value.currency}`).join(', ');
      return [fail(`Mixed currencies in one record: ${list}.`)];
    }
    return [pass(`All ${all.length} amounts are in ${currencies[0]}.`)];
  },
};
