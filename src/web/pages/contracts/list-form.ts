// The contracts list form: what the query string holds (as typed), how it becomes the service's query, and
// the links that keep it (sorting, pages, CSV). Dates use the GOV.UK date input: day, month and year fields.
import { SORT_KEYS, type ContractQueryInput, type QueryField } from '../../../services/index.js';

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export interface ListForm {
  q: string;
  buyer: string;
  buyerId: string;
  supplier: string;
  supplierId: string;
  cpv: string;
  minValue: string;
  maxValue: string;
  endFrom: DateParts;
  endTo: DateParts;
  sort: string;
  order: string;
  page: string;
  pageSize: string;
}

/** A problem with the form, keyed by the id of the input the error summary links to. */
export interface FormProblem {
  field: string;
  message: string;
}

const first = (v: unknown): string => {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' ? x : x === undefined || x === null ? '' : String(x);
};

/** The filters passed to the service as typed. */
const FILTER_FIELDS = [
  'q',
  'buyer',
  'buyerId',
  'supplier',
  'supplierId',
  'cpv',
  'minValue',
  'maxValue',
] as const;
const TEXT_FIELDS = [...FILTER_FIELDS, 'sort', 'order', 'page', 'pageSize'] as const;
const pickFilters = (form: ListForm) =>
  Object.fromEntries(FILTER_FIELDS.map((f) => [f, form[f]])) as Pick<
    ListForm,
    (typeof FILTER_FIELDS)[number]
  >;
const DATE_FIELDS = ['endFrom', 'endTo'] as const;
const PARTS = ['day', 'month', 'year'] as const;

export function readListForm(query: Record<string, unknown>): ListForm {
  const form = {} as ListForm;
  for (const f of TEXT_FIELDS) form[f] = first(query[f]).slice(0, 1000);
  for (const d of DATE_FIELDS) {
    form[d] = {
      day: first(query[`${d}-day`]).trim(),
      month: first(query[`${d}-month`]).trim(),
      year: first(query[`${d}-year`]).trim(),
    };
  }
  return form;
}

const DATE_LABELS = { endFrom: 'Contract ends on or after', endTo: 'Contract ends on or before' } as const;

/** Day, month and year → YYYY-MM-DD, or the GOV.UK date-input message for what is missing or wrong. */
export function dateFromParts(
  p: DateParts,
  label: string,
): { iso?: string; problem?: { message: string; part: (typeof PARTS)[number] } } {
  const missing = PARTS.filter((k) => p[k] === '');
  if (missing.length === 3) return {};
  if (missing.length > 0)
    return { problem: { message: `${label} must include a ${missing.join(' and ')}`, part: missing[0]! } };
  const bad = PARTS.find((k) => !/^\d+$/.test(p[k]));
  if (bad) return { problem: { message: `${label} must be a real date`, part: bad } };
  if (p.year.length !== 4) return { problem: { message: 'Year must include 4 numbers', part: 'year' } };
  const pad = (s: string) => s.padStart(2, '0').slice(-2);
  return { iso: `${p.year}-${pad(p.month)}-${pad(p.day)}` };
}

// Where each of the service's fields is on the page (the error summary links there).
const INPUT_FOR: Record<QueryField, string> = {
  q: 'q',
  buyer: 'buyer',
  buyerId: 'buyer',
  supplier: 'supplier',
  supplierId: 'supplier',
  cpv: 'cpv',
  minValue: 'minValue',
  maxValue: 'maxValue',
  endFrom: 'endFrom-day',
  endTo: 'endTo-day',
  sort: 'results',
  order: 'results',
  page: 'results',
  pageSize: 'pageSize',
};

export const inputFor = (field: QueryField): string => INPUT_FOR[field];

/**
 * The form as the service's query input, plus the problems only the form can have (incomplete dates).
 * Sort, order and page come from our own links, not from inputs: unknown values fall back to the defaults.
 */
export function toQueryInput(form: ListForm): { input: ContractQueryInput; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const input: ContractQueryInput = {
    ...pickFilters(form),
    pageSize: form.pageSize,
    sort: (SORT_KEYS as readonly string[]).includes(form.sort) ? form.sort : undefined,
    order: form.order === 'asc' || form.order === 'desc' ? form.order : undefined,
    page: /^\d{1,5}$/.test(form.page) && Number(form.page) >= 1 ? form.page : undefined,
  };
  for (const d of DATE_FIELDS) {
    const r = dateFromParts(form[d], DATE_LABELS[d]);
    if (r.problem) problems.push({ field: `${d}-${r.problem.part}`, message: r.problem.message });
    else input[d] = r.iso;
  }
  return { input, problems };
}

/** The form's non-empty values as a query string, with overrides (e.g. another page or sort). */
export function formQueryString(
  form: ListForm,
  overrides: Partial<Record<'sort' | 'order' | 'page' | 'pageSize', string | number | undefined>> = {},
  omit: ('page' | 'pageSize')[] = [],
): string {
  const params = new URLSearchParams();
  const values: Record<string, string | undefined> = pickFilters(form);
  for (const d of DATE_FIELDS) for (const k of PARTS) values[`${d}-${k}`] = form[d][k];
  values.sort = form.sort;
  values.order = form.order;
  values.pageSize = form.pageSize;
  values.page = form.page;
  for (const [k, v] of Object.entries(overrides)) values[k] = v === undefined ? undefined : String(v);
  for (const k of omit) values[k] = undefined;
  for (const [k, v] of Object.entries(values))
    if (v !== undefined && v.trim() !== '') params.set(k, v.trim());
  const s = params.toString();
  return s ? `?${s}` : '';
}
