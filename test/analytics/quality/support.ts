// Facts from real releases, the way the database would hold them: compile (OCDS merge) → projectRecord (the real
// projection) → organisation resolution (the real pure resolver, with an empty database) → buildRecordFacts.
// Fixtures that need data the sample lacks are built by mutating a copy of a real release; each test says so.
import { readFileSync } from 'node:fs';
import { repoPath } from '../../../src/paths.js';
import { projectReleases } from '../../support/project.js';
import { contractValueSteps } from '../../../src/ocds/project/contract-value-steps.js';
import { resolveOrganisations } from '../../../src/domain/org-resolution.js';
import { rulesOn } from '../../../src/domain/rules/index.js';
import type { CheckContext } from '../../../src/analytics/quality/check.js';
import { buildRecordFacts, type ModelRows } from '../../../src/analytics/quality/build-facts.js';
import type { RecordFacts } from '../../../src/analytics/quality/facts.js';

export type Release = Record<string, unknown>;

export const SAMPLE = {
  /** Find a Tender API page: UK6 × 3 (06e832, 06d285, 078217) and UK4 (078219), 6 Oct 2026. */
  fts: 'data/sample/find-a-tender/fts-2026-10-06-release-package-limit4.json',
  /** Harrogate Town Council UK4, below threshold (067fb8). */
  ftsUk4: 'data/sample/find-a-tender/fts-032703-2026-UK4-tender-release-package.json',
  /** Northumberland County Council UK1 pipeline notice (068ae4). */
  ftsUk1: 'data/sample/find-a-tender/fts-037689-2026-UK1-pipeline-release-package.json',
  /** Contracts Finder releases, Jan–Mar 2025 (one release per line). */
  cf2025: 'data/sample/contracts-finder/cf-2025-releases.jsonl',
} as const;

const cache = new Map<string, Release[]>();

/** The releases of a sample file: a release package, or JSON Lines of releases. */
export function sampleReleases(file: string): Release[] {
  let releases = cache.get(file);
  if (!releases) {
    const text = readFileSync(repoPath(file), 'utf8');
    releases = file.endsWith('.jsonl')
      ? text
          .split('\n')
          .filter((l) => l.trim() !== '')
          .map((l) => JSON.parse(l) as Release)
      : (JSON.parse(text) as { releases: Release[] }).releases;
    cache.set(file, releases);
  }
  return releases.map((r) => structuredClone(r));
}

/** A deep copy of every release of one ocid in a sample file. */
export function releasesOf(file: string, ocid: string): Release[] {
  const found = sampleReleases(file).filter((r) => r.ocid === ocid);
  if (found.length === 0) throw new Error(`${ocid} not in ${file}`);
  return found;
}

/** One row per (award, organisation), the first party kept: what saveProjections stores. */
function firstPerOrganisation<T extends { award_id: string; organisation_id: number }>(rows: T[]): T[] {
  const out = new Map<string, T>();
  for (const r of rows) {
    const key = `${r.award_id}\u0000${r.organisation_id}`;
    if (!out.has(key)) out.set(key, r);
  }
  return [...out.values()];
}

