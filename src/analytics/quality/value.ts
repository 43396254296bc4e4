// Money as the checks compare it: exact decimals (domain/decimal.ts), VAT-inclusive figures first because
// thresholds include VAT (domain.md §1).
import { compareDecimals } from '../../domain/decimal.js';
import type { Money } from './facts.js';

export const hasAmount = (m: Money): boolean => m.amount !== null || m.gross !== null;

/**
 * Whether a value is above a VAT-inclusive limit: by the gross figure when published; a net figure above the limit
 * is above it gross too. Null when only a net figure at or below the limit is known (VAT might tip it over).
 */
export function exceeds(m: Money, limit: string): boolean | null {
  if (m.gross !== null) return compareDecimals(m.gross, limit) > 0;
  if (m.amount !== null && compareDecimals(m.amount, limit) > 0) return true;
  return null;
}

/** The figure to show: gross when published, else net, with what it is. */
export function describe(m: Money): string {
  const currency = m.currency ?? '(no currency)';
  if (m.gross !== null) return `${currency} ${m.gross} incl. VAT`;
  if (m.amount !== null) return `${currency} ${m.amount} excl. VAT`;
  return 'no value';
}
