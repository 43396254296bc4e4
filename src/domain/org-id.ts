// Organisation identifiers (domain.md §6.1): org-id.guide schemes, party id = `{scheme}-{id}`.
// A supplier may carry GB-COH as `identifier` and GB-PPON in `additionalIdentifiers`, so an organisation is known
// by all of them; these helpers put each into one canonical spelling so that equal identifiers compare equal.

export interface OrgIdentifier {
  /** Upper-case org-id.guide prefix, e.g. `GB-COH`. */
  scheme: string;
  /** The identifier within the scheme, canonical spelling (see normaliseIdentifier). */
  id: string;
}

/** Schemes with at most one identifier per organisation: two different values mean two organisations. */
export const SINGLE_VALUED_SCHEMES: ReadonlySet<string> = new Set([
  'GB-COH',
  'GB-PPON',
  'GB-CHC',
  'GB-SC',
  'GB-NIC',
  'GB-UKPRN',
  'GB-GOR',
]);

/**
 * Preference when one identifier must stand for the organisation (its entity key, the evidence shown): statutory
 * registers first (domain.md §5: "scheme identifier, then PPON, then normalised name"), platform ids last.
 */
const PRIORITY = ['GB-COH', 'GB-CHC', 'GB-SC', 'GB-NIC', 'GB-PPON', 'GB-GOR', 'GB-UKPRN'];
const LEGACY = ['GB-SRS', 'GB-CFS'];

export function schemePriority(scheme: string): number {
  const i = PRIORITY.indexOf(scheme);
  if (i >= 0) return i;
  const j = LEGACY.indexOf(scheme);
  return j >= 0 ? 100 + j : 50;
}

/** Orders identifiers best first (see schemePriority), then by text for a stable result. */
export function sortIdentifiers(ids: readonly OrgIdentifier[]): OrgIdentifier[] {
  return [...ids].sort(
    (a, b) =>
      schemePriority(a.scheme) - schemePriority(b.scheme) ||
      a.scheme.localeCompare(b.scheme) ||
      a.id.localeCompare(b.id),
  );
}

/** `GB-COH-09121572` → `{ scheme: 'GB-COH', id: '09121572' }`: country code + register code, then the id. */
const PARTY_ID = /^([A-Z]{2}-[A-Z0-9]{2,10})-(.+)$/;

/**
 * Splits an org-id style party id into scheme and id, normalised; null when the text is not one (Sell2Wales and PCS
 * use local ids such as `org-7`, OCDS 1.0 Contracts Finder data uses hashes). Case matters for the prefix: only an
 * upper-case `XX-YYY-` prefix is read as a scheme, so `org-7` stays a local id.
 */
export function parseOrgId(partyId: unknown): OrgIdentifier | null {
  if (typeof partyId !== 'string') return null;
  const m = PARTY_ID.exec(partyId.trim());
  if (!m) return null;
  return normaliseIdentifier(m[1], m[2]);
}

/** Companies House: 8 characters, either 8 digits or a 2-letter prefix (SC, NI, OC, SO, NC, …) and 6 digits. */
export function normaliseCompanyNumber(raw: string): string | null {
  const text = raw.toUpperCase().replace(/[\s.\-/]/g, '');
  if (/^\d{1,8}$/.test(text)) return /^0+$/.test(text) ? null : text.padStart(8, '0');
  const prefixed = /^([A-Z]{2})(\d{1,6})$/.exec(text);
  if (prefixed)
    return /^0+$/.test(prefixed[2] ?? '') ? null : `${prefixed[1]}${(prefixed[2] ?? '').padStart(6, '0')}`;
  // Industrial and provident societies and similar (`IP12345R`) are kept as written, upper-cased.
  return /^[A-Z]{2}\d{5}[A-Z]$/.test(text) ? text : null;
}

/** PPON (Central Digital Platform): `PJJX-1133-JRGV`; spaces or missing dashes are repaired. */
export function normalisePpon(raw: string): string | null {
  const text = raw.toUpperCase().replace(/[\s-]/g, '');
  const m = /^([A-Z]{4})(\d{4})([A-Z]{4})$/.exec(text);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  // Another shape may come one day: keep it if it looks like a code (letters and digits), not a placeholder.
  return /^(?=.*\d)(?=.*[A-Z])[A-Z0-9]{6,20}$/.test(text) ? text : null;
}

