// Exact sums of money for the market figures (docs/market-analytics.md, "Summary table"): a value in pounds, or an
// award's value split among its k suppliers, is counted in whole units of 10⁻¹⁰ pound (rounded half away from zero),
// and units are added as BigInt. The figures are then the same to the last bit whatever order the parts are added
// in: from fact rows one pair at a time, or from the summary table's cells (whose sums PostgreSQL adds exactly, in
// numeric). Float sums were not: adding the same pairs in another order changed the last digits of HHI and shares.
// The summary refresh computes the same units in SQL (`unitsSql`, src/store/market-summary.repository.ts); the
// equality test on the real sample (test/services/market-summary.db.test.ts) compares the two paths. Pure.

/** Decimal places of a unit: 10⁻¹⁰ pound. */
export const UNIT_DECIMALS = 10;
const SCALE = 10n ** BigInt(UNIT_DECIMALS);

/**
 * Units of `value ÷ parts` (`value`: a decimal as PostgreSQL prints numeric, e.g. "-1234.5"; `parts` ≥ 1), rounded
 * half away from zero, exactly.
 */
export function toUnits(value: string, parts = 1): bigint {
  const m = /^(-?)(\d*)(?:\.(\d*))?$/.exec(value.trim());
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) throw new Error(`not a decimal: ${value}`);
  const fraction = m[3] ?? '';
  const digits = BigInt(`${m[2]}${fraction}` || '0');
  // |value| × 10¹⁰ ÷ parts = digits × 10¹⁰ ÷ (parts × 10^fraction.length); +½ then truncate = half up on magnitudes.
  const den = BigInt(parts) * 10n ** BigInt(fraction.length);
  const units = (2n * digits * SCALE + den) / (2n * den);
  return m[1] === '-' ? -units : units;
}

/** Pounds as the nearest double to the exact sum (one rounding, as Number() of PostgreSQL's numeric text gives). */
export function unitsToPounds(units: bigint): number {
  const negative = units < 0n;
  const text = (negative ? -units : units).toString().padStart(UNIT_DECIMALS + 1, '0');
  const cut = text.length - UNIT_DECIMALS;
  return Number(`${negative ? '-' : ''}${text.slice(0, cut)}.${text.slice(cut)}`);
}

/** Units from a sum PostgreSQL returns as text (whole units; null when nothing was summed). */
export const unitsOf = (text: string | null | undefined): bigint =>
  text === null || text === undefined ? 0n : BigInt(text.includes('.') ? text.replace(/\.0*$/, '') : text);

const RATIO_BITS = 60n;

/**
 * `a ÷ b` as a double from exact integers (b > 0): the quotient is taken exactly to 60 binary places, then rounded
 * once, so the same sums give the same double whatever order they were added in.
 */
export function ratioOfUnits(a: bigint, b: bigint): number {
  if (b <= 0n) throw new Error('ratioOfUnits: the denominator must be positive');
  return Number((a << RATIO_BITS) / b) / 2 ** Number(RATIO_BITS);
}
