// The horizon scan form: what the query string holds (as typed), how it becomes the service's query, and the links
// that keep it (sorting, pages, windows, CSV, Atom feed). "As of" uses the GOV.UK date input (day, month, year).
import { HORIZON_FILTER_FIELDS, type HorizonField, type HorizonQueryInput } from '../../../services/index.js';
import type { FormProblem } from '../contracts/list-form.js';
import {
  LISTING_FIELDS,
  queryFormInput,
  queryFormString,
  readQueryForm,
  type QueryForm,
} from '../shared/query-form.js';

export type { FormProblem };

const TEXT_FIELDS = [...HORIZON_FILTER_FIELDS, ...LISTING_FIELDS] as const;
type TextField = (typeof TEXT_FIELDS)[number];

export type HorizonForm = QueryForm<TextField>;

export const readHorizonForm = (query: Record<string, unknown>): HorizonForm =>
  readQueryForm(query, TEXT_FIELDS);

// Where each of the service's fields is on the page (the error summary links there).
const INPUT_FOR: Record<HorizonField, string> = {
  months: 'months',
  basis: 'basis',
  buyerId: 'buyerId',
  supplierId: 'supplierId',
  cpv: 'cpv',
  region: 'region',
  minValue: 'minValue',
  mission: 'mission',
  asOf: 'asOf-day',
  sort: 'results',
  order: 'results',
  page: 'results',
  pageSize: 'pageSize',
};
export const inputFor = (field: HorizonField): string => INPUT_FOR[field];

/** The form as the service's input, plus the problems only the form can have (an incomplete date). */
export const toHorizonInput = (form: HorizonForm): { input: HorizonQueryInput; problems: FormProblem[] } =>
  queryFormInput(form);

type Override = Partial<Record<TextField, string | number | undefined>>;

/** The form's non-empty values as a query string, with overrides (another page, sort or window). */
export const horizonQueryString = (
  form: HorizonForm,
  overrides: Override = {},
  omit: TextField[] = [],
): string => queryFormString(form, TEXT_FIELDS, overrides, omit);
