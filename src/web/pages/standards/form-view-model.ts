// The standards edit forms → GOV.UK macro parameters: a tier's setting for a mission, an outcome or social value
// (priority, minimum weighting, lock), and a new outcome or metric. Field errors come from the service's problems.
import type { Problem } from '../../../services/missions/standards-input.js';
import type { StandardsService } from '../../../services/missions/standards.service.js';
import { formatDateTime } from '../../format.js';
import { baseHref, breadcrumbs, provenanceText, scopeTitle, selectorOf } from './view-model.js';

type SettingForm = Awaited<ReturnType<StandardsService['settingForm']>>;
type ItemForm = Awaited<ReturnType<StandardsService['itemForm']>>;
export type FormValues = Record<string, string | string[] | undefined>;

const errorsFor = (problems: Problem[]) => ({
  errorSummary: problems.length ? problems.map((p) => ({ text: p.message, href: `#${p.field}` })) : undefined,
  byField: Object.fromEntries(problems.map((p) => [p.field, { text: p.message }])) as Record<
    string,
    { text: string }
  >,
});

const str = (v: string | string[] | undefined): string => (typeof v === 'string' ? v : '');

export function settingViewModel(f: SettingForm, values?: FormValues, problems: Problem[] = []) {
  const { errorSummary, byField } = errorsFor(problems);
  const v: FormValues = values ?? {
    priority: f.own?.priority ?? 'none',
    minWeightPercent:
      f.own?.min_weight_percent === null || f.own === null ? '' : String(Number(f.own.min_weight_percent)),
    locked: f.own?.locked ? 'on' : undefined,
  };
  const regional = f.scope.kind === 'region';
  const above = f.above.minWeightPercent;
  const base = baseHref(selectorOf(f.scope));
  return {
    title: `Priority and weighting: ${f.target.name} – ${scopeTitle(f.scope)}`,
    breadcrumbs: breadcrumbs(f.scope, 'Priority and weighting'),
    errorSummary,
    caption: scopeTitle(f.scope),
    heading: `Priority and weighting: ${f.target.name}`,
    action: `${base}/settings/${encodeURIComponent(f.target.id)}`,
    cancelHref: base,
    aboveText: [
      above
        ? `The tiers above set a minimum weighting of ${above.value}% (${provenanceText(above.from, f.scope)}): you may raise it, not lower it.`
        : 'No tier above sets a minimum weighting.',
      f.above.priority
        ? `Priority above: ${f.above.priority.value} (${provenanceText(f.above.priority.from, f.scope)}).`
        : '',
    ].join(' '),
    priority: {
      idPrefix: 'priority',
      name: 'priority',
      fieldset: { legend: { text: 'Priority', classes: 'govuk-fieldset__legend--s' } },
      hint: {
        text: regional
          ? 'Your buyers see this priority; they may change it unless you lock it.'
          : 'Overrides the region’s priority unless the region locked it.',
      },
      errorMessage: byField.priority,
      items: [
        { value: 'high', text: 'High' },
        { value: 'medium', text: 'Medium' },
        { value: 'low', text: 'Low' },
        { value: 'none', text: 'Not set (use the tier above)' },
      ].map((i) => ({
        ...i,
        checked: str(v.priority) === i.value || (i.value === 'none' && !str(v.priority)),
      })),
    },
    weight: {
      id: 'minWeightPercent',
      name: 'minWeightPercent',
      label: { text: 'Minimum weighting, percent of the total score (optional)', classes: 'govuk-label--s' },
      hint: { text: 'For example 12.5. Leave empty to use the tier above.' },
      classes: 'govuk-input--width-5',
      inputmode: 'decimal',
      suffix: { text: '%' },
      value: str(v.minWeightPercent),
      errorMessage: byField.minWeightPercent,
    },
    locked: regional
      ? {
          idPrefix: 'locked',
          name: 'locked',
          errorMessage: byField.locked,
          fieldset: { legend: { text: 'Buyers in the region', classes: 'govuk-fieldset__legend--s' } },
          items: [
            {
              value: 'on',
              text: 'Lock this priority: buyers may not change it',
              checked: str(v.locked) === 'on',
            },
          ],
        }
      : null,
    history: f.history.length
      ? {
          caption: 'Changes',
          captionClasses: 'govuk-table__caption--m',
          head: [{ text: 'When' }, { text: 'By' }, { text: 'Change' }],
          rows: f.history.map((a) => [
            { text: formatDateTime(new Date(a.at)) },
            { text: a.actor },
            { text: a.action },
          ]),
        }
      : null,
  };
}

