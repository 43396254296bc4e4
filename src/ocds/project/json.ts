// Safe readers for untrusted OCDS JSON: a wrong type reads as "absent", never as an exception (a bad publisher
// value must not stop the projection of a million records).
import { toDecimal } from '../../domain/decimal.js';
import { parseDate } from '../../domain/dates.js';

export type Json = Record<string, unknown>;

export function obj(value: unknown): Json | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : null;
}

/** The objects of an array (non-objects skipped). */
export function objects(value: unknown): Json[] {
  if (!Array.isArray(value)) return [];
  const out: Json[] = [];
  for (const v of value) {
    const o = obj(v);
    if (o) out.push(o);
  }
  return out;
}

/** A non-empty trimmed string; numbers are read as their text (ids are sometimes numbers: `"id": 1`). */
export function str(value: unknown): string | null {
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' ? null : t;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** Free text: kept as published apart from surrounding whitespace. */
export function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

export function bool(value: unknown): boolean | null {
  return typeof value === 'boolean' ? value : null;
}

/** Strings of an array, trimmed and deduplicated in order. */
export function strings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const v of value) {
    const s = str(v);
    if (s !== null && !out.includes(s)) out.push(s);
  }
  return out;
}

/** A non-negative whole number (days, months, counts) or null. */
export function whole(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= 2_147_483_647
    ? value
    : null;
}

export interface Money {
  amount: string | null;
  gross: string | null;
  currency: string | null;
}

/** OCDS Value: `amount` (net), ocds_uk_extension `amountGross` (incl. VAT, domain.md §1) and `currency`. */
export function money(value: unknown): Money {
  const v = obj(value);
  const currency = str(v?.currency);
  return {
    amount: toDecimal(v?.amount),
    gross: toDecimal(v?.amountGross),
    currency: currency && /^[A-Za-z]{3}$/.test(currency) ? currency.toUpperCase() : null,
  };
}

export interface Period {
  start: string | null;
  end: string | null;
  maxExtent: string | null;
  durationDays: number | null;
  /** ocds_uk_extension Period.durationInMonths. */
  durationMonths: number | null;
}

export function period(value: unknown): Period {
  const p = obj(value);
  return {
    start: parseDate(p?.startDate),
    end: parseDate(p?.endDate),
    maxExtent: parseDate(p?.maxExtentDate),
    durationDays: whole(p?.durationInDays),
    durationMonths: whole(p?.durationInMonths),
  };
}

/** Keeps the last row for each key, at the place of the first (OCDS: with duplicate ids, the last one wins). */
export function lastByKey<T>(rows: readonly T[], key: (row: T) => string): T[] {
  const map = new Map<string, T>();
  for (const r of rows) map.set(key(r), r);
  return [...map.values()];
}