/**
 * Charity numbers. GB-CHC (England and Wales): digits, optionally `-n` for a linked charity, which is a separate
 * charity and is kept. GB-SC (OSCR): `SC` + 6 digits. GB-NIC: the number without the `NIC` prefix (org-id.guide
 * lists NI charities by number; the prefix form is unverified, domain.md §6.1 [?]).
 */
export function normaliseCharityNumber(scheme: string, raw: string): string | null {
  const text = raw.toUpperCase().replace(/\s/g, '');
  if (scheme === 'GB-CHC') {
    const m = /^0*(\d{5,8})(?:-(\d{1,3}))?$/.exec(text);
    return m ? (m[2] ? `${m[1]}-${m[2]}` : (m[1] ?? null)) : null;
  }
  if (scheme === 'GB-SC') {
    const m = /^(?:SC)?(\d{1,6})$/.exec(text);
    return m ? `SC${(m[1] ?? '').padStart(6, '0')}` : null;
  }
  if (scheme === 'GB-NIC') {
    const m = /^(?:NIC)?0*(\d{1,7})$/.exec(text);
    return m ? (m[1] ?? null) : null;
  }
  return text || null;
}

/** What publishers type when they have no identifier: never an identifier (it would join unrelated suppliers). */
const PLACEHOLDER =
  /^(?:0+|NA|NONE|NULL|NIL|TBC|TBA|TBD|UNKNOWN|NOTKNOWN|NOTAPPLICABLE|NOTPROVIDED|NOTREGISTERED|N)$/;

export function isPlaceholderId(id: string): boolean {
  const text = id.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return text === '' || PLACEHOLDER.test(text);
}

/** Scheme spellings seen in the wild for the same register. */
const SCHEME_ALIASES: Record<string, string> = { 'GB-CH': 'GB-COH', 'GB-COMPANIESHOUSE': 'GB-COH' };

/**
 * Canonical (scheme, id), or null when either part is empty or the id cannot belong to the scheme.
 * Also strips a repeated prefix (`{scheme: 'GB-COH', id: 'GB-COH-09121572'}`), a frequent publisher slip.
 */
export function normaliseIdentifier(schemeRaw: unknown, idRaw: unknown): OrgIdentifier | null {
  if (typeof schemeRaw !== 'string') return null;
  if (typeof idRaw !== 'string' && typeof idRaw !== 'number') return null;
  const upper = schemeRaw.trim().toUpperCase().replace(/\s+/g, '');
  const scheme = SCHEME_ALIASES[upper] ?? upper;
  let id = String(idRaw).trim();
  if (!/^[A-Z]{2}-[A-Z0-9]{2,}$/.test(scheme) || id === '') return null;
  if (id.toUpperCase().startsWith(`${scheme}-`)) id = id.slice(scheme.length + 1);
  if (isPlaceholderId(id)) return null;
  let canonicalId: string | null;
  switch (scheme) {
    case 'GB-COH':
      canonicalId = normaliseCompanyNumber(id);
      break;
    case 'GB-PPON':
      canonicalId = normalisePpon(id);
      break;
    case 'GB-CHC':
    case 'GB-SC':
    case 'GB-NIC':
      canonicalId = normaliseCharityNumber(scheme, id);
      break;
    case 'GB-CFS':
      // Contracts Finder's own organisation ids (legacy, domain.md §6.1): digits; leading zeros carry no meaning.
      canonicalId = /^\d+$/.test(id) ? id.replace(/^0+(?=\d)/, '') : id;
      break;
    case 'GB-GOR':
    case 'GB-UKPRN':
      canonicalId = id.toUpperCase().replace(/\s/g, '');
      break;
    default:
      // Unknown registers: keep the id as written (ids such as GB-SRS paths are case-sensitive).
      canonicalId = id;
  }
  return canonicalId ? { scheme, id: canonicalId } : null;
}

/** The one-string form used as key and shown as evidence: `GB-COH-09121572`. */
export function identifierKey(id: OrgIdentifier): string {
  return `${id.scheme}-${id.id}`;
}

/** Deduplicates identifiers by scheme + id, keeping the first spelling. */
export function uniqueIdentifiers(ids: readonly OrgIdentifier[]): OrgIdentifier[] {
  const seen = new Set<string>();
  const out: OrgIdentifier[] = [];
  for (const id of ids) {
    const key = identifierKey(id);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(id);
  }
  return out;
}
