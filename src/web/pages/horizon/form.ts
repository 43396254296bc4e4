// The horizon scan form: what the query string holds (as typed), how it becomes the service's query, and the links
// that keep it (sorting, pages, windows, CSV, Atom feed). "As of" uses the GOV.UK date input (day, month, year).
import type { HorizonField, HorizonQueryInput } from '../../../services/index.js';
import { dateFromParts, type DateParts, type FormProblem } from '../contracts/list-form.js';

export type { FormProblem };

const TEXT_FIELDS = [
  'months',
  'basis',
  'buyerId',
  'supplierId',
  'cpv',
  'region',
  'minValue',
  'sort',
  'order',
  'page',
  'pageSize',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];

export type HorizonForm = Record<TextField, string> & { asOf: DateParts };

const first = (v: unknown): string => {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' ? x.trim() : '';
};

export function readHorizonForm(query: Record<string, unknown>): HorizonForm {
  const form = {} as HorizonForm;
  for (const f of TEXT_FIELDS) form[f] = first(query[f]).slice(0, 200);
  // asOf=YYYY-MM-DD (API style, feed links) is accepted too and shown in the date input.
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(first(query.asOf));
  form.asOf = iso
    ? { day: String(Number(iso[3])), month: String(Number(iso[2])), year: iso[1]! }
    : { day: first(query['asOf-day']), month: first(query['asOf-month']), year: first(query['asOf-year']) };
  return form;
}

// Where each of the service's fields is on the page (the error summary links there).
const INPUT_FOR: Record<HorizonField, string> = {
  months: 'months',
  basis: 'basis',
  buyerId: 'buyerId',
  supplierId: 'supplierId',
  cpv: 'cpv',
  region: 'region',
  minValue: 'minValue',
  asOf: 'asOf-day',
  sort: 'results',
  order: 'results',
  page: 'results',
  pageSize: 'pageSize',
};
export const inputFor = (field: HorizonField): string => INPUT_FOR[field];

/** The form as the service's input, plus the problems only the form can have (an incomplete date). */
export function toHorizonInput(form: HorizonForm): { input: HorizonQueryInput; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const { asOf: parts, ...rest } = form;
  const input: HorizonQueryInput = Object.fromEntries(
    Object.entries(rest).filter(([, v]) => v !== ''),
  ) as HorizonQueryInput;
  const d = dateFromParts(parts, 'As of');
  if (d.problem) problems.push({ field: `asOf-${d.problem.part}`, message: d.problem.message });
  else if (d.iso) input.asOf = d.iso;
  return { input, problems };
}

type Override = Partial<Record<TextField, string | number | undefined>>;

/** The form's non-empty values as a query string, with overrides (another page, sort or window). */
export function horizonQueryString(
  form: HorizonForm,
  overrides: Override = {},
  omit: TextField[] = [],
): string {
  const params = new URLSearchParams();
  const values: Record<string, string | undefined> = {};
  for (const f of TEXT_FIELDS) values[f] = form[f];
  for (const [k, v] of Object.entries(overrides)) values[k] = v === undefined ? undefined : String(v);
  for (const k of omit) values[k] = undefined;
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') params.set(k, v);
  const { iso } = dateFromParts(form.asOf, 'As of');
  if (iso) params.set('asOf', iso);
  const s = params.toString();
  return s ? `?${s}` : '';
}
