// A filter form kept in the query string (the horizon scan, the collaboration finder): text fields as typed plus an
// "As of" GOV.UK date input (day, month, year); read from the request, turned into the service's input, and written
// back as links that keep it (pages, sorting, CSV, feeds).
import { dateFromParts, type DateParts, type FormProblem } from '../contracts/list-form.js';

/** The list fields every such form keeps, after its own. */
export const LISTING_FIELDS = ['sort', 'order', 'page', 'pageSize'] as const;

export type QueryForm<F extends string> = Record<F, string> & { asOf: DateParts };

const first = (v: unknown): string => {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' ? x.trim() : '';
};

/** The form as the query string holds it; asOf=YYYY-MM-DD (API style, links) is shown in the date input too. */
export function readQueryForm<F extends string>(
  query: Record<string, unknown>,
  fields: readonly F[],
): QueryForm<F> {
  const form = {} as QueryForm<F>;
  for (const f of fields) (form as Record<F, string>)[f] = first(query[f]).slice(0, 200);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(first(query.asOf));
  form.asOf = iso
    ? { day: String(Number(iso[3])), month: String(Number(iso[2])), year: iso[1]! }
    : { day: first(query['asOf-day']), month: first(query['asOf-month']), year: first(query['asOf-year']) };
  return form;
}

/** The form's non-empty fields as the service's input, plus the problems only the form can have (the date). */
export function queryFormInput<F extends string>(
  form: QueryForm<F>,
): { input: Partial<Record<F | 'asOf', string>>; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const { asOf: parts, ...rest } = form;
  const input = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== '')) as Partial<
    Record<F | 'asOf', string>
  >;
  const d = dateFromParts(parts, 'As of');
  if (d.problem) problems.push({ field: `asOf-${d.problem.part}`, message: d.problem.message });
  else if (d.iso) input.asOf = d.iso;
  return { input, problems };
}

/** The form's non-empty values as a query string, with overrides (another page, sort or window) and fields left out. */
export function queryFormString<F extends string>(
  form: QueryForm<F>,
  fields: readonly F[],
  overrides: Partial<Record<F, string | number | undefined>> = {},
  omit: F[] = [],
): string {
  const params = new URLSearchParams();
  const values: Record<string, string | undefined> = {};
  for (const f of fields) values[f] = form[f];
  for (const [k, v] of Object.entries(overrides)) values[k] = v === undefined ? undefined : String(v);
  for (const k of omit) values[k] = undefined;
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') params.set(k, v);
  const { iso } = dateFromParts(form.asOf, 'As of');
  if (iso) params.set('asOf', iso);
  const s = params.toString();
  return s ? `?${s}` : '';
}
