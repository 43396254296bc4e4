// The collaboration finder form: what the query string holds (as typed), how it becomes the service's query, and the
// links that keep it (pages, CSV, JSON). "As of" uses the GOV.UK date input (day, month, year).
import type { CollaborationField, CollaborationQueryInput } from '../../../services/index.js';
import type { FormProblem } from '../contracts/list-form.js';
import {
  LISTING_FIELDS,
  queryFormInput,
  queryFormString,
  readQueryForm,
  type QueryForm,
} from '../shared/query-form.js';

export type { FormProblem };

const TEXT_FIELDS = ['windowMonths', 'level', 'cpv', 'region', 'minBuyers', ...LISTING_FIELDS] as const;
type TextField = (typeof TEXT_FIELDS)[number];

export type CollaborationForm = QueryForm<TextField>;

export const readCollaborationForm = (query: Record<string, unknown>): CollaborationForm =>
  readQueryForm(query, TEXT_FIELDS);

// Where each of the service's fields is on the page (the error summary links there).
const INPUT_FOR: Record<CollaborationField, string> = {
  windowMonths: 'windowMonths',
  level: 'level',
  cpv: 'cpv',
  region: 'region',
  minBuyers: 'minBuyers',
  buyerId: 'results',
  asOf: 'asOf-day',
  sort: 'sort',
  order: 'sort',
  page: 'results',
  pageSize: 'pageSize',
};
export const inputFor = (field: CollaborationField): string => INPUT_FOR[field];

/** The form as the service's input (plus the buyer of a per-buyer page), and the date problems only a form has. */
export function toCollaborationInput(
  form: CollaborationForm,
  buyerId?: number,
): { input: CollaborationQueryInput; problems: FormProblem[] } {
  const { input, problems } = queryFormInput(form);
  return { input: buyerId === undefined ? input : { ...input, buyerId }, problems };
}

/** The form's non-empty values as a query string, with overrides (another page) and fields left out. */
export const collaborationQueryString = (
  form: CollaborationForm,
  overrides: Partial<Record<TextField, string | number | undefined>> = {},
  omit: TextField[] = [],
): string => queryFormString(form, TEXT_FIELDS, overrides, omit);
