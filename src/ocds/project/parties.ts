// parties[] → party rows and organisation candidates (identifiers, address, region, SME/VCSE and UK flags).
import { normaliseScale, parseFlag, type OrganisationCandidate } from '../../domain/organisation.js';
import {
  identifierKey,
  normaliseIdentifier,
  parseOrgId,
  uniqueIdentifiers,
  type OrgIdentifier,
} from '../../domain/org-id.js';
import { cleanName, normaliseOrgName } from '../../domain/org-name.js';
import { findPostcode, normalisePostcode } from '../../domain/postcode.js';
import { normaliseRegion, type RegionList } from '../../domain/region.js';
import type { PartyProjection } from '../../store/contract-model.types.js';
import { obj, objects, str, strings, text, type Json } from './json.js';

/**
 * Every identifier a party carries (domain.md §6.1): `identifier`, each `additionalIdentifiers[]`, and the party
 * `id` itself when it is org-id shaped (`GB-CFS-171860`: Contracts Finder puts its legacy id only there).
 */
export function partyIdentifiers(party: Json): OrgIdentifier[] {
  const ids: OrgIdentifier[] = [];
  const add = (o: Json | null) => {
    const id = o ? normaliseIdentifier(o.scheme, o.id) : null;
    if (id) ids.push(id);
  };
  add(obj(party.identifier));
  for (const a of objects(party.additionalIdentifiers)) add(a);
  const fromId = parseOrgId(party.id);
  if (fromId) ids.push(fromId);
  return uniqueIdentifiers(ids);
}

/** The buyer type from `details.classifications[]` with scheme `UK_CA_TYPE` (ocds_uk_extension). */
function buyerType(details: Json | null): string | null {
  for (const c of objects(details?.classifications)) {
    if (str(c.scheme)?.toUpperCase() === 'UK_CA_TYPE') return str(c.id);
  }
  return null;
}

export function candidateOf(party: Json, regions: RegionList): OrganisationCandidate {
  const address = obj(party.address);
  const details = obj(party.details);
  const name = cleanName(party.name) ?? cleanName(obj(party.identifier)?.legalName);
  const street = text(address?.streetAddress);
  const publishedPostcode = str(address?.postalCode);
  // Contracts Finder supplier addresses often hold the postcode only at the end of streetAddress.
  const normalisedPostcode =
    normalisePostcode(publishedPostcode) ?? (publishedPostcode ? null : findPostcode(street));
  const region = normaliseRegion(address?.region, regions);
  return {
    name,
    normalisedName: normaliseOrgName(name),
    streetAddress: street,
    locality: str(address?.locality),
    postalCode: publishedPostcode ?? normalisedPostcode,
    normalisedPostcode,
    countryName: str(address?.countryName),
    regionCode: region?.nuts ?? null,
    itlCode: region?.itl ?? null,
    scale: normaliseScale(details?.scale),
    vcse: parseFlag(details?.vcse),
    publicServiceMission: parseFlag(details?.publicServiceMissionOrganization),
    shelteredWorkshop: parseFlag(details?.shelteredWorkshop),
    buyerType: buyerType(details),
    identifiers: partyIdentifiers(party),
  };
}

export function partyProjection(
  ocid: string,
  partyId: string,
  party: Json,
  roles: string[],
  regions: RegionList,
): PartyProjection {
  const candidate = candidateOf(party, regions);
  return {
    row: {
      ocid,
      party_id: partyId,
      roles,
      name: candidate.name,
      identifiers: candidate.identifiers.map(identifierKey),
      scale: candidate.scale,
      vcse: candidate.vcse,
      public_service_mission: candidate.publicServiceMission,
      sheltered_workshop: candidate.shelteredWorkshop,
      region_code: str(obj(party.address)?.region),
    },
    candidate,
  };
}

export interface Parties {
  list: PartyProjection[];
  /** party id for an OrganizationReference (`buyer`, `awards[].suppliers[]`), adding a party when it is missing. */
  resolve(ref: Json, role: string): string | null;
}

/**
 * The parties of a compiled release. A reference whose id is not among the parties (OCDS 1.0 data, publisher
 * slips) is matched by name, else becomes a party of its own built from the reference, so no supplier is lost.
 */
export function collectParties(ocid: string, compiled: Json, regions: RegionList): Parties {
  const byId = new Map<string, PartyProjection>();
  const order: string[] = [];
  objects(compiled.parties).forEach((p, i) => {
    // A party without id cannot be referenced; it still counts (its roles say what it is).
    const id = str(p.id) ?? `#${i}`;
    const roles = strings(p.roles);
    const existing = byId.get(id);
    if (existing) {
      // Duplicate party ids: the last one wins (OCDS merge rule), roles are kept from both.
      const merged = partyProjection(ocid, id, p, [...new Set([...existing.row.roles, ...roles])], regions);
      byId.set(id, merged);
      return;
    }
    byId.set(id, partyProjection(ocid, id, p, roles, regions));
    order.push(id);
  });

  const resolve = (ref: Json, role: string): string | null => {
    const id = str(ref.id);
    const name = cleanName(ref.name);
    let found = id !== null ? byId.get(id) : undefined;
    if (!found && name) found = [...byId.values()].find((p) => p.row.name === name);
    if (!found) {
      if (id === null && name === null) return null;
      const partyId = id ?? `name:${name}`;
      found = partyProjection(ocid, partyId, ref, [role], regions);
      byId.set(partyId, found);
      order.push(partyId);
    }
    if (!found.row.roles.includes(role)) found.row.roles = [...found.row.roles, role];
    return found.row.party_id;
  };

  return {
    get list() {
      return order.map((id) => byId.get(id)).filter((p): p is PartyProjection => p !== undefined);
    },
    resolve,
  };
}
