// The pieces of a query-string filter form's page shared by the horizon scan and the collaboration finder, as
// govuk-frontend macro parameters: days in words, error messages, text inputs, the "As of" date input and the
// page-size select.
import { longDay } from '../../../domain/dates.js';
import { NOT_KNOWN } from '../../format.js';
import { html, type SafeHtml } from '../../html.js';
import type { FormProblem } from '../contracts/list-form.js';
import type { QueryForm } from './query-form.js';

/** "15 June 2026". */
export const dayText = longDay;

/** A day in words in a <time> element; "Not known" without one. */
export const dayCell = (d: string | null): SafeHtml =>
  d ? html`<time datetime="${d}">${dayText(d)}</time>` : html`${NOT_KNOWN}`;

/** The problem reported against one input, as a govuk-frontend errorMessage. */
export const errorFor = (problems: FormProblem[], id: string) => {
  const p = problems.find((x) => x.field === id);
  return p ? { text: p.message } : undefined;
};

/** govukErrorSummary's list: each problem linking to its input. */
export const errorSummary = (problems: FormProblem[]) =>
  problems.length > 0 ? problems.map((p) => ({ text: p.message, href: `#${p.field}` })) : undefined;

/** govukInput parameters for one text field of the form. */
export function textInput<F extends string>(
  form: QueryForm<F> | Partial<Record<F, string>>,
  problems: FormProblem[],
  id: F,
  label: string,
  hint: string,
  extra = {},
) {
  return {
    id,
    name: id,
    value: (form as Partial<Record<F, string>>)[id] ?? '',
    label: { text: label, classes: 'govuk-label--s' },
    hint: { text: hint },
    errorMessage: errorFor(problems, id),
    spellcheck: false,
    ...extra,
  };
}

/** govukDateInput parameters for "As of" (empty = today). */
export function asOfDateInput<F extends string>(form: QueryForm<F>, problems: FormProblem[]) {
  const dateProblem = problems.find((p) => p.field.startsWith('asOf-'));
  return {
    id: 'asOf',
    namePrefix: 'asOf',
    fieldset: { legend: { text: 'As of', classes: 'govuk-fieldset__legend--s' } },
    hint: { text: 'Leave empty for today. For example, 1 6 2026' },
    errorMessage: dateProblem ? { text: dateProblem.message } : undefined,
    items: (['day', 'month', 'year'] as const).map((k) => ({
      name: k,
      value: form.asOf[k],
      classes: `govuk-input--width-${k === 'year' ? 4 : 2}${dateProblem ? ' govuk-input--error' : ''}`,
    })),
  };
}

/** govukSelect parameters for the page size. */
export const pageSizeSelect = (
  label: string,
  sizes: readonly number[],
  pageSize: number,
  problems: FormProblem[],
) => ({
  id: 'pageSize',
  name: 'pageSize',
  label: { text: label, classes: 'govuk-label--s' },
  errorMessage: errorFor(problems, 'pageSize'),
  items: sizes.map((n) => ({ value: String(n), text: String(n), selected: n === pageSize })),
});
