// UK postcodes: outward code (area + district, e.g. `SK10`, `WC2N`) and inward code (sector + unit, `4TG`).
// Publishers write `TS176FB`, ` EX1 3PB`, `sk10 4tg`; Contracts Finder supplier addresses often put the postcode
// at the end of `streetAddress` instead of `postalCode`.

/** Outward: A9, A99, AA9, AA99, A9A, AA9A. Inward: 9AA. Plus the Girobank special `GIR 0AA`. */
const FULL = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$/;

/**
 * Canonical form `OUTWARD INWARD` in capitals (`TS17 6FB`), or null when the text is not a whole UK postcode.
 * British Forces (BFPO) and overseas addresses give null: they cannot locate an organisation.
 */
export function normalisePostcode(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (text === 'GIR0AA') return 'GIR 0AA';
  const m = FULL.exec(text);
  if (!m) return null;
  // The inward code never uses C I K M O V (Royal Mail PAF rules): a cheap guard against random strings.
  if (/[CIKMOV]/.test(m[2]?.slice(1) ?? '')) return null;
  return `${m[1]} ${m[2]}`;
}

/**
 * The last postcode written in a free-text address, canonical, or null. Capitals only: the lost `\r\n` escapes in
 * Contracts Finder text (`PlacernWC2N 6RHrnGB`) are lower-case, so they neither hide nor fake a postcode.
 */
export function findPostcode(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const re = /(?<![A-Z0-9])([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})(?![A-Z0-9])/g;
  let found: string | null = null;
  for (const m of text.matchAll(re)) found = normalisePostcode(`${m[1]}${m[2]}`) ?? found;
  return found;
}
