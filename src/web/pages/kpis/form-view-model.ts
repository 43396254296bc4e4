// The KPI forms (docs/kpis.md) as govuk-frontend macro parameters: add a KPI to a contract, and record a rating of
// one (period as two GOV.UK date inputs, the statutory rating as radios, a comment and an evidence link). Field
// problems come from the service (src/services/kpis/kpis-input.ts).
import { bands, RATINGS } from '../../../domain/kpi-library.js';
import { RATING_CODES, ratingLabel } from '../../../domain/kpi-rating.js';
import type { Problem } from '../../../services/missions/standards-input.js';
import type { ContractPerformance, KpiWithStatus } from '../../../services/index.js';
import { errorFor, errorSummary } from '../shared/query-form-view.js';
import { contractHref, performanceHref } from './shared.js';

export type FormValues = Record<string, unknown>;

const str = (v: FormValues, k: string): string => (typeof v[k] === 'string' ? (v[k] as string) : '');

const RATING_HINTS: Record<(typeof RATING_CODES)[number], string> = {
  met: 'Meeting or exceeding the KPI',
  slightlyBelow: 'Close to meeting it',
  below: 'Below the KPI',
  significantlyBelow: 'Significantly below the KPI',
  other: 'Cannot be described by the four above',
};

function frame(p: ContractPerformance, step: string, problems: Problem[]) {
  const name = p.title ?? p.ocid;
  return {
    title: `${step} – ${name}`,
    breadcrumbs: {
      items: [
        { text: 'Contracts', href: '/contracts' },
        { text: name, href: contractHref(p.ocid) },
        { text: 'Performance', href: performanceHref(p.ocid) },
        { text: step },
      ],
    },
    caption: name,
    errorSummary: errorSummary(problems),
    cancelHref: performanceHref(p.ocid),
  };
}

const textField = (values: FormValues, problems: Problem[], id: string, label: string, hint?: string) => ({
  id,
  name: id,
  value: str(values, id),
  label: { text: label, classes: 'govuk-label--s' },
  ...(hint ? { hint: { text: hint } } : {}),
  errorMessage: errorFor(problems, id),
});

export function kpiFormViewModel(p: ContractPerformance, values: FormValues = {}, problems: Problem[] = []) {
  return {
    ...frame(p, 'Add a KPI', problems),
    heading: 'Add a KPI',
    action: `${performanceHref(p.ocid)}/kpis`,
    fields: {
      title: textField(
        values,
        problems,
        'title',
        'KPI',
        'What the supplier’s performance is assessed against',
      ),
      description: textField(values, problems, 'description', 'Description (optional)'),
      target: textField(
        values,
        problems,
        'target',
        'Target (optional)',
        'For example, 95% of calls answered in 20 seconds',
      ),
      intervalMonths: {
        ...textField(
          values,
          problems,
          'intervalMonths',
          'Rate every (months, optional)',
          'Leave empty for the statutory 12 months. A shorter interval is allowed; a longer one is not.',
        ),
        classes: 'govuk-input--width-2',
        inputmode: 'numeric',
      },
      templateRef: textField(
        values,
        problems,
        'templateRef',
        'KPI library template (optional)',
        'The identifier of a KPI template, when this KPI follows one',
      ),
    },
  };
}

function dateInput(values: FormValues, problems: Problem[], id: string, legend: string) {
  const problem = problems.find((x) => x.field === id || x.field.startsWith(`${id}-`));
  return {
    id,
    namePrefix: id,
    fieldset: { legend: { text: legend, classes: 'govuk-fieldset__legend--s' } },
    hint: { text: 'For example, 31 3 2026' },
    errorMessage: problem ? { text: problem.message } : undefined,
    items: (['day', 'month', 'year'] as const).map((k) => ({
      name: k,
      value: str(values, `${id}-${k}`),
      classes: `govuk-input--width-${k === 'year' ? 4 : 2}${problem ? ' govuk-input--error' : ''}`,
    })),
  };
}

export function ratingFormViewModel(
  p: ContractPerformance,
  kpi: KpiWithStatus,
  values: FormValues = {},
  problems: Problem[] = [],
) {
  const m = kpi.measure;
  const band = m ? bands(m) : null;
  return {
    ...frame(p, 'Record a rating', problems),
    heading: `Record a rating: ${kpi.title}`,
    action: `${performanceHref(p.ocid)}/kpis/${kpi.kpiId}/ratings`,
    periodStart: dateInput(values, problems, 'periodStart', 'First day of the period rated'),
    periodEnd: dateInput(values, problems, 'periodEnd', 'Last day of the period rated'),
    measuredValue: {
      ...textField(
        values,
        problems,
        'measuredValue',
        m ? 'Measured value' : 'Measured value (optional)',
        m
          ? `What the KPI measured in the period (${kpi.target ?? 'target not set'}). The rating follows from it.`
          : 'What the KPI measured in the period, if it is a number',
      ),
      classes: 'govuk-input--width-10',
      inputmode: 'decimal',
      spellcheck: false,
      ...(m && m.unit ? { suffix: { text: m.unit } } : {}),
    },
    /** With a measure: the bands the value is rated by (a table), and only "Other" may be chosen directly. */
    thresholds: band
      ? {
          caption: 'How the measured value is rated',
          captionClasses: 'govuk-table__caption--s',
          head: [{ text: 'Rating' }, { text: 'Measured value' }],
          rows: RATINGS.map((r) => [{ text: r.label }, { text: band[r.code] }]),
        }
      : null,
    other: m
      ? {
          idPrefix: 'rating',
          name: 'rating',
          errorMessage: errorFor(problems, 'rating'),
          items: [
            {
              value: 'other',
              text: 'Other: the performance cannot be described by a measured value this period',
              checked: str(values, 'rating') === 'other',
            },
          ],
        }
      : null,
    rating: m
      ? null
      : {
          idPrefix: 'rating',
          name: 'rating',
          fieldset: { legend: { text: 'Rating', classes: 'govuk-fieldset__legend--s' } },
          hint: { text: 'The statutory rating of a contract performance notice (UK9)' },
          errorMessage: errorFor(problems, 'rating'),
          items: RATING_CODES.map((c) => ({
            value: c,
            text: ratingLabel(c),
            hint: { text: RATING_HINTS[c] },
            checked: str(values, 'rating') === c,
          })),
        },
    comment: { ...textField(values, problems, 'comment', 'Comment (optional)'), rows: 3 },
    evidenceUrl: {
      ...textField(
        values,
        problems,
        'evidenceUrl',
        'Evidence link (optional)',
        'A web address, starting https://',
      ),
      type: 'url',
      spellcheck: false,
    },
  };
}
