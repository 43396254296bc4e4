// Amounts as councils publish them, read into exact decimal strings (never floats, design.md §4):
// `1234.56`, `1,234.56`, `£1,680.00`, `-425.60`, `(1,234.56)` and `1,234.56-` (accounting credits), `1234.56 CR`.
import { toDecimal } from '../../domain/decimal.js';

const CURRENCY = /[£$€]|\bGBP\b/gi;

/** An exact decimal string, or null when the text is not one amount. A credit comes back negative. */
export function parseMoney(text: string | null | undefined): string | null {
  if (text == null) return null;
  let t = text.trim().replace(CURRENCY, '').replace(/\s+/g, ' ').trim();
  if (t === '') return null;
  let negative = false;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    negative = true;
    t = paren[1]!.trim();
  }
  const credit = /^(.*?)\s*(?:CR|-)$/i.exec(t);
  if (credit && credit[1] !== '') {
    negative = !negative;
    t = credit[1]!.trim();
  }
  if (t.startsWith('-') && negative) return null; // `(-5)`: two signs, ambiguous
  const cleaned = t.replace(/\s/g, '');
  // Thousands separators must be in groups of three; toDecimal rejects anything else.
  const value = toDecimal(cleaned);
  if (value === null) return null;
  if (!negative || value === '0') return value;
  return value.startsWith('-') ? null : `-${value}`;
}
