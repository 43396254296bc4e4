// The national red-flags page (/flags) → parameters for govuk-frontend macros: the filter form (flag, severity,
// buyer, CPV, region, sort) kept in the query string, the results table with buyer and record links and a "stale"
// tag for buyers waiting to be judged again, pagination, the CSV and JSON links, and the empty state.
import { RED_FLAGS } from '../../../analytics/redflags/index.js';
import {
  NATIONAL_SEVERITIES,
  NATIONAL_SORTS,
  type NationalField,
  type NationalFlagsAnswer,
} from '../../../services/redflags-national.js';
import { html, link } from '../../html.js';
import { errorFor, errorSummary, textInput } from '../shared/query-form-view.js';
import { pagination } from '../shared/table-nav.js';
import { evidenceText, recordCell } from './view-model.js';

export const NATIONAL_FORM_FIELDS = ['flag', 'severity', 'buyerId', 'cpv', 'region', 'sort'] as const;
export type NationalForm = Partial<Record<(typeof NATIONAL_FORM_FIELDS)[number], string>>;
type Problem = { field: NationalField; message: string };

const SORT_LABELS: Record<(typeof NATIONAL_SORTS)[number], string> = {
  severity: 'Severity, then flag and buyer',
  buyer: 'Buyer',
};

/** The form's values as a query string, with overrides (another page). */
export function nationalQueryString(
  form: NationalForm,
  overrides: Record<string, string | number> = {},
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...form, ...overrides }))
    if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}

const select = (
  id: 'flag' | 'severity' | 'sort',
  label: string,
  form: NationalForm,
  problems: Problem[],
  items: { value: string; text: string }[],
) => ({
  id,
  name: id,
  label: { text: label, classes: 'govuk-label--s' },
  errorMessage: errorFor(problems, id),
  items: items.map((i) => ({ ...i, selected: (form[id] ?? '') === i.value })),
});

function form(f: NationalForm, problems: Problem[]) {
  return {
    flag: select('flag', 'Flag', f, problems, [
      { value: '', text: 'Any flag' },
      ...RED_FLAGS.map((d) => ({ value: d.id, text: d.title })),
    ]),
    severity: select('severity', 'Severity', f, problems, [
      { value: '', text: 'Any severity' },
      ...NATIONAL_SEVERITIES.map((s) => ({ value: s, text: s[0]!.toUpperCase() + s.slice(1) })),
    ]),
    buyerId: textInput(f, problems, 'buyerId', 'Buyer ID', 'The organisation number, like 439', {
      classes: 'govuk-input--width-10',
      inputmode: 'numeric',
    }),
    cpv: textInput(f, problems, 'cpv', 'CPV code', 'Main CPV code or its start, like 72 or 45210000', {
      classes: 'govuk-input--width-10',
      inputmode: 'numeric',
    }),
    region: textInput(
      f,
      problems,
      'region',
      'Region',
      'ITL or NUTS code: where the work is, or the buyer’s region, like TLE',
      {
        classes: 'govuk-input--width-10',
      },
    ),
    sort: select(
      'sort',
      'Sort by',
      f,
      problems,
      NATIONAL_SORTS.map((s) => ({ value: s, text: SORT_LABELS[s] })),
    ),
  };
}

export function nationalFlagsViewModel(input: {
  form: NationalForm;
  problems: Problem[];
  answer?: NationalFlagsAnswer;
}) {
  const { answer: a, problems } = input;
  const title = (id: string) => RED_FLAGS.find((d) => d.id === id)?.title ?? id;
  const severity = (id: string) => RED_FLAGS.find((d) => d.id === id)?.severity ?? 'low';
  const qs = (extra: Record<string, string | number> = {}) => nationalQueryString(input.form, extra);
  return {
    title: 'Red flags across buyers',
    breadcrumbs: { items: [{ text: 'Home', href: '/' }, { text: 'Red flags' }] },
    errorSummary: errorSummary(problems),
    inputs: form(input.form, problems),
    results:
      a === undefined
        ? undefined
        : {
            total: a.total,
            capped: a.capped,
            queuedBuyers: a.queuedBuyers,
            page: a.page,
            pages: Math.max(1, Math.ceil(a.total / a.pageSize)),
            table:
              a.items.length === 0
                ? undefined
                : {
                    caption: `Flagged results, page ${a.page}`,
                    captionClasses: 'govuk-visually-hidden',
                    head: [
                      { text: 'Flag' },
                      { text: 'Buyer' },
                      { text: 'Record' },
                      { text: 'Found' },
                      { text: 'Evidence' },
                    ],
                    rows: a.items.map((i) => [
                      {
                        html: html`${link(`/organisations/${i.buyer.id}/flags#flag-${i.flagId}`, title(i.flagId))}
                          <span class="govuk-caption-s">${severity(i.flagId)} severity</span>`.toString(),
                      },
                      {
                        html: html`${link(`/organisations/${i.buyer.id}/flags`, i.buyer.name)}${
                          i.stale
                            ? html` <strong class="govuk-tag govuk-tag--yellow"
                                >Waiting to be refreshed</strong
                              >`
                            : html``
                        }`.toString(),
                      },
                      recordCell(i),
                      { text: i.detail },
                      {
                        text: evidenceText(i),
                      },
                    ]),
                  },
            pagination: pagination({
              total: a.total,
              page: a.page,
              pageSize: a.pageSize,
              href: (p) => `/flags${qs({ page: p })}#results`,
              label: 'Red flag results pages',
            }),
            csvHref: `/flags.csv${qs()}`,
            jsonHref: `/api/flags/national${qs()}`,
          },
  };
}
