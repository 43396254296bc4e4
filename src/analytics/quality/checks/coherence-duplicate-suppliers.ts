// Coherence: one supplier published as several parties of one record (different party ids that resolve to the same
// organisation by a shared identifier or by name and postcode, docs/contract-model.md). Counts, shares and
// supplier lists then show it more than once.
import { fail, notApplicable, pass, type RecordCheck } from '../check.js';

export const coherenceDuplicateSuppliers: RecordCheck = {
  id: 'coherence-duplicate-suppliers',
  title: 'Duplicate suppliers',
  category: 'coherence',
  scope: 'record',
  severity: 'low',
  definition:
    'Two or more supplier parties of one record are the same organisation (they share an identifier, or the ' +
    'same normalised name and postcode).',
  source:
    'docs/contract-model.md (organisation resolution, src/domain/org-resolution.ts); domain.md §5 (resolve ' +
    'suppliers to entities before counting them).',
  appliesTo: 'Records with at least two supplier parties (role supplier, or named on an award).',
  fields: ['party.party_id', 'party.organisation_id', 'party.roles', 'award_supplier.party_id'],
  evaluate(facts) {
    const onAwards = new Set(facts.awards.flatMap((a) => a.suppliers.map((s) => s.partyId)));
    const suppliers = facts.parties.filter((p) => p.roles.includes('supplier') || onAwards.has(p.partyId));
    if (suppliers.length < 2) return [notApplicable('out-of-scope', 'Fewer than two supplier parties.')];
    const byOrg = new Map<number, typeof suppliers>();
    for (const p of suppliers) byOrg.set(p.organisationId, [...(byOrg.get(p.organisationId) ?? []), p]);
    const duplicates = [...byOrg.values()].filter((g) => g.length > 1);
    if (duplicates.length === 0)
      return [pass(`${suppliers.length} supplier parties, all different organisations.`)];
    const list = duplicates.map(
      (g) => `${g[0]!.name ?? 'unnamed'} as ${g.length} parties (${g.map((p) => p.partyId).join(', ')})`,
    );
    return [fail(`${duplicates.length} supplier(s) listed more than once: ${list.join('; ')}.`)];
  },
};
