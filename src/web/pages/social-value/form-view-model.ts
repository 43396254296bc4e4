// The social value forms (docs/social-value.md): record a commitment (a metric of the buyer's standard, target,
// the metric's unit, a due date or a period), report delivery (quantity, period, evidence links), verify or reject
// a report. Field problems come back as { field, message } and show in the error summary and beside the field.
import type { MetricInfo } from '../../../analytics/social-value/index.js';
import type { Problem } from '../../../services/missions/standards-input.js';
import type {
  CommitmentRow,
  ContractRef,
  DeliveryRow,
  OfferedMetric,
} from '../../../services/social-value/social-value.service.js';
import { contractSocialValueHref, evidenceList, timingText } from './view-model.js';

export type FormValues = Record<string, unknown>;

function form(values: FormValues, problems: Problem[]) {
  const byField = new Map<string, { text: string }>();
  for (const p of problems) if (!byField.has(p.field)) byField.set(p.field, { text: p.message });
  const str = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  const input = (id: string, label: string, extra: object = {}) => ({
    kind: 'input',
    params: {
      id,
      name: id,
      label: { text: label, classes: 'govuk-label--s' },
      value: str(id),
      errorMessage: byField.get(id),
      ...extra,
    },
  });
  const day = (id: string, label: string) =>
    input(id, label, { hint: { text: 'For example, 2027-03-31' }, classes: 'govuk-input--width-10' });
  const textarea = (id: string, label: string, hint: string) => ({
    kind: 'textarea',
    params: {
      id,
      name: id,
      label: { text: label, classes: 'govuk-label--s' },
      hint: { text: hint },
      value: str(id),
      errorMessage: byField.get(id),
    },
  });
  return {
    str,
    byField,
    input,
    day,
    textarea,
    errorSummary: problems.length
      ? problems.map((p) => ({ text: p.message, href: `#${p.field}` }))
      : undefined,
  };
}

const crumbs = (c: ContractRef, last: string) => ({
  items: [
    { text: 'Contracts', href: '/contracts' },
    { text: c.title ?? c.ocid, href: `/contracts/${encodeURIComponent(c.ocid)}` },
    { text: 'Social value', href: contractSocialValueHref(c.ocid) },
    { text: last },
  ],
});

export function commitFormViewModel(
  s: { contract: ContractRef; offered: OfferedMetric[] },
  values: FormValues = {},
  problems: Problem[] = [],
) {
  const f = form(values, problems);
  const c = s.contract;
  return {
    title: `Record a social value commitment – ${c.title ?? c.ocid}`,
    breadcrumbs: crumbs(c, 'Record a commitment'),
    errorSummary: f.errorSummary,
    caption: c.title ?? c.ocid,
    heading: 'Record a social value commitment',
    intro: `Metrics of the standard in force for ${c.buyer?.name ?? 'this contract’s buyer'}${c.region ? ` (region ${c.region})` : ''}. Enter the target in the metric’s unit.`,
    action: `${contractSocialValueHref(c.ocid)}/commit`,
    cancelHref: contractSocialValueHref(c.ocid),
    submit: 'Save commitment',
    fields: [
      {
        kind: 'select',
        params: {
          id: 'metricId',
          name: 'metricId',
          label: { text: 'Metric', classes: 'govuk-label--s' },
          errorMessage: f.byField.get('metricId'),
          items: [
            { value: '', text: 'Choose a metric' },
            ...s.offered.map((m) => ({
              value: m.id,
              text: `${m.name} (${m.unit}) – ${m.mission}: ${m.outcome} [${m.tier}]`,
              selected: f.str('metricId') === m.id,
            })),
          ],
        },
      },
      f.input('target', 'Target quantity', { classes: 'govuk-input--width-10', inputmode: 'decimal' }),
      f.input('unit', 'Unit', {
        hint: { text: 'The metric’s unit, as shown beside it in the list (for example, hours)' },
        classes: 'govuk-input--width-20',
      }),
      {
        kind: 'radios',
        params: {
          idPrefix: 'timing',
          name: 'timing',
          fieldset: { legend: { text: 'When is it due?', classes: 'govuk-fieldset__legend--s' } },
          errorMessage: f.byField.get('timing'),
          items: [
            { value: 'due', text: 'By a due date', checked: f.str('timing') === 'due' },
            { value: 'period', text: 'Over a period', checked: f.str('timing') === 'period' },
          ],
        },
      },
      f.day('dueDate', 'Due date (if by a due date)'),
      f.day('periodStart', 'Start of the period (if over a period)'),
      f.day('periodEnd', 'End of the period (if over a period)'),
      f.textarea('note', 'Note (optional)', 'Where the commitment is written in the contract, for example.'),
    ],
  };
}

