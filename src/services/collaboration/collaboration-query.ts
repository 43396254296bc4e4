// The collaboration finder's query as the pages, API, CSV and CLI accept it, checked in one place so they agree.
// Problems come back per field, for an error summary next to the inputs (docs/collaboration.md, "Configuration").
import {
  COLLABORATION_LEVELS,
  COLLABORATION_MAX_MONTHS,
  COLLABORATION_SORTS,
  type CollaborationLevel,
  type CollaborationSort,
} from '../../analytics/collaboration/index.js';
import type { Day } from '../../domain/rules/index.js';
import { cpvRegionFilters, oneOf, organisationId, parseListing, text, whole } from '../shared/query-input.js';

/**
 * Decisions due within 12 months of the as-of day [?]: missionbuy's configurable default, the horizon scan's default
 * window, long enough for buyers to agree a joint procurement before the earliest decision (docs/collaboration.md).
 */
export const COLLABORATION_DEFAULT_WINDOW = 12;
export const COLLABORATION_MIN_WINDOW = 1;
export const COLLABORATION_MAX_WINDOW = COLLABORATION_MAX_MONTHS;
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

  const buyerId = organisationId(input.buyerId, 'buyerId', 'Buyer ID', problem);
  if (buyerId !== undefined) filters.buyerId = buyerId;

  Object.assign(filters, cpvRegionFilters(input, '85 or 85311000', problem));

  const { asOf, ...listing } = parseListing(
    input,
    {
      sorts: COLLABORATION_SORTS,
      defaultSort: 'value',
      defaultOrder: COLLABORATION_DEFAULT_ORDER,
      maxPage: COLLABORATION_MAX_PAGE,
      maxPageSize: COLLABORATION_MAX_PAGE_SIZE,
      pageSizes: COLLABORATION_PAGE_SIZES,
    },
    problem,
  );
  return {
    query: {
      ...(asOf !== undefined ? { asOf } : {}),
      windowMonths: windowMonths ?? COLLABORATION_DEFAULT_WINDOW,
      level: level ?? 'group',
      minBuyers: minBuyers ?? COLLABORATION_DEFAULT_MIN_BUYERS,
      filters,
      ...listing,
    },
    problems,
  };
}
