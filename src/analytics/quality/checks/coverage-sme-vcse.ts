// Field coverage: SME and VCSE status of each supplier, published per record. Unknown is not "no" (domain.md §3.4),
// so a missing flag leaves the SME/VCSE share unknown rather than low.
import { fail, notApplicable, pass, type RecordCheck } from '../check.js';
import { liveAwards } from '../stage.js';

export const coverageSmeVcse: RecordCheck = {
  id: 'coverage-sme-vcse',
  title: 'Supplier SME/VCSE flags',
  category: 'coverage',
  scope: 'record',
  severity: 'low',
  definition:
    'For every supplier of a live award, the record states whether it is an SME (details.scale) and whether it ' +
    'is a VCSE (details.vcse).',
  source:
    'domain.md §3.4 (PPN 001 SME and VCSE definitions; data: parties[].details.scale and details.vcse; ' +
    '"Unknown ≠ false") and §5 (SME and VCSE share).',
  appliesTo: 'Records with at least one live award that names a supplier.',
  fields: ['award_supplier.party_id', 'party.scale', 'party.vcse'],
  evaluate(facts) {
    const byParty = new Map(facts.parties.map((p) => [p.partyId, p]));
    const suppliers = liveAwards(facts)
      .flatMap((a) => a.suppliers)
      .map((s) => (s.partyId === null ? undefined : byParty.get(s.partyId)));
    if (suppliers.length === 0) return [notApplicable('out-of-scope', 'No supplier on a live award.')];
    const noScale = new Set<string>();
    const noVcse = new Set<string>();
    for (const s of suppliers) {
      const name = s?.name ?? s?.partyId ?? '?';
      if (!s || s.scale === null) noScale.add(name);
      if (!s || s.vcse === null) noVcse.add(name);
    }
    const problems: string[] = [];
    if (noScale.size > 0) problems.push(`no SME flag for ${[...noScale].join('; ')}`);
    if (noVcse.size > 0) problems.push(`no VCSE flag for ${[...noVcse].join('; ')}`);
    if (problems.length > 0) return [fail(`${problems.join('; ')}.`)];
    return [pass(`SME and VCSE flags published for all ${suppliers.length} supplier(s).`)];
  },
};
