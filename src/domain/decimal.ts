// Exact decimal strings for money and measures (design.md §4: "money in integer pence or numeric, never float").
// JSON.parse has already turned `40465.2` into a double; String(double) gives the shortest text that reads back as
// the same double, which for the ≤ 15 significant digits publishers send is the text they wrote. From there on we
// only ever add decimal strings with BigInt, never doubles.

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;
const EXPONENT = /^([+-]?)(\d+)(?:\.(\d+))?e([+-]?\d+)$/i;
/** `1,234,567.50`: thousands separators as some registers and spreadsheets write them. */
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** Canonical form: no exponent, no leading zeros, no trailing fractional zeros, `0` never negative. */
function canonical(sign: string, intPart: string, fracPart: string): string | null {
  if (intPart === '' && fracPart === '') return null;
  const int = intPart.replace(/^0+(?=\d)/, '') || '0';
  const frac = fracPart.replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  if (/^0(\.0*)?$/.test(body)) return '0';
  return sign === '-' ? `-${body}` : body;
}

/** Expands `1.5e+21` / `2e-7` (what String() gives for very large or small doubles) into plain digits. */
function expandExponent(text: string): string | null {
  const m = EXPONENT.exec(text);
  if (!m) return null;
  const [, sign = '', int = '', frac = '', expText = '0'] = m;
  const exp = Number(expText);
  if (!Number.isSafeInteger(exp) || Math.abs(exp) > 400) return null;
  const digits = int + frac;
  const point = int.length + exp; // position of the decimal point within `digits`
  if (point <= 0) return canonical(sign, '0', '0'.repeat(-point) + digits);
  if (point >= digits.length) return canonical(sign, digits + '0'.repeat(point - digits.length), '');
  return canonical(sign, digits.slice(0, point), digits.slice(point));
}

/**
 * A published amount as an exact decimal string, or null when it is not a finite number.
 * Accepts JSON numbers and numeric strings (some publishers send `"31715.00"`); never throws.
 */
export function toDecimal(value: unknown): string | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    const text = String(value);
    return text.includes('e') ? expandExponent(text) : decimalFromText(text);
  }
  if (typeof value === 'string') {
    const text = value.trim();
    if (text === '' || text.length > 60) return null;
    if (EXPONENT.test(text)) return expandExponent(text);
    return decimalFromText(GROUPED.test(text) ? text.replace(/,/g, '') : text);
  }
  return null;
}

function decimalFromText(text: string): string | null {
  const m = DECIMAL.exec(text);
  if (!m) return null;
  return canonical(m[1] ?? '', m[2] ?? '', m[3] ?? '');
}

interface Scaled {
  units: bigint;
  scale: number;
}

function scaled(decimal: string): Scaled {
  const negative = decimal.startsWith('-');
  const [int = '0', frac = ''] = (negative ? decimal.slice(1) : decimal).split('.');
  const units = BigInt(int + frac);
  return { units: negative ? -units : units, scale: frac.length };
}

/** a + b, both canonical decimal strings (as returned by toDecimal). */
export function addDecimals(a: string, b: string): string {
  const x = scaled(a);
  const y = scaled(b);
  const scale = Math.max(x.scale, y.scale);
  const sum = x.units * 10n ** BigInt(scale - x.scale) + y.units * 10n ** BigInt(scale - y.scale);
  const negative = sum < 0n;
  const digits = (negative ? -sum : sum).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  return canonical(negative ? '-' : '', int, frac) ?? '0';
}

/** Sum of decimal strings; '0' for an empty list. */
export function sumDecimals(values: readonly string[]): string {
  return values.reduce((acc, v) => addDecimals(acc, v), '0');
}

/** Compares two canonical decimal strings: negative, zero or positive like Array.sort expects. */
export function compareDecimals(a: string, b: string): number {
  const x = scaled(a);
  const y = scaled(b);
  const scale = Math.max(x.scale, y.scale);
  const diff = x.units * 10n ** BigInt(scale - x.scale) - y.units * 10n ** BigInt(scale - y.scale);
  return diff < 0n ? -1 : diff > 0n ? 1 : 0;
}

/** A count: a non-negative integer (number or integer string), else null. Bid statistics are counts (OCDS). */
export function toCount(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value >= 0 ? value : null;
  if (typeof value === 'string' && /^\s*\d{1,15}\s*$/.test(value)) return Number(value);
  return null;
}