const metricRows = (commitment: CommitmentRow, metric: MetricInfo | null) => [
  {
    key: { text: 'Metric' },
    value: { text: `${metric?.name ?? commitment.metric_id} (${commitment.metric_id})` },
  },
  { key: { text: 'Committed' }, value: { text: `${commitment.target} ${commitment.unit}` } },
  { key: { text: 'Timing' }, value: { text: timingText(commitment) } },
];

export function reportFormViewModel(
  s: { contract: ContractRef; commitment: CommitmentRow; metric: MetricInfo | null },
  values: FormValues = {},
  problems: Problem[] = [],
) {
  const f = form(values, problems);
  const c = s.contract;
  return {
    title: `Report social value delivery – ${c.title ?? c.ocid}`,
    breadcrumbs: crumbs(c, 'Report delivery'),
    errorSummary: f.errorSummary,
    caption: c.title ?? c.ocid,
    heading: 'Report social value delivery',
    summary: { rows: metricRows(s.commitment, s.metric) },
    action: `/social-value/commitments/${s.commitment.id}/report`,
    cancelHref: contractSocialValueHref(c.ocid),
    submit: 'Save report',
    fields: [
      f.input('quantity', `Quantity delivered (${s.commitment.unit})`, {
        classes: 'govuk-input--width-10',
        inputmode: 'decimal',
      }),
      f.day('periodStart', 'Start of the period reported'),
      f.day('periodEnd', 'End of the period reported'),
      f.textarea('evidence', 'Evidence links', 'One web address per line, starting with https://'),
      f.textarea('note', 'Note (optional)', 'What the evidence shows.'),
    ],
  };
}

export function verifyFormViewModel(
  s: { contract: ContractRef; commitment: CommitmentRow; delivery: DeliveryRow; metric: MetricInfo | null },
  values: FormValues = {},
  problems: Problem[] = [],
) {
  const f = form(values, problems);
  const c = s.contract;
  const d = s.delivery;
  return {
    title: `Verify social value delivery – ${c.title ?? c.ocid}`,
    breadcrumbs: crumbs(c, 'Verify delivery'),
    errorSummary: f.errorSummary,
    caption: c.title ?? c.ocid,
    heading: 'Verify social value delivery',
    summary: {
      rows: [
        ...metricRows(s.commitment, s.metric),
        { key: { text: 'Reported' }, value: { text: `${d.quantity} ${s.commitment.unit}` } },
        { key: { text: 'Period' }, value: { text: `${d.period_start} to ${d.period_end}` } },
        { key: { text: 'Evidence' }, value: { html: evidenceList(d.evidence) } },
        { key: { text: 'Reported by' }, value: { text: d.created_by } },
      ],
    },
    action: `/social-value/deliveries/${d.id}/verify`,
    cancelHref: contractSocialValueHref(c.ocid),
    submit: 'Save verdict',
    fields: [
      {
        kind: 'radios',
        params: {
          idPrefix: 'verdict',
          name: 'verdict',
          fieldset: {
            legend: { text: 'Does the evidence verify the delivery?', classes: 'govuk-fieldset__legend--s' },
          },
          errorMessage: f.byField.get('verdict'),
          items: [
            { value: 'verified', text: 'Yes, verified', checked: f.str('verdict') === 'verified' },
            { value: 'rejected', text: 'No, rejected', checked: f.str('verdict') === 'rejected' },
          ],
        },
      },
      f.textarea('note', 'Note', 'Required to reject: say what the evidence does not show.'),
    ],
  };
}
