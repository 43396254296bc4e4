// The horizon scan's query as the page, API, CSV, Atom feed and CLI accept it, checked in one place so they agree.
// Problems come back per field, so the page can show them in an error summary next to the inputs.
import {
  HORIZON_BASES,
  HORIZON_SORTS,
  type HorizonBasis,
  type HorizonSort,
} from '../../analytics/horizon/index.js';
import { normaliseRegion } from '../../domain/region.js';
import { isDay, type Day } from '../../domain/rules/index.js';
import { cpvPrefix, parsePounds } from '../contracts/contract-query.js';

/** The windows the summary always shows (design.md §1: horizon scans 18/12/6 months ahead; issue 6: 24). */
export const HORIZON_WINDOWS = [6, 12, 18, 24] as const;
export const HORIZON_MIN_MONTHS = 1;
export const HORIZON_MAX_MONTHS = 60;
export const HORIZON_DEFAULT_MONTHS = 12;
export const HORIZON_PAGE_SIZES = [25, 50, 100] as const;
export const HORIZON_MAX_PAGE_SIZE = 100;
export const HORIZON_MAX_PAGE = 10_000;

/** Soonest decision first; soonest end first; largest value first. */
export const HORIZON_DEFAULT_ORDER: Record<HorizonSort, 'asc' | 'desc'> = {
  decision: 'asc',
  end: 'asc',
  value: 'desc',
};

/** Raw values as they arrive from a query string (strings) or a validated API query (numbers). */
export interface HorizonQueryInput {
  months?: string | number | undefined;
  basis?: string | undefined;
  buyerId?: string | number | undefined;
  cpv?: string | undefined;
  region?: string | undefined;
  supplierId?: string | number | undefined;
  minValue?: string | number | undefined;
  asOf?: string | undefined;
  sort?: string | undefined;
  order?: string | undefined;
  page?: string | number | undefined;
  pageSize?: string | number | undefined;
}

export type HorizonField = keyof HorizonQueryInput;

export interface HorizonFilters {
  buyerId?: number;
  /** CPV prefix (72000000 → 72). */
  cpv?: string;
  /** NUTS form of the region code (TLE42 → UKE42). */
  region?: string;
  supplierId?: number;
  /** Pounds, exact decimal string. */
  minValue?: string;
}

export interface HorizonQuery {
  /** The as-of day; undefined = today (the service fills it in). */
  asOf?: Day;
  months: number;
  basis: HorizonBasis;
  filters: HorizonFilters;
  sort: HorizonSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export interface HorizonProblem {
  field: HorizonField;
  message: string;
}

export const text = (v: string | number | undefined): string | undefined => {
  if (v === undefined) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
};

export const whole = (
  v: string | number | undefined,
  min: number,
  max: number,
): number | undefined | null => {
  const s = text(v);
  if (s === undefined) return undefined;
  if (!/^\d{1,16}$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
};

export function oneOf<T extends string>(v: string | undefined, allowed: readonly T[]): T | undefined | null {
  if (v === undefined) return undefined;
  return (allowed as readonly string[]).includes(v) ? (v as T) : null;
}

export function parseHorizonQuery(input: HorizonQueryInput): {
  query: HorizonQuery;
  problems: HorizonProblem[];
} {
  const problems: HorizonProblem[] = [];
  const problem = (field: HorizonField, message: string) => problems.push({ field, message });
  const filters: HorizonFilters = {};

  const months = whole(input.months, HORIZON_MIN_MONTHS, HORIZON_MAX_MONTHS);
  if (months === null)
    problem(
      'months',
      `Months ahead must be a whole number from ${HORIZON_MIN_MONTHS} to ${HORIZON_MAX_MONTHS}`,
    );

  const basis = oneOf(text(input.basis), HORIZON_BASES);
  if (basis === null) problem('basis', `End date must be one of ${HORIZON_BASES.join(', ')}`);

  for (const [field, label] of [
    ['buyerId', 'Buyer ID'],
    ['supplierId', 'Supplier ID'],
  ] as const) {
    const n = whole(input[field], 1, Number.MAX_SAFE_INTEGER);
    if (n === null) problem(field, `${label} must be a whole number, like 441`);
    else if (n !== undefined) filters[field] = n;
  }

  const cpv = text(input.cpv);
  if (cpv !== undefined) {
    const prefix = cpvPrefix(cpv);
    if (prefix === undefined) problem('cpv', 'CPV code must be 2 to 8 digits, like 72 or 45210000');
    else filters.cpv = prefix;
  }

  const region = text(input.region);
  if (region !== undefined) {
    const r = region.length <= 7 ? normaliseRegion(region) : null;
    if (!r || r.nuts === null || r.level === 0)
      problem('region', 'Region must be an ITL or NUTS code, like TLE, UKE or TLE42');
    else filters.region = r.nuts;
  }

  const min = text(input.minValue === undefined ? undefined : String(input.minValue));
  if (min !== undefined) {
    const pounds = parsePounds(min);
    if (pounds === undefined)
      problem('minValue', 'Minimum value must be an amount in pounds, like 100000 or £2,500,000');
    else filters.minValue = pounds;
  }

  const asOf = text(input.asOf);
  if (asOf !== undefined && !isDay(asOf)) problem('asOf', 'As of must be a real date written YYYY-MM-DD');

  const sort = oneOf(text(input.sort), HORIZON_SORTS);
  if (sort === null) problem('sort', `Sort must be one of ${HORIZON_SORTS.join(', ')}`);
  const order = oneOf(text(input.order), ['asc', 'desc'] as const);
  if (order === null) problem('order', 'Order must be asc or desc');
  const page = whole(input.page, 1, HORIZON_MAX_PAGE);
  if (page === null) problem('page', `Page must be a whole number from 1 to ${HORIZON_MAX_PAGE}`);
  const pageSize = whole(input.pageSize, 1, HORIZON_MAX_PAGE_SIZE);
  if (pageSize === null)
    problem('pageSize', `Results per page must be a whole number from 1 to ${HORIZON_MAX_PAGE_SIZE}`);

  const s = sort ?? 'decision';
  return {
    query: {
      ...(asOf !== undefined && isDay(asOf) ? { asOf } : {}),
      months: months ?? HORIZON_DEFAULT_MONTHS,
      basis: basis ?? 'next',
      filters,
      sort: s,
      order: order ?? HORIZON_DEFAULT_ORDER[s],
      page: page ?? 1,
      pageSize: pageSize ?? HORIZON_PAGE_SIZES[0],
    },
    problems,
  };
}
