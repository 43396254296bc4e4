// Category codes with their scheme, and whether two of them agree (docs/paid-money.md "On and off contract").
// Spend files and contract registers classify purchases with ProClass (the councils' procurement classification:
// six digits, `32` social care → `3210` adult → `321014` domiciliary care; `320000` is a level-1 code, `321000`
// level 2); OCDS uses CPV (eight digits). Codes of different schemes are never compared (no crosswalk ships). Pure.

export type CategoryScheme = 'proclass' | 'cpv';

export interface CategoryCode {
  scheme: CategoryScheme;
  code: string;
}

const PROCLASS = /^\d{6}$/;
const CPV = /^(\d{8})(?:-\d)?$/;
/** ProClass's "unclassified" code: says nothing about the category. */
const PROCLASS_UNCLASSIFIED = '999999';

/** A published code in a known scheme → the code as compared (CPV without its check digit), or null when it is not
 * a code of that scheme (`NA`, blank, `999999`). */
export function categoryCode(scheme: CategoryScheme | null, raw: string | null): CategoryCode | null {
  const text = raw?.trim() ?? '';
  if (scheme === 'proclass')
    return PROCLASS.test(text) && text !== PROCLASS_UNCLASSIFIED ? { scheme, code: text } : null;
  if (scheme === 'cpv') {
    const m = CPV.exec(text);
    return m ? { scheme, code: m[1]! } : null;
  }
  return null;
}

/** ProClass level of a code: 1 (`320000`), 2 (`321000`) or 3 (`321014`). */
export function proclassLevel(code: string): 1 | 2 | 3 {
  return code.endsWith('0000') ? 1 : code.endsWith('00') ? 2 : 3;
}

/**
 * Whether two categories agree: ProClass with ProClass at the finer level both have (`321014` and `321000` agree at
 * level 2; `321014` and `390000` do not), CPV with CPV by division (first two digits: the level spend and contracts
 * are reliably coded at). Null when they cannot be compared: either is missing, or they are of different schemes.
 */
export function sameCategory(a: CategoryCode | null, b: CategoryCode | null): boolean | null {
  if (a === null || b === null || a.scheme !== b.scheme) return null;
  const digits = a.scheme === 'cpv' ? 2 : 2 * Math.min(proclassLevel(a.code), proclassLevel(b.code));
  return a.code.slice(0, digits) === b.code.slice(0, digits);
}
