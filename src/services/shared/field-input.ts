// Reading one field of what a person sends (web form strings or API JSON), shared by the pipeline and opportunity
// forms: every problem is collected as { field, message } so a page can show them all in its error summary, and
// values come out normalised (money as exact decimals to the penny, days as YYYY-MM-DD).
import { parseCpv } from '../../domain/cpv.js';
import { compareDecimals, toDecimal } from '../../domain/decimal.js';
import { isDay } from '../../domain/rules/index.js';

export interface FieldProblem<F extends string> {
  field: F;
  message: string;
}

/** Values up to a trillion pounds, to the penny. */
export const MAX_MONEY = '1000000000000';

export const text = (v: unknown): string =>
  typeof v === 'string' ? v.trim() : v == null ? '' : String(v).trim();
export const optional = (v: unknown): string | null => text(v) || null;

export function flag(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  return ['true', 'yes', 'on', '1'].includes(text(v).toLowerCase());
}

/** "£2,500,000.50" → "2500000.50"; empty → null; anything else is a problem. */
export function money<F extends string>(v: unknown, field: F, problems: FieldProblem<F>[]): string | null {
  const raw = text(v).replace(/^£/, '').replace(/,/g, '');
  if (raw === '') return null;
  const d = toDecimal(raw);
  if (d === null || !/^\d+(\.\d{1,2})?$/.test(d))
    problems.push({ field, message: 'must be an amount in pounds, like 2500000 or 2,500,000.50' });
  else if (compareDecimals(d, MAX_MONEY) > 0)
    problems.push({ field, message: 'must be at most £1,000,000,000,000' });
  else return d;
  return null;
}

export function dayOf<F extends string>(v: unknown, field: F, problems: FieldProblem<F>[]): string | null {
  const raw = text(v);
  if (raw === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || !isDay(raw)) {
    problems.push({ field, message: 'must be a real date' });
    return null;
  }
  return raw;
}

export function oneOf<T extends string, F extends string>(
  v: unknown,
  allowed: readonly T[],
  field: F,
  problems: FieldProblem<F>[],
): T | null {
  const raw = text(v);
  if (raw === '') return null;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  problems.push({ field, message: `must be one of ${allowed.join(', ')}` });
  return null;
}

/** Required or optional text of at most `max` characters. */
export function boundedText<F extends string>(
  v: unknown,
  field: F,
  max: number,
  problems: FieldProblem<F>[],
  required = false,
): string | null {
  const t = optional(v);
  if (t === null) {
    if (required) problems.push({ field, message: 'is required' });
    return null;
  }
  if (t.length > max)
    problems.push({ field, message: `must be at most ${max.toLocaleString('en-GB')} characters` });
  return t;
}

const REGION = /^(UK|TL)[A-Z0-9]{0,3}$/;

/** An optional CPV code as its 8 digits (check digit dropped). */
export function cpvOf<F extends string>(v: unknown, field: F, problems: FieldProblem<F>[]): string | null {
  if (text(v) === '') return null;
  const cpv = parseCpv(text(v));
  if (cpv === null)
    problems.push({ field, message: 'must be a CPV code of 8 digits, like 45210000 or 45210000-2' });
  return cpv?.code ?? null;
}

/** An optional ITL / NUTS region code, upper-cased. */
export function regionOf<F extends string>(v: unknown, field: F, problems: FieldProblem<F>[]): string | null {
  const region = text(v).toUpperCase() || null;
  if (region !== null && !REGION.test(region))
    problems.push({ field, message: 'must be an ITL region code, like UKF or TLF11' });
  return region;
}
