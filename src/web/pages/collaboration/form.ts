// The collaboration finder form: what the query string holds (as typed), how it becomes the service's query, and the
// links that keep it (pages, CSV, JSON). "As of" uses the GOV.UK date input (day, month, year).
import type { CollaborationField, CollaborationQueryInput } from '../../../services/index.js';
import { dateFromParts, type DateParts, type FormProblem } from '../contracts/list-form.js';

export type { FormProblem };

const TEXT_FIELDS = [
  'windowMonths',
  'level',
  'cpv',
  'region',
  'minBuyers',
  'sort',
  'order',
  'page',
  'pageSize',
] as const;
type TextField = (typeof TEXT_FIELDS)[number];

export type CollaborationForm = Record<TextField, string> & { asOf: DateParts };

const first = (v: unknown): string => {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' ? x.trim() : '';
};

export function readCollaborationForm(query: Record<string, unknown>): CollaborationForm {
  const form = {} as CollaborationForm;
  for (const f of TEXT_FIELDS) form[f] = first(query[f]).slice(0, 200);
  // asOf=YYYY-MM-DD (API style, links) is accepted too and shown in the date input.
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(first(query.asOf));
  form.asOf = iso
    ? { day: String(Number(iso[3])), month: String(Number(iso[2])), year: iso[1]! }
    : { day: first(query['asOf-day']), month: first(query['asOf-month']), year: first(query['asOf-year']) };
  return form;
}

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
  const problems: FormProblem[] = [];
  const { asOf: parts, ...rest } = form;
  const input: CollaborationQueryInput = Object.fromEntries(
    Object.entries(rest).filter(([, v]) => v !== ''),
  ) as CollaborationQueryInput;
  if (buyerId !== undefined) input.buyerId = buyerId;
  const d = dateFromParts(parts, 'As of');
  if (d.problem) problems.push({ field: `asOf-${d.problem.part}`, message: d.problem.message });
  else if (d.iso) input.asOf = d.iso;
  return { input, problems };
}

/** The form's non-empty values as a query string, with overrides (another page) and fields left out. */
export function collaborationQueryString(
  form: CollaborationForm,
  overrides: Partial<Record<TextField, string | number | undefined>> = {},
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
