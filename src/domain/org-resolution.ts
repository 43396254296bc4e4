// Which organisation is this party? (domain.md §5: "resolve suppliers to entities first"; §6.1: build the entity
// key from all identifiers.) Rules, in order:
//   1. same organisation when they share any identifier (scheme + id) — and organisations found through different
//      identifiers of one party are merged, unless they hold different values of a single-valued scheme
//      (two Companies House numbers are two companies);
//   2. else when the normalised name AND the normalised postcode match (and no single-valued identifier differs);
//   3. else the organisation this very party created the last time (re-projection is idempotent);
//   4. else a new organisation.
// Pure: the store loads what the batch needs (KnownOrganisation), this decides, the store writes the result.
import {
  detailsOf,
  foldDetails,
  type OrganisationCandidate,
  type OrganisationDetails,
} from './organisation.js';
import { identifierKey, SINGLE_VALUED_SCHEMES, sortIdentifiers, type OrgIdentifier } from './org-id.js';

export type MatchedBy = 'identifier' | 'name-postcode' | 'new';

export interface KnownOrganisation {
  id: number;
  entityKey: string;
  details: OrganisationDetails;
  detailsAsOf: string | null;
  identifiers: OrgIdentifier[];
  originOcid: string | null;
  originPartyId: string | null;
  synthetic: boolean;
}

export interface ResolutionRequest {
  ocid: string;
  partyId: string;
  candidate: OrganisationCandidate;
  /** Date of the record's newest release: decides which facts are newer (organisation.ts foldDetails). */
  asOf: string | null;
  synthetic: boolean;
}

/** What the store found for the batch's identifiers, name+postcode pairs and origins. */
export interface ResolutionLookup {
  organisations: ReadonlyMap<number, KnownOrganisation>;
  /** identifierKey → live organisation id. */
  byIdentifier: ReadonlyMap<string, number>;
  /** namePostcodeKey → live organisation ids. */
  byNamePostcode: ReadonlyMap<string, readonly number[]>;
  /** originKey → live organisation id (merged organisations already followed to the survivor). */
  byOrigin: ReadonlyMap<string, number>;
  /** Entity keys already used in the database (among proposedEntityKeys of the batch). */
  takenEntityKeys: ReadonlySet<string>;
}

/** An organisation that exists (id > 0) or is created by this batch (the index in `created`, as -(index + 1)). */
export type OrgRef = number;

export interface PartyLink {
  ocid: string;
  partyId: string;
  org: OrgRef;
  matchedBy: MatchedBy;
  evidence: string;
}

/** An organisation as the batch leaves it: a known one (ref = its id) or one the batch creates. */
export interface OrganisationState extends Omit<KnownOrganisation, 'id'> {
  ref: OrgRef;
}

export interface Resolution {
  links: PartyLink[];
  /** New organisations, in ref order (ref -1 is created[0]); merged-away new ones are left out of `links`. */
  created: OrganisationState[];
  /** Existing organisations whose details changed (final state). */
  updated: OrganisationState[];
  /** Identifiers that now belong to an existing organisation. */
  addedIdentifiers: { org: number; identifier: OrgIdentifier }[];
  /** Existing organisations absorbed into another existing one (rule 1). */
  merges: { into: number; from: number }[];
  /** Resolves any ref (after merges) to the surviving ref. */
  find(ref: OrgRef): OrgRef;
}

export const namePostcodeKey = (name: string, postcode: string): string => `${name}\u0000${postcode}`;
export const originKey = (ocid: string, partyId: string): string => `${ocid}\u0000${partyId}`;

/** The key a new organisation would get: its best identifier, else name@postcode, else the party that created it. */
export function proposedEntityKey(request: ResolutionRequest): string {
  const best = sortIdentifiers(request.candidate.identifiers)[0];
  if (best) return identifierKey(best);
  const { normalisedName: n, normalisedPostcode: p } = request.candidate;
  if (n && p) return `name:${n}@${p}`;
  return `party:${request.ocid}/${request.partyId}`;
}

interface Work extends OrganisationState {
  existing: boolean;
  changed: boolean;
  parent: OrgRef;
}

/** Whether two identifier sets can belong to one organisation (no single-valued scheme with two values). */
export function compatibleIdentifiers(a: readonly OrgIdentifier[], b: readonly OrgIdentifier[]): boolean {
  for (const x of a) {
    if (!SINGLE_VALUED_SCHEMES.has(x.scheme)) continue;
    if (b.some((y) => y.scheme === x.scheme && y.id !== x.id)) return false;
  }
  return true;
}

