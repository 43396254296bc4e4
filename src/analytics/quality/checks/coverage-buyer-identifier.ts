// Field coverage: the buyer is identified, so its records, scorecard and peers can be found reliably.
import { fail, pass, type RecordCheck } from '../check.js';

export const coverageBuyerIdentifier: RecordCheck = {
  id: 'coverage-buyer-identifier',
  title: 'Buyer identified',
  category: 'coverage',
  scope: 'record',
  severity: 'medium',
  definition:
    'The record names its buyer, and the buyer carries an organisation identifier (PPON, GOV.UK register, ' +
    'Companies House or another org-id.guide scheme), not just a name.',
  source:
    'domain.md §6.1 (org-id schemes; FTS buyers carry PPON ids); the scorecard counts records per buyer.',
  appliesTo: 'Every record.',
  fields: ['process.buyer_id', 'party.roles', 'party.identifiers'],
  gaps: ['The model keeps only identifiers it could read, so an unreadable identifier counts as missing.'],
  evaluate(facts) {
    const buyer = facts.buyer;
    if (buyer === null) return [fail('No buyer named (no buyer, and no party with the buyer role).')];
    const name = buyer.name ?? 'the buyer';
    if (buyer.identifiers.length === 0) return [fail(`${name} is named but carries no identifier.`)];
    return [pass(`${name}: ${buyer.identifiers.join(', ')}.`)];
  },
};
