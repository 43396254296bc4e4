// Field coverage: every supplier of a live award is named and identified (scheme + id), so it can be resolved to
// one organisation across buyers (domain.md §5: "resolve suppliers to entities first").
import { fail, notApplicable, pass, type RecordCheck } from '../check.js';
import { liveAwards } from '../stage.js';

export const coverageSupplierIdentifier: RecordCheck = {
  id: 'coverage-supplier-identifier',
  title: 'Suppliers identified',
  category: 'coverage',
  scope: 'record',
  severity: 'medium',
  definition:
    'Every live award names at least one supplier, and every supplier carries an organisation identifier ' +
    '(Companies House, charity, PPON or another org-id.guide scheme).',
  source:
    'domain.md §5 (resolve suppliers: scheme identifier, then PPON, then name) and §6.1 (org-id schemes); ' +
    'src/domain/org-id.ts.',
  appliesTo: 'Records with at least one live award.',
  fields: ['award_supplier.organisation_id', 'award_supplier.party_id', 'party.identifiers'],
  gaps: [
    'The model keeps only identifiers it could read (party.identifiers), so an unreadable identifier counts as missing.',
  ],
  evaluate(facts) {
    const awards = liveAwards(facts);
    if (awards.length === 0) return [notApplicable('out-of-scope', 'No live award.')];
    const byParty = new Map(facts.parties.map((p) => [p.partyId, p]));
    const noSupplier = awards.filter((a) => a.suppliers.length === 0).map((a) => a.id);
    const unidentified = new Set<string>();
    let suppliers = 0;
    for (const a of awards)
      for (const s of a.suppliers) {
        suppliers += 1;
        const party = s.partyId === null ? undefined : byParty.get(s.partyId);
        if (!party || party.identifiers.length === 0) unidentified.add(party?.name ?? s.partyId ?? '?');
      }
    const problems: string[] = [];
    if (noSupplier.length > 0) problems.push(`award ${noSupplier.join(', ')} names no supplier`);
    if (unidentified.size > 0) problems.push(`no identifier for ${[...unidentified].join('; ')}`);
    if (problems.length > 0) return [fail(`${problems.join('; ')}.`)];
    return [pass(`All ${suppliers} supplier(s) on ${awards.length} live award(s) carry an identifier.`)];
  },
};
