// Reading a list query as the pages, API, CSV and CLI send it (strings from a query string or command line, numbers
// from a validated API query): the value checks and the fields the horizon scan and the collaboration finder share
// (CPV, region, organisation ids, as-of day, sort, order, page, page size), each problem reported against its field.
import { normaliseRegion } from '../../domain/region.js';
import { isDay, type Day } from '../../domain/rules/index.js';
import { cpvPrefix } from '../contracts/contract-query.js';

export type RawValue = string | number | undefined;

/** Reports a problem with one field of the query. */
export type ProblemSink<F extends string> = (field: F, message: string) => void;

/** The value trimmed, or undefined when absent or blank. */
export const text = (v: RawValue): string | undefined => {
  if (v === undefined) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
};

/** A whole number from min to max; undefined when absent, null when not one. */
export const whole = (v: RawValue, min: number, max: number): number | undefined | null => {
  const s = text(v);
  if (s === undefined) return undefined;
  if (!/^\d{1,16}$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
};

/** One of the allowed values; undefined when absent, null when another value. */
export function oneOf<T extends string>(v: string | undefined, allowed: readonly T[]): T | undefined | null {
  if (v === undefined) return undefined;
  return (allowed as readonly string[]).includes(v) ? (v as T) : null;
}

/** An organisation id (buyer, supplier): a positive whole number, or a problem like "Buyer ID must be …". */
export function organisationId<F extends string>(
  v: RawValue,
  field: F,
  label: string,
  problem: ProblemSink<F>,
): number | undefined {
  const n = whole(v, 1, Number.MAX_SAFE_INTEGER);
  if (n === null) problem(field, `${label} must be a whole number, like 441`);
  return n ?? undefined;
}

/**
 * The CPV and region filters: CPV as a prefix (72000000 → 72), region in its NUTS form (TLE42 → UKE42).
 * `cpvExamples` completes "like …" in the CPV problem.
 */
export function cpvRegionFilters(
  input: { cpv?: string | undefined; region?: string | undefined },
  cpvExamples: string,
  problem: ProblemSink<'cpv' | 'region'>,
): { cpv?: string; region?: string } {
  const filters: { cpv?: string; region?: string } = {};
  const cpv = text(input.cpv);
  if (cpv !== undefined) {
    const prefix = cpvPrefix(cpv);
    if (prefix === undefined) problem('cpv', `CPV code must be 2 to 8 digits, like ${cpvExamples}`);
    else filters.cpv = prefix;
  }
  const region = text(input.region);
  if (region !== undefined) {
    const r = region.length <= 7 ? normaliseRegion(region) : null;
    if (!r || r.nuts === null || r.level === 0)
      problem('region', 'Region must be an ITL or NUTS code, like TLE, UKE or TLE42');
    else filters.region = r.nuts;
  }
  return filters;
}

export type ListingField = 'asOf' | 'sort' | 'order' | 'page' | 'pageSize';

export interface ListingRules<S extends string> {
  sorts: readonly S[];
  defaultSort: S;
  /** The order each sort takes when none is asked for. */
  defaultOrder: Record<S, 'asc' | 'desc'>;
  maxPage: number;
  maxPageSize: number;
  pageSizes: readonly [number, ...number[]];
}

export interface Listing<S extends string> {
  /** The as-of day; undefined = today (the service fills it in). */
  asOf?: Day;
  sort: S;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

/** The as-of day, sort, order, page and page size, with defaults for what is absent or wrong (and its problem). */
export function parseListing<S extends string>(
  input: { asOf?: string | undefined; sort?: string; order?: string; page?: RawValue; pageSize?: RawValue },
  rules: ListingRules<S>,
  problem: ProblemSink<ListingField>,
): Listing<S> {
  const asOf = text(input.asOf);
  if (asOf !== undefined && !isDay(asOf)) problem('asOf', 'As of must be a real date written YYYY-MM-DD');

  const sort = oneOf(text(input.sort), rules.sorts);
  if (sort === null) problem('sort', `Sort must be one of ${rules.sorts.join(', ')}`);
  const order = oneOf(text(input.order), ['asc', 'desc'] as const);
  if (order === null) problem('order', 'Order must be asc or desc');
  const page = whole(input.page, 1, rules.maxPage);
  if (page === null) problem('page', `Page must be a whole number from 1 to ${rules.maxPage}`);
  const pageSize = whole(input.pageSize, 1, rules.maxPageSize);
  if (pageSize === null)
    problem('pageSize', `Results per page must be a whole number from 1 to ${rules.maxPageSize}`);

  const s = sort ?? rules.defaultSort;
  return {
    ...(asOf !== undefined && isDay(asOf) ? { asOf } : {}),
    sort: s,
    order: order ?? rules.defaultOrder[s],
    page: page ?? 1,
    pageSize: pageSize ?? rules.pageSizes[0],
  };
}