export function itemViewModel(
  kind: 'outcome' | 'metric',
  f: ItemForm,
  values: FormValues = {},
  problems: Problem[] = [],
) {
  const { errorSummary, byField } = errorsFor(problems);
  const base = baseHref(selectorOf(f.scope));
  const input = (id: string, label: string, hint?: string, extra: object = {}) => ({
    id,
    name: id,
    label: { text: label, classes: 'govuk-label--s' },
    hint: hint ? { text: hint } : undefined,
    value: str(values[id]),
    errorMessage: byField[id],
    ...extra,
  });
  const parents = kind === 'outcome' ? f.missions : f.outcomes;
  return {
    title: `Add ${kind === 'outcome' ? 'an outcome' : 'a metric'} – ${scopeTitle(f.scope)}`,
    breadcrumbs: breadcrumbs(f.scope, `Add ${kind === 'outcome' ? 'an outcome' : 'a metric'}`),
    errorSummary,
    caption: scopeTitle(f.scope),
    heading: `Add ${kind === 'outcome' ? 'an outcome' : 'a metric'}`,
    intro: `It gets a permanent identifier starting ${f.editScope.replace(':', '.')}. — once made, its ${kind === 'metric' ? 'outcome, unit and direction' : 'mission'} cannot change; wording can be clarified.`,
    action: `${base}/${kind}s/new`,
    cancelHref: base,
    parent: {
      id: 'parentId',
      name: 'parentId',
      label: { text: kind === 'outcome' ? 'Mission' : 'Outcome', classes: 'govuk-label--s' },
      errorMessage: byField.parentId,
      items: [
        { value: '', text: kind === 'outcome' ? 'Choose a mission' : 'Choose an outcome' },
        ...parents.map((p) => ({ value: p.id, text: p.name, selected: str(values.parentId) === p.id })),
      ],
    },
    fields: [
      input('name', 'Name'),
      input('slug', 'Identifier (optional)', 'Letters, digits and hyphens; made from the name when empty.', {
        classes: 'govuk-input--width-20',
        spellcheck: false,
      }),
    ],
    definition: input(
      'definition',
      'Definition',
      kind === 'metric' ? 'What is counted, and how.' : 'The result sought.',
    ),
    metricFields:
      kind === 'metric'
        ? {
            unit: input(
              'unit',
              'Unit',
              'For example: FTE, people, hours, tonnes CO2e, £, percent of value.',
              { classes: 'govuk-input--width-20' },
            ),
            direction: {
              idPrefix: 'direction',
              name: 'direction',
              fieldset: { legend: { text: 'Which is better?', classes: 'govuk-fieldset__legend--s' } },
              errorMessage: byField.direction,
              items: [
                { value: 'higher', text: 'Higher is better', checked: str(values.direction) === 'higher' },
                { value: 'lower', text: 'Lower is better', checked: str(values.direction) === 'lower' },
              ],
            },
            evidence: input(
              'evidence',
              'Evidence required',
              'What a supplier must provide to have delivery verified.',
            ),
          }
        : null,
    source: input(
      'source',
      'Source (optional)',
      'Where the outcome or metric comes from, for example a regional strategy.',
    ),
  };
}
