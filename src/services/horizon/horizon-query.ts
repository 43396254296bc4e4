// The horizon scan's query as the page, API, CSV, Atom feed and CLI accept it, checked in one place so they agree.
// Problems come back per field, so the page can show them in an error summary next to the inputs.
import {
  HORIZON_BASES,
  HORIZON_SORTS,
  type HorizonBasis,
  type HorizonScope,
  type HorizonSort,
} from '../../analytics/horizon/index.js';
import type { Day } from '../../domain/rules/index.js';
import { parsePounds } from '../contracts/contract-query.js';
import { loadMissionReference } from '../missions/reference.js';
import { cpvRegionFilters, oneOf, organisationId, parseListing, text, whole } from '../shared/query-input.js';

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

/** The scan's filter fields, in the order the page's form (and a saved search's query string) has them. */
export const HORIZON_FILTER_FIELDS = [
  'months',
  'basis',
  'buyerId',
  'supplierId',
  'cpv',
  'region',
  'minValue',
  'mission',
] as const;

/** Raw values as they arrive from a query string (strings) or a validated API query (numbers). */
export interface HorizonQueryInput {
  months?: string | number | undefined;
  basis?: string | undefined;
  buyerId?: string | number | undefined;
  cpv?: string | undefined;
  region?: string | undefined;
  supplierId?: string | number | undefined;
  minValue?: string | number | undefined;
  mission?: string | undefined;
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
  /** A mission of the national catalogue (`nhs`): OCDS contracts mapped to it (contract_mission). */
  mission?: string;
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

/** The missions a query may filter on: the national catalogue's (docs/missions.md), in its order. */
const horizonMissionIds = (): string[] => loadMissionReference().national.missions.map((m) => m.id);

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
    const n = organisationId(input[field], field, label, problem);
    if (n !== undefined) filters[field] = n;
  }

  Object.assign(filters, cpvRegionFilters(input, '72 or 45210000', problem));

  const min = text(input.minValue === undefined ? undefined : String(input.minValue));
  if (min !== undefined) {
    const pounds = parsePounds(min);
    if (pounds === undefined)
      problem('minValue', 'Minimum value must be an amount in pounds, like 100000 or £2,500,000');
    else filters.minValue = pounds;
  }

  const mission = text(input.mission);
  if (mission !== undefined) {
    const known = horizonMissionIds();
    if (known.includes(mission)) filters.mission = mission;
    else problem('mission', `Mission must be one of the missions: ${known.join(', ')}`);
  }

  const { asOf, ...listing } = parseListing(
    input,
    {
      sorts: HORIZON_SORTS,
      defaultSort: 'decision',
      defaultOrder: HORIZON_DEFAULT_ORDER,
      maxPage: HORIZON_MAX_PAGE,
      maxPageSize: HORIZON_MAX_PAGE_SIZE,
      pageSizes: HORIZON_PAGE_SIZES,
    },
    problem,
  );
  return {
    query: {
      ...(asOf !== undefined ? { asOf } : {}),
      months: months ?? HORIZON_DEFAULT_MONTHS,
      basis: basis ?? 'next',
      filters,
      ...listing,
    },
    problems,
  };
}

/** The analytics scope of a checked query as of a day (the scan, its CSV and a saved search's alerts). */
export function horizonScope(q: HorizonQuery, asOf: Day): HorizonScope {
  const f = q.filters;
  return {
    asOf,
    basis: q.basis,
    ...(f.buyerId !== undefined ? { buyerId: f.buyerId } : {}),
    ...(f.cpv !== undefined ? { cpvPrefix: f.cpv } : {}),
    ...(f.region !== undefined ? { region: f.region } : {}),
    ...(f.supplierId !== undefined ? { supplierId: f.supplierId } : {}),
    ...(f.minValue !== undefined ? { minValue: f.minValue } : {}),
    ...(f.mission !== undefined ? { missionId: f.mission } : {}),
  };
}
