// What a saved search holds, checked in one place: its name, and the horizon query it saves — the scan's filters,
// window, basis and order, normalised by the scan's own parser. The as-of day, page and page size are not saved:
// a saved search always looks from today, from its first page.
import { AppError } from '../../errors.js';
import {
  HORIZON_FILTER_FIELDS,
  parseHorizonQuery,
  type HorizonProblem,
  type HorizonQuery,
  type HorizonQueryInput,
} from './horizon-query.js';

/** Searches one user may keep (the header's alert count works them all out). */
export const SAVED_SEARCH_LIMIT = 20;
export const SAVED_SEARCH_NAME_MAX = 100;

export type SavedQuery = Record<string, string | number>;

export interface SavedSearchProblem {
  field: 'name' | HorizonProblem['field'];
  message: string;
}

/** The name, trimmed with inner runs of space collapsed; a problem when empty, too long or with control characters. */
export function parseSavedSearchName(raw: unknown): { name: string; problem?: SavedSearchProblem } {
  const name = (typeof raw === 'string' ? raw : '').replace(/\s+/g, ' ').trim();
  if (name === '') return { name, problem: { field: 'name', message: 'Enter a name for the search' } };
  if ([...name].length > SAVED_SEARCH_NAME_MAX)
    return {
      name,
      problem: { field: 'name', message: `Name must be ${SAVED_SEARCH_NAME_MAX} characters or fewer` },
    };
  // eslint-disable-next-line no-control-regex -- the point is to refuse them
  if (/[\u0000-\u001f\u007f]/.test(name))
    return { name, problem: { field: 'name', message: 'Name must not contain control characters' } };
  return { name };
}

/** The query to save, from the scan's input (as typed or as the API validated it), or its problems. */
export function toSavedQuery(input: HorizonQueryInput): { query: SavedQuery; problems: HorizonProblem[] } {
  const { query, problems } = parseHorizonQuery({
    ...input,
    asOf: undefined,
    page: undefined,
    pageSize: undefined,
  });
  const f = query.filters;
  const saved: SavedQuery = { months: query.months, basis: query.basis };
  if (f.buyerId !== undefined) saved.buyerId = f.buyerId;
  if (f.supplierId !== undefined) saved.supplierId = f.supplierId;
  if (f.cpv !== undefined) saved.cpv = f.cpv;
  if (f.region !== undefined) saved.region = f.region;
  if (f.minValue !== undefined) saved.minValue = f.minValue;
  if (f.mission !== undefined) saved.mission = f.mission;
  saved.sort = query.sort;
  saved.order = query.order;
  return { query: saved, problems };
}

/** A saved query as the scan's query (as of today unless given). Saved queries were checked when saved. */
export function horizonQueryOf(saved: SavedQuery, extra: HorizonQueryInput = {}): HorizonQuery {
  const input: HorizonQueryInput = { ...saved, ...extra } as HorizonQueryInput;
  const { query, problems } = parseHorizonQuery(input);
  if (problems.length > 0)
    throw new AppError('BAD_REQUEST', problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  return query;
}

// The order the page's form has them in (jsonb keeps its own key order).
const KEY_ORDER = [...HORIZON_FILTER_FIELDS, 'sort', 'order'];

/** The saved query as the /horizon page's query string (without the leading "?"). */
export const savedQueryString = (saved: SavedQuery): string =>
  new URLSearchParams(
    KEY_ORDER.filter((k) => saved[k] !== undefined).map((k): [string, string] => [k, String(saved[k])]),
  ).toString();

export const throwProblems = (problems: SavedSearchProblem[]): never => {
  throw new AppError('BAD_REQUEST', problems.map((p) => p.message).join('; '));
};
