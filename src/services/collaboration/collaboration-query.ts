// The collaboration finder's query as the pages, API, CSV and CLI accept it, checked in one place so they agree.
// Problems come back per field, for an error summary next to the inputs (docs/collaboration.md, "Configuration").
import {
  COLLABORATION_LEVELS,
  COLLABORATION_SORTS,
  type CollaborationLevel,
  type CollaborationSort,
} from '../../analytics/collaboration/index.js';
import { normaliseRegion } from '../../domain/region.js';
import { isDay, type Day } from '../../domain/rules/index.js';
import { cpvPrefix } from '../contracts/contract-query.js';
import { oneOf, text, whole } from '../horizon/horizon-query.js';

/**
 * Decisions due within 12 months of the as-of day [?]: missionbuy's configurable default, the horizon scan's default
 * window, long enough for buyers to agree a joint procurement before the earliest decision (docs/collaboration.md).
 */
export const COLLABORATION_DEFAULT_WINDOW = 12;
export const COLLABORATION_MIN_WINDOW = 1;
export const COLLABORATION_MAX_WINDOW = 60;
export const COLLABORATION_DEFAULT_MIN_BUYERS = 2;
export const COLLABORATION_MAX_MIN_BUYERS = 50;
export const COLLABORATION_PAGE_SIZES = [25, 50, 100] as const;
export const COLLABORATION_MAX_PAGE_SIZE = 100;
export const COLLABORATION_MAX_PAGE = 10_000;

/** Largest value first; most buyers, most contracts first; soonest decision first. */
export const COLLABORATION_DEFAULT_ORDER: Record<CollaborationSort, 'asc' | 'desc'> = {
  value: 'desc',
  buyers: 'desc',
  contracts: 'desc',
  decision: 'asc',
};

/** Raw values as they arrive from a query string (strings) or a validated API query (numbers). */
export interface CollaborationQueryInput {
  windowMonths?: string | number | undefined;
  level?: string | undefined;
  cpv?: string | undefined;
  region?: string | undefined;
  buyerId?: string | number | undefined;
  minBuyers?: string | number | undefined;
  asOf?: string | undefined;
  sort?: string | undefined;
  order?: string | undefined;
  page?: string | number | undefined;
  pageSize?: string | number | undefined;
}

export type CollaborationField = keyof CollaborationQueryInput;

export interface CollaborationFilters {
  /** CPV prefix (72000000 → 72). */
  cpv?: string;
  /** NUTS form of the region code (TLE42 → UKE42). */
  region?: string;
  buyerId?: number;
}

export interface CollaborationQuery {
  /** The as-of day; undefined = today (the service fills it in). */
  asOf?: Day;
  windowMonths: number;
  level: CollaborationLevel;
  minBuyers: number;
  filters: CollaborationFilters;
  sort: CollaborationSort;
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export interface CollaborationProblem {
  field: CollaborationField;
  message: string;
}

export function parseCollaborationQuery(input: CollaborationQueryInput): {
  query: CollaborationQuery;
  problems: CollaborationProblem[];
} {
  const problems: CollaborationProblem[] = [];
  const problem = (field: CollaborationField, message: string) => problems.push({ field, message });
  const filters: CollaborationFilters = {};

  const windowMonths = whole(input.windowMonths, COLLABORATION_MIN_WINDOW, COLLABORATION_MAX_WINDOW);
  if (windowMonths === null)
    problem(
      'windowMonths',
      `Window must be a whole number of months from ${COLLABORATION_MIN_WINDOW} to ${COLLABORATION_MAX_WINDOW}`,
    );

  const level = oneOf(text(input.level), COLLABORATION_LEVELS);
  if (level === null) problem('level', 'Match contracts by must be group or class');

  const minBuyers = whole(input.minBuyers, 2, COLLABORATION_MAX_MIN_BUYERS);
  if (minBuyers === null)
    problem('minBuyers', `Minimum buyers must be a whole number from 2 to ${COLLABORATION_MAX_MIN_BUYERS}`);

  const buyerId = whole(input.buyerId, 1, Number.MAX_SAFE_INTEGER);
  if (buyerId === null) problem('buyerId', 'Buyer ID must be a whole number, like 441');
  else if (buyerId !== undefined) filters.buyerId = buyerId;

  const cpv = text(input.cpv);
  if (cpv !== undefined) {
    const prefix = cpvPrefix(cpv);
    if (prefix === undefined) problem('cpv', 'CPV code must be 2 to 8 digits, like 85 or 85311000');
    else filters.cpv = prefix;
  }

  const region = text(input.region);
  if (region !== undefined) {
    const r = region.length <= 7 ? normaliseRegion(region) : null;
    if (!r || r.nuts === null || r.level === 0)
      problem('region', 'Region must be an ITL or NUTS code, like TLE, UKE or TLE42');
    else filters.region = r.nuts;
  }

  const asOf = text(input.asOf);
  if (asOf !== undefined && !isDay(asOf)) problem('asOf', 'As of must be a real date written YYYY-MM-DD');

  const sort = oneOf(text(input.sort), COLLABORATION_SORTS);
  if (sort === null) problem('sort', `Sort must be one of ${COLLABORATION_SORTS.join(', ')}`);
  const order = oneOf(text(input.order), ['asc', 'desc'] as const);
  if (order === null) problem('order', 'Order must be asc or desc');
  const page = whole(input.page, 1, COLLABORATION_MAX_PAGE);
  if (page === null) problem('page', `Page must be a whole number from 1 to ${COLLABORATION_MAX_PAGE}`);
  const pageSize = whole(input.pageSize, 1, COLLABORATION_MAX_PAGE_SIZE);
  if (pageSize === null)
    problem('pageSize', `Results per page must be a whole number from 1 to ${COLLABORATION_MAX_PAGE_SIZE}`);

  const s = sort ?? 'value';
  return {
    query: {
      ...(asOf !== undefined && isDay(asOf) ? { asOf } : {}),
      windowMonths: windowMonths ?? COLLABORATION_DEFAULT_WINDOW,
      level: level ?? 'group',
      minBuyers: minBuyers ?? COLLABORATION_DEFAULT_MIN_BUYERS,
      filters,
      sort: s,
      order: order ?? COLLABORATION_DEFAULT_ORDER[s],
      page: page ?? 1,
      pageSize: pageSize ?? COLLABORATION_PAGE_SIZES[0],
    },
    problems,
  };
}
