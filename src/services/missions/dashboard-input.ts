// Reading the mission dashboard's query (pages, API, CSV, CLI): region (ITL1), buyer id, and the buyers' page and
// sort; the filter checks are the social value roll-up's (one rule for "a region", "a buyer", "a mission").
import { InputProblems } from './standards-input.js';
import { readRollUpFilters } from '../social-value/social-value-filters.js';
import { text, whole, oneOf } from '../shared/query-input.js';

export interface DashboardFilters {
  region?: string;
  buyer?: number;
}

export interface DashboardQuery extends DashboardFilters {
  /** The records list only: one quarter (`2025-Q3`) or `undated`. */
  quarter?: string;
  page: number;
  pageSize: number;
  sort: 'value' | 'name';
}

export const PAGE_SIZE = 20;

export function readDashboardQuery(
  raw: Record<string, unknown>,
  known: { regions: ReadonlyMap<string, string>; missions: ReadonlySet<string> },
): DashboardQuery {
  const f = readRollUpFilters({ region: raw.region, buyer: raw.buyer }, known);
  const page = whole(raw.page as string | undefined, 1, 10_000);
  const sort = oneOf(text(raw.sort as string | undefined), ['value', 'name'] as const);
  const quarter = text(raw.quarter as string | undefined);
  const problems = [
    ...(quarter !== undefined && !/^(\d{4}-Q[1-4]|undated)$/.test(quarter)
      ? [{ field: 'quarter', message: `Quarter must look like 2025-Q3 (or be “undated”), not “${quarter}”` }]
      : []),
    ...(page === null ? [{ field: 'page', message: 'Page must be a whole number from 1 to 10000' }] : []),
    ...(sort === null ? [{ field: 'sort', message: 'Sort must be value or name' }] : []),
  ];
  if (problems.length > 0) throw new InputProblems(problems);
  return {
    ...(f.region !== undefined ? { region: f.region } : {}),
    ...(f.buyer !== undefined ? { buyer: f.buyer } : {}),
    ...(quarter !== undefined ? { quarter } : {}),
    page: page ?? 1,
    pageSize: PAGE_SIZE,
    sort: sort ?? 'value',
  };
}