export function resolveOrganisations(
  requests: readonly ResolutionRequest[],
  lookup: ResolutionLookup,
): Resolution {
  const work = new Map<OrgRef, Work>();
  for (const o of lookup.organisations.values()) {
    work.set(o.id, {
      ...o,
      ref: o.id,
      details: { ...o.details },
      existing: true,
      changed: false,
      parent: o.id,
    });
  }
  const byIdentifier = new Map(lookup.byIdentifier);
  const byNamePostcode = new Map<string, OrgRef[]>([...lookup.byNamePostcode].map(([k, v]) => [k, [...v]]));
  const byOrigin = new Map(lookup.byOrigin);
  const takenKeys = new Set(lookup.takenEntityKeys);
  const created: Work[] = [];
  const addedIdentifiers: { org: number; identifier: OrgIdentifier }[] = [];
  const merges: { into: number; from: number }[] = [];
  const links: PartyLink[] = [];

  const find = (ref: OrgRef): OrgRef => {
    let r = ref;
    for (let w = work.get(r); w && w.parent !== r; w = work.get(r)) r = w.parent;
    return r;
  };
  const get = (ref: OrgRef): Work => {
    const w = work.get(find(ref));
    if (!w) throw new Error(`organisation ${ref} was not loaded`); // a store bug, not bad data
    return w;
  };
  const indexNamePostcode = (w: Work) => {
    const { normalisedName: n, normalisedPostcode: p } = w.details;
    if (!n || !p) return;
    const key = namePostcodeKey(n, p);
    const refs = byNamePostcode.get(key) ?? [];
    if (!refs.includes(w.ref)) byNamePostcode.set(key, [...refs, w.ref]);
  };
  const addIdentifier = (w: Work, id: OrgIdentifier): boolean => {
    const key = identifierKey(id);
    const owner = byIdentifier.get(key);
    if (owner !== undefined && find(owner) !== w.ref) return false;
    if (w.identifiers.some((x) => x.scheme === id.scheme && x.id === id.id)) return true;
    if (!compatibleIdentifiers([id], w.identifiers)) return false;
    w.identifiers.push(id);
    byIdentifier.set(key, w.ref);
    if (w.existing) addedIdentifiers.push({ org: w.ref, identifier: id });
    return true;
  };
  const fold = (w: Work, details: OrganisationDetails, asOf: string | null, synthetic: boolean) => {
    const r = foldDetails({ details: w.details, asOf: w.detailsAsOf }, { details, asOf });
    if (r.changed) {
      w.details = r.details;
      w.detailsAsOf = r.asOf;
      w.changed = true;
      indexNamePostcode(w);
    }
    // Real data makes an organisation real: synthetic only while every source is synthetic (design.md §2).
    if (w.synthetic && !synthetic) {
      w.synthetic = false;
      w.changed = true;
    }
  };
  /** Merges b into a (or a into b: an existing organisation always survives a new one; the older id survives). */
  const merge = (a: Work, b: Work): Work => {
    const [keep, drop] =
      a.existing && b.existing
        ? a.ref < b.ref
          ? [a, b]
          : [b, a]
        : a.existing || !b.existing
          ? [a, b]
          : [b, a];
    drop.parent = keep.ref;
    for (const id of drop.identifiers) {
      byIdentifier.set(identifierKey(id), keep.ref);
      if (!keep.identifiers.some((x) => x.scheme === id.scheme && x.id === id.id)) {
        keep.identifiers.push(id);
        if (keep.existing) addedIdentifiers.push({ org: keep.ref, identifier: id });
      }
    }
    fold(keep, drop.details, drop.detailsAsOf, drop.synthetic);
    if (drop.existing) merges.push({ into: keep.ref, from: drop.ref });
    return keep;
  };

  for (const req of requests) {
    const c = req.candidate;
    const ids = sortIdentifiers(c.identifiers);
    let target: Work | undefined;
    let matchedBy: MatchedBy = 'new';
    let evidence = '';
    const notes: string[] = [];

    // Rule 1: shared identifiers.
    const hits: { id: OrgIdentifier; org: Work }[] = [];
    for (const id of ids) {
      const ref = byIdentifier.get(identifierKey(id));
      if (ref !== undefined) hits.push({ id, org: get(ref) });
    }
    if (hits[0]) {
      target = hits[0].org;
      matchedBy = 'identifier';
      evidence = identifierKey(hits[0].id);
      for (const h of hits.slice(1)) {
        const other = get(h.org.ref);
        if (other.ref === target.ref) continue;
        if (compatibleIdentifiers(target.identifiers, other.identifiers)) {
          const absorbed = target.ref;
          target = merge(target, other);
          notes.push(`merged organisations ${absorbed} and ${other.ref} (shared ${identifierKey(h.id)})`);
        } else
          notes.push(
            `${identifierKey(h.id)} belongs to another organisation with a different single-valued identifier`,
          );
      }
    }
    // Rule 2: normalised name and postcode.
    if (!target && c.normalisedName && c.normalisedPostcode) {
      const refs = byNamePostcode.get(namePostcodeKey(c.normalisedName, c.normalisedPostcode)) ?? [];
      const candidates = [...new Set(refs.map(find))]
        .map((r) => get(r))
        .filter(
          (w) =>
            compatibleIdentifiers(ids, w.identifiers) &&
            w.details.normalisedName === c.normalisedName &&
            w.details.normalisedPostcode === c.normalisedPostcode,
        )
        .sort((a, b) =>
          a.existing === b.existing ? Math.abs(a.ref) - Math.abs(b.ref) : a.existing ? -1 : 1,
        );
      if (candidates[0]) {
        target = candidates[0];
        matchedBy = 'name-postcode';
        evidence = `name "${c.normalisedName}" + postcode ${c.normalisedPostcode}`;
      }
    }
    // Rule 3: the organisation this party created before.
    const origin = originKey(req.ocid, req.partyId);
    if (!target) {
      const ref = byOrigin.get(origin);
      if (ref !== undefined && work.has(find(ref))) target = get(ref);
    }
    // Rule 4: a new organisation.
    if (!target) {
      let key = proposedEntityKey(req);
      for (let n = 2; takenKeys.has(key); n++) key = `${proposedEntityKey(req)}~${n}`;
      takenKeys.add(key);
      const ref = -(created.length + 1);
      target = {
        ref,
        entityKey: key,
        details: detailsOf(c),
        detailsAsOf: req.asOf,
        identifiers: [],
        originOcid: req.ocid,
        originPartyId: req.partyId,
        synthetic: req.synthetic,
        existing: false,
        changed: true,
        parent: ref,
      };
      work.set(ref, target);
      created.push(target);
      byOrigin.set(origin, ref);
      indexNamePostcode(target);
    } else fold(target, detailsOf(c), req.asOf, req.synthetic);

    for (const id of ids) {
      if (!addIdentifier(target, id))
        notes.push(`${identifierKey(id)} not added: it conflicts with a known identifier`);
    }
    // A party that created its organisation reads "new" every time, so re-projecting a record changes nothing.
    if (target.originOcid === req.ocid && target.originPartyId === req.partyId) {
      matchedBy = 'new';
      evidence = 'created from this party';
    }
    links.push({
      ocid: req.ocid,
      partyId: req.partyId,
      org: target.ref,
      matchedBy,
      evidence: [evidence, ...notes].filter(Boolean).join('; '),
    });
  }

  const state = (w: Work): OrganisationState => ({
    ref: w.ref,
    entityKey: w.entityKey,
    details: w.details,
    detailsAsOf: w.detailsAsOf,
    identifiers: w.identifiers,
    originOcid: w.originOcid,
    originPartyId: w.originPartyId,
    synthetic: w.synthetic,
  });
  const finalLink = (l: PartyLink): PartyLink => {
    const org = find(l.org);
    if (org === l.org) return l;
    // The new organisation this party made was merged into another one later in the batch.
    const w = get(org);
    const own = w.originOcid === l.ocid && w.originPartyId === l.partyId;
    return own
      ? { ...l, org }
      : {
          ...l,
          org,
          matchedBy: 'identifier',
          evidence: `merged into ${org > 0 ? `organisation ${org}` : 'another new organisation'} by a shared identifier`,
        };
  };
  return {
    links: links.map(finalLink),
    created: created.filter((w) => w.parent === w.ref).map(state),
    updated: [...work.values()].filter((w) => w.existing && w.changed && w.parent === w.ref).map(state),
    addedIdentifiers: addedIdentifiers.filter((a) => find(a.org) === a.org),
    merges,
    find,
  };
}