/** Facts for one record from its releases, as buildRecordFacts sees them after ingest. */
export function factsFromReleases(releases: Release[], source = 'sample'): RecordFacts {
  const ocid = String(releases[0]!.ocid);
  const p = projectReleases(releases, source);
  const resolution = resolveOrganisations(
    p.parties.map((party) => ({
      ocid,
      partyId: party.row.party_id,
      candidate: party.candidate,
      asOf: p.asOf,
      synthetic: false,
    })),
    {
      organisations: new Map(),
      byIdentifier: new Map(),
      byNamePostcode: new Map(),
      byOrigin: new Map(),
      takenEntityKeys: new Set(),
    },
  );
  // New organisations get refs -1, -2, …; the database would give them ids: use the positive ref.
  const refOf = new Map(resolution.links.map((l) => [l.partyId, resolution.find(l.org)]));
  const orgId = (partyId: string) => -refOf.get(partyId)!;
  const buyerRef = p.buyerPartyId === null ? null : refOf.get(p.buyerPartyId)!;
  const buyerState = buyerRef === null ? undefined : resolution.created[-buyerRef - 1];
  const rows: ModelRows = {
    process: { ...p.process, buyer_id: buyerRef === null ? null : -buyerRef },
    buyer:
      buyerRef === null
        ? null
        : {
            id: -buyerRef,
            name: buyerState?.details.name ?? null,
            buyer_type: buyerState?.details.buyerType ?? null,
          },
    parties: p.parties.map((party) => ({ ...party.row, organisation_id: orgId(party.row.party_id) })),
    lots: p.lots,
    awards: p.awards,
    awardSuppliers: firstPerOrganisation(
      p.awardSuppliers.map((s) => ({ ...s, organisation_id: orgId(s.party_id) })),
    ),
    contracts: p.contracts,
    invalidClassifications: p.classifications.filter((c) => c.is_valid === false),
    notices: p.notices,
    metrics: p.metrics,
    observations: p.observations,
    valueSteps: contractValueSteps(
      ocid,
      releases.map((r) => ({ id: String(r.id), date: String(r.date), tags: r.tag as string[], data: r })),
    ),
  };
  return buildRecordFacts(rows);
}

/** The facts of one real record of a sample file. */
export const sampleFacts = (file: string, ocid: string): RecordFacts =>
  factsFromReleases(releasesOf(file, ocid));

export const ctx = (asOf: string): CheckContext => ({ asOf, rules: rulesOn() });

/**
 * A UK7 contract details release derived from a real UK6 release (a mutation: the sample has no UK7): the same
 * ocid, buyer and parties, a contract for award 1 with the award's period, and the given changes.
 */
export function derivedUk7(
  uk6: Release,
  id: string,
  date: string,
  contract: Record<string, unknown>,
): Release {
  const award = (uk6.awards as Release[])[0]!;
  return {
    ocid: uk6.ocid,
    id,
    date,
    tag: ['contract'],
    initiationType: 'tender',
    buyer: uk6.buyer,
    parties: uk6.parties,
    contracts: [
      {
        id: `${String(award.id)}-contract`,
        awardID: award.id,
        status: 'active',
        period: award.contractPeriod,
        value: award.value,
        documents: [{ id, documentType: 'contractNotice', noticeType: 'UK7' }],
        ...contract,
      },
    ],
  };
}

/**
 * A UK10 contract change release derived from a real release (a mutation: the sample has no UK10): the same ocid,
 * buyer and parties, one amendment of contract `contractId` with the total value of the amended contract
 * (ocds_uk_extension Amendment.value), carried by a UK10 document whose id is the release id.
 */
export function derivedUk10(
  base: Release,
  id: string,
  date: string,
  contractId: string,
  amendment: Record<string, unknown>,
): Release {
  return {
    ocid: base.ocid,
    id,
    date,
    tag: ['contractAmendment'],
    initiationType: 'tender',
    buyer: base.buyer,
    parties: base.parties,
    contracts: [
      {
        id: contractId,
        amendments: [
          {
            id: '1',
            date,
            description: 'Additional services within scope (derived fixture)',
            ...amendment,
          },
        ],
        documents: [{ id, documentType: 'contractAmendmentNotice', noticeType: 'UK10' }],
      },
    ],
  };
}

/**
 * A later notice of a given UK type on the same ocid (a mutation), carried by a document whose id is the release id:
 * UK2 in planning.documents; UK9 and UK11 in the documents of contract `contractId`.
 */
export function derivedNotice(
  base: Release,
  id: string,
  date: string,
  noticeType: 'UK2' | 'UK9' | 'UK11',
  contractId?: string,
): Release {
  const common = { ocid: base.ocid, id, date, buyer: base.buyer, parties: base.parties };
  if (noticeType === 'UK2')
    return {
      ...common,
      tag: ['planning'],
      planning: { documents: [{ id, noticeType, documentType: 'marketEngagementNotice' }] },
    };
  return {
    ...common,
    tag: [noticeType === 'UK9' ? 'implementation' : 'contractTermination'],
    contracts: [{ id: contractId, documents: [{ id, noticeType }] }],
  };
}
