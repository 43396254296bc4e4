// The `date-time` and `uri` formats, with exactly the results of ajv-formats' "full" mode but faster on the
// common shapes. A release holds ~8 date-times and ~2 URIs (Contracts Finder 2025 sample); ajv-formats' full
// date-time splits the string and runs two capturing regexes, a quarter of all validation time. Each check here
// first tries a quick scan that only ever answers "certainly valid" for strings the full check would accept
// (proved by test/ocds/validate/formats.test.ts against ajv-formats on real and mutated values); anything else
// goes to the ajv-formats function itself, so edge cases (leap seconds, "+01" offsets, space separators) keep
// ajv-formats' answer.
import ajvFormats from 'ajv-formats';

type Check = (value: string) => boolean;

const full = (name: 'date-time' | 'uri'): Check => {
  const format = ajvFormats.default.get(name, 'full');
  if (typeof format === 'function') return format as Check;
  if (format instanceof RegExp) return (s) => format.test(s);
  if (typeof format === 'object' && 'validate' in format) {
    const v = format.validate;
    if (typeof v === 'function') return v as Check;
    if (v instanceof RegExp) return (s) => v.test(s);
  }
  throw new Error(`ajv-formats has no usable ${name} format`);
};

const fullDateTime = full('date-time');
const fullUri = full('uri');

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const DIGIT_AT = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18];
const two = (s: string, i: number): number => (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);

/**
 * `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)` with every field in range → true. Anything else → undefined (unsure).
 * Leap seconds (second 60) are left to the full check.
 */
function quickDateTime(s: string): true | undefined {
  const n = s.length;
  if (n < 20 || n > 40) return undefined;
  for (const i of DIGIT_AT) if (!isDigit(s.charCodeAt(i))) return undefined;
  if (s[4] !== '-' || s[7] !== '-' || (s[10] !== 'T' && s[10] !== 't') || s[13] !== ':' || s[16] !== ':') {
    return undefined;
  }
  let i = 19;
  if (s[i] === '.') {
    i++;
    const start = i;
    while (i < n && isDigit(s.charCodeAt(i))) i++;
    if (i === start) return undefined;
  }
  const zone = s[i];
  if (zone === 'Z' || zone === 'z') {
    if (i + 1 !== n) return undefined;
  } else if (zone === '+' || zone === '-') {
    if (i + 6 !== n || s[i + 3] !== ':') return undefined;
    const d = (k: number): boolean => isDigit(s.charCodeAt(i + k));
    if (!(d(1) && d(2) && d(4) && d(5))) return undefined;
    if (two(s, i + 1) > 23 || two(s, i + 4) > 59) return undefined;
  } else return undefined;
  const year = two(s, 0) * 100 + two(s, 2);
  const month = two(s, 5);
  const day = two(s, 8);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month < 1 || month > 12 || day < 1 || day > (month === 2 && leap ? 29 : (DAYS[month] ?? 0)))
    return undefined;
  if (two(s, 11) > 23 || two(s, 14) > 59 || two(s, 17) > 59) return undefined;
  return true;
}

export function isDateTime(value: string): boolean {
  return quickDateTime(value) ?? fullDateTime(value);
}

// http(s)://host[:port][/path][?query][#fragment] using only unreserved, sub-delim, ':' '@' '/' '?' characters —
// a strict subset of the RFC 3986 grammar that ajv-formats' URI regex implements (no '%', so no pct-encoding to
// verify; those go to the full regex).
const QUICK_URI =
  /^https?:\/\/[a-z0-9.-]+(?::[0-9]*)?(?:\/[a-z0-9\-._~!$&'()*+,;=:@/]*)?(?:\?[a-z0-9\-._~!$&'()*+,;=:@/?]*)?(?:#[a-z0-9\-._~!$&'()*+,;=:@/?]*)?$/i;

export function isUri(value: string): boolean {
  return QUICK_URI.test(value) || fullUri(value);
}
