// What we know about an organisation from one party of one process, and how newer facts update older ones.
// SME/VCSE (domain.md §3.4): `details.scale` (`sme`/`large`), `details.vcse`; **unknown ≠ false**, so a missing
// value never overwrites a known one.
import type { OrgIdentifier } from './org-id.js';

export type Scale = 'sme' | 'large';

/** The facts about an organisation that a party can carry (all nullable: null = not published). */
export interface OrganisationDetails {
  /** Display name as published (cleaned of extra whitespace). */
  name: string | null;
  /** Matching form of the name (org-name.ts normaliseOrgName). */
  normalisedName: string | null;
  streetAddress: string | null;
  locality: string | null;
  /** The postcode as published (or as found at the end of streetAddress when postalCode is absent). */
  postalCode: string | null;
  /** Canonical postcode (`TS17 6FB`), or null when none or not a UK postcode. */
  normalisedPostcode: string | null;
  countryName: string | null;
  /** NUTS 2016 code with the `UK` prefix, from address.region. */
  regionCode: string | null;
  /** The same code with the ITL `TL` prefix. */
  itlCode: string | null;
  scale: Scale | null;
  vcse: boolean | null;
  publicServiceMission: boolean | null;
  shelteredWorkshop: boolean | null;
  /** `details.classifications[]` with scheme `UK_CA_TYPE` (e.g. `publicAuthoritySubCentralGovernment`). */
  buyerType: string | null;
}

/** One party's view of its organisation: the details plus every identifier it carries. */
export interface OrganisationCandidate extends OrganisationDetails {
  identifiers: OrgIdentifier[];
}

/** The details part of a candidate (without its identifiers). */
export function detailsOf(candidate: OrganisationCandidate): OrganisationDetails {
  const { identifiers: _identifiers, ...details } = candidate;
  return details;
}

/**
 * `details.scale` → `sme` | `large`. The EU profile's partyScale codelist also has `micro`, `small`, `medium` and
 * `selfEmployed`: all are SMEs under the UK definition (fewer than 250 staff, domain.md §3.4). Anything else: null.
 */
export function normaliseScale(value: unknown): Scale | null {
  if (typeof value !== 'string') return null;
  const v = value.trim().toLowerCase();
  if (v === 'large') return 'large';
  if (['sme', 'micro', 'small', 'medium', 'selfemployed'].includes(v)) return 'sme';
  return null;
}

/** A published yes/no flag: booleans, and the strings `true`/`false`/`yes`/`no` some exports produce; else null. */
export function parseFlag(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true' || v === 'yes') return true;
    if (v === 'false' || v === 'no') return false;
  }
  return null;
}

export interface DatedDetails {
  details: OrganisationDetails;
  /** Date of the newest release the details come from (ISO), or null when unknown. */
  asOf: string | null;
}

const ADDRESS: (keyof OrganisationDetails)[] = [
  'streetAddress',
  'locality',
  'postalCode',
  'normalisedPostcode',
  'countryName',
];
const REGION: (keyof OrganisationDetails)[] = ['regionCode', 'itlCode'];
const FLAGS = ['scale', 'vcse', 'publicServiceMission', 'shelteredWorkshop', 'buyerType'] as const;

const hasAny = (d: OrganisationDetails, keys: (keyof OrganisationDetails)[]) =>
  keys.some((k) => d[k] !== null);

/**
 * Updates what we know with incoming facts. Newer facts (incoming date ≥ current date) win where they are known;
 * older facts only fill gaps. Null never replaces a value. The address (and the region) move as a block so a new
 * street is never paired with an old postcode.
 */
export function foldDetails(
  current: DatedDetails,
  incoming: DatedDetails,
): DatedDetails & { changed: boolean } {
  const newer = incoming.asOf !== null && (current.asOf === null || incoming.asOf >= current.asOf);
  const cur = current.details;
  const inc = incoming.details;
  const next: OrganisationDetails = { ...cur };
  const pick = <K extends keyof OrganisationDetails>(k: K): OrganisationDetails[K] =>
    newer ? (inc[k] ?? cur[k]) : (cur[k] ?? inc[k]);
  const nameFromIncoming = inc.name !== null && (newer || cur.name === null);
  next.name = nameFromIncoming ? inc.name : cur.name;
  next.normalisedName = nameFromIncoming ? inc.normalisedName : cur.normalisedName;
  for (const block of [ADDRESS, REGION]) {
    if (hasAny(inc, block) && (newer || !hasAny(cur, block)))
      for (const k of block) Object.assign(next, { [k]: inc[k] });
  }
  for (const k of FLAGS) Object.assign(next, { [k]: pick(k) });
  const asOf = newer ? incoming.asOf : current.asOf;
  const changed =
    (Object.keys(next) as (keyof OrganisationDetails)[]).some((k) => next[k] !== cur[k]) ||
    asOf !== current.asOf;
  return { details: next, asOf, changed };
}

/** The rating a UK9 observation carries (domain.md §2.3), by `measureClassification.id`. */
export const KPI_RATINGS: Readonly<Record<string, string>> = {
  met: 'Good',
  slightlyBelow: 'Approaching target',
  below: 'Requires improvement',
  significantlyBelow: 'Inadequate',
  other: 'Other',
};
