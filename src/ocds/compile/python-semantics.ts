// The few pieces of Python behaviour that ocds-merge's output depends on, reproduced for JSON values:
// `str()` of an `id` (ocds-merge keys array items by `IdValue(identifier)`, a `str` subclass, so ids compare as their
// string form), `repr()` for its messages, `==` for "has this value changed" in versioned releases, hashing of raw
// identifiers (`1 == 1.0 == True`), and `sorted()` on strings (code point order, not UTF-16 order).

/** A JSON object (not an array, not null). */
export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Python `repr(float)` for a non-integral number: shortest digits, exponent below 1e-4 or from 1e16 (`1e-05`). */
function floatRepr(n: number): string {
  const [mantissa = '', exp = '0'] = n.toExponential().split('e');
  const e = Number(exp);
  if (e < -4 || e >= 16) return `${mantissa}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
  return String(n); // JS and Python agree on positional notation in this range
}

/**
 * Python `str()` of a number. JSON.parse cannot tell `1` from `1.0`: integral values are read as Python ints
 * (what Python's json module returns for digits without a fraction or exponent).
 */
export function numberStr(n: number): string {
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  return floatRepr(n);
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Python `repr(str)`: single quotes unless the text has a single quote and no double quote. */
export function pyReprString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ESCAPES[ch]) out += ESCAPES[ch];
    else if (ch === quote) out += `\\${quote}`;
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/** Python `repr()` of a JSON value (`None`, `True`, `{'a': [1, 'b']}`). */
export function pyRepr(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'string') return pyReprString(v);
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return numberStr(v);
  if (Array.isArray(v)) return `[${v.map(pyRepr).join(', ')}]`;
  if (typeof v === 'object') {
    const parts = Object.entries(v as Record<string, unknown>).map(
      ([k, x]) => `${pyReprString(k)}: ${pyRepr(x)}`,
    );
    return `{${parts.join(', ')}}`;
  }
  return String(v);
}

/** Python `str()` of a JSON value: a string is itself, anything else is its repr. */
export const pyStr = (v: unknown): string => (typeof v === 'string' ? v : pyRepr(v));

/** Python `==` between JSON values: dicts ignore key order, and `True == 1`, `False == 0`. */
export function pyEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const ta = typeof a;
  const tb = typeof b;
  if (ta === 'boolean' || tb === 'boolean') {
    return (
      (ta === 'boolean' || ta === 'number') &&
      (tb === 'boolean' || tb === 'number') &&
      Number(a) === Number(b)
    );
  }
  if (ta !== 'object' || tb !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!pyEquals(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const oa = a as Record<string, unknown>;
  const ob = b as Record<string, unknown>;
  const keys = Object.keys(oa);
  if (keys.length !== Object.keys(ob).length) return false;
  for (const k of keys) if (!Object.hasOwn(ob, k) || !pyEquals(oa[k], ob[k])) return false;
  return true;
}

/**
 * The key under which Python's dict would file a raw identifier: equal for `1`, `1.0` and `True`; `undefined` for an
 * unhashable value (an object or array `id`, which makes ocds-merge raise `TypeError: unhashable type`).
 */
export function pyHashKey(v: unknown): string | undefined {
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'number') return `n${v}`;
  if (typeof v === 'boolean') return v ? 'n1' : 'n0';
  if (v === null || v === undefined) return 'z';
  return undefined;
}

/** Python's name for the type of a JSON value, for messages. */
export const pyTypeName = (v: unknown): string =>
  Array.isArray(v) ? 'list' : v === null ? 'NoneType' : typeof v === 'object' ? 'dict' : typeof v;

/** Compares strings by code point, as Python does (JS `<` compares UTF-16 code units). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Above U+D7FF the two orders differ: surrogates (astral code points) sort after U+E000–U+FFFF.
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}

/** A deep copy of a JSON value (own enumerable properties, `__proto__` kept as data). */
export function copyJson<T>(v: T): T {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) return v.map(copyJson) as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) setOwn(out, k, copyJson((v as Record<string, unknown>)[k]));
  return out as T;
}

/** Sets a property as data, even `__proto__` (which plain assignment would turn into a prototype change). */
export function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__')
    Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
  else o[k] = v;
}
