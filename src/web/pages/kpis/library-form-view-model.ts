// The KPI library forms (docs/kpi-library.md) → govuk-frontend macro parameters: a library template (central team and
// admins), a buyer's tailored copy (attach or change), and the missions and outcomes of a pipeline entry. Values
// come back as typed on a 400, with each problem against its field and in the error summary.
import type { KpiTemplate } from '../../../domain/kpi-library.js';
import type { NationalStandard } from '../../../domain/missions/standard.js';
import type { Problem } from '../../../services/missions/standards-input.js';

export type FormValues = Record<string, unknown>;

const str = (v: FormValues, k: string): string =>
  typeof v[k] === 'string' ? (v[k] as string) : typeof v[k] === 'number' ? String(v[k]) : '';
const strs = (v: FormValues, k: string): string[] =>
  Array.isArray(v[k]) ? (v[k] as unknown[]).map(String) : str(v, k) ? [str(v, k)] : [];

function fieldsOf(values: FormValues, problems: readonly Problem[]) {
  const err = new Map(problems.map((p) => [p.field, { text: p.message }]));
  const input = (
    name: string,
    label: string,
    opts: { hint?: string; classes?: string; inputmode?: string } = {},
  ) => ({
    id: name,
    name,
    label: { text: label, classes: 'govuk-label--s' },
    ...(opts.hint ? { hint: { text: opts.hint } } : {}),
    ...(opts.classes ? { classes: opts.classes } : {}),
    ...(opts.inputmode ? { inputmode: opts.inputmode } : {}),
    value: str(values, name),
    errorMessage: err.get(name),
    spellcheck: false,
  });
  const textarea = (name: string, label: string, hint?: string) => ({
    ...input(name, label, hint ? { hint } : {}),
    rows: 3,
    spellcheck: true,
  });
  return { err, input, textarea };
}

export const problemSummary = (problems: readonly Problem[]) =>
  problems.length ? problems.map((p) => ({ text: p.message, href: `#${p.field}` })) : undefined;

/** Name, measure, target and thresholds: the part of a KPI a buyer tailors (and a template starts from). */
export function measureFields(
  values: FormValues,
  problems: readonly Problem[],
  unit: string,
  direction: string,
) {
  const { input, textarea } = fieldsOf(values, problems);
  const u = unit ? ` (${unit})` : '';
  const way = direction === 'lower' ? 'at most' : 'at least';
  return {
    name: input('name', 'Name'),
    measure: textarea('measure', 'Measure', 'What is counted, over what period, from what evidence'),
    target: input('target', `Target: “good” from${u}`, {
      hint: `Good when the measure is ${way} this`,
      classes: 'govuk-input--width-5',
      inputmode: 'decimal',
    }),
    slightlyBelow: input('slightlyBelow', `“Approaching target” from${u}`, {
      classes: 'govuk-input--width-5',
      inputmode: 'decimal',
    }),
    below: input('below', `“Requires improvement” from${u}`, {
      hint: 'Worse than this is “inadequate”',
      classes: 'govuk-input--width-5',
      inputmode: 'decimal',
    }),
  };
}

export const measureValues = (k: {
  name: string;
  measure: string;
  target: number;
  slightlyBelow: number;
  below: number;
}) => ({
  name: k.name,
  measure: k.measure,
  target: String(k.target),
  slightlyBelow: String(k.slightlyBelow),
  below: String(k.below),
});

/** A template's values for its edit form. */
export const templateValues = (t: KpiTemplate): FormValues => ({
  ...measureValues(t),
  outcomeStatement: t.outcomeStatement,
  unit: t.unit,
  direction: t.direction,
  frequency: t.frequency,
  category: t.category,
  cpvDivisions: t.cpvDivisions.join(', '),
  outcomeIds: t.outcomeIds,
  goodText: t.good.text,
  goodWhy: t.good.why,
  badText: t.bad.text,
  badWhy: t.bad.why,
  source: t.source,
  status: t.status,
});

export function templateFormViewModel(input: {
  heading: string;
  action: string;
  cancelHref: string;
  values: FormValues;
  problems: readonly Problem[];
  national: NationalStandard;
  version?: number;
  editing: boolean;
}) {
  const { values, problems } = input;
  const { err, input: field, textarea } = fieldsOf(values, problems);
  const missions = new Map(input.national.missions.map((m) => [m.id, m.name]));
  const chosen = new Set(strs(values, 'outcomeIds'));
  return {
    title: input.heading,
    heading: input.heading,
    action: input.action,
    cancelHref: input.cancelHref,
    version: input.version,
    errorSummary: problemSummary(problems),
    measure: measureFields(values, problems, str(values, 'unit'), str(values, 'direction')),
    outcomeStatement: textarea(
      'outcomeStatement',
      'Outcome statement',
      'The result the public gets, in plain words',
    ),
    unit: field('unit', 'Unit', { hint: 'For example %, days, people', classes: 'govuk-input--width-10' }),
    direction: {
      name: 'direction',
      idPrefix: 'direction',
      fieldset: { legend: { text: 'Better when the measure is', classes: 'govuk-fieldset__legend--s' } },
      ...(input.editing
        ? { hint: { text: 'Direction and unit cannot change: they are what the id means' } }
        : {}),
      errorMessage: err.get('direction'),
      classes: 'govuk-radios--inline',
      items: [
        { value: 'higher', text: 'Higher', checked: str(values, 'direction') === 'higher' },
        { value: 'lower', text: 'Lower', checked: str(values, 'direction') === 'lower' },
      ],
    },
    frequency: field('frequency', 'Reported', { hint: 'For example “monthly, rated annually”' }),
    category: field('category', 'Category', { hint: 'For example “Facilities management”' }),
    cpvDivisions: field('cpvDivisions', 'CPV divisions', {
      hint: 'Two digits each, separated by commas; leave empty for all categories',
      classes: 'govuk-input--width-20',
    }),
    outcomes: {
      name: 'outcomeIds',
      idPrefix: 'outcomeIds',
      fieldset: { legend: { text: 'Outcomes it serves', classes: 'govuk-fieldset__legend--s' } },
      errorMessage: err.get('outcomeIds'),
      classes: 'govuk-checkboxes--small',
      items: input.national.outcomes.map((o) => ({
        value: o.id,
        text: `${o.name} (${missions.get(o.missionId) ?? o.missionId})`,
        checked: chosen.has(o.id),
      })),
    },
    goodText: textarea('goodText', 'Good example'),
    goodWhy: textarea('goodWhy', 'Why it is outcome-focused'),
    badText: textarea('badText', 'Bad example'),
    badWhy: textarea('badWhy', 'Why it is not'),
    source: textarea('source', 'Informed by', 'Where the measure and figures come from'),
    status: input.editing
      ? {
          name: 'status',
          idPrefix: 'status',
          fieldset: { legend: { text: 'Status', classes: 'govuk-fieldset__legend--s' } },
          classes: 'govuk-radios--inline',
          items: [
            { value: 'active', text: 'Active', checked: str(values, 'status') !== 'retired' },
            {
              value: 'retired',
              text: 'Retired (kept, not offered)',
              checked: str(values, 'status') === 'retired',
            },
          ],
        }
      : null,
    breadcrumbs: { items: [{ text: 'KPI library', href: '/kpi-library' }, { text: input.heading }] },
  };
}

export function tailorFormViewModel(input: {
  heading: string;
  caption: string;
  action: string;
  cancelHref: string;
  template: KpiTemplate;
  values: FormValues;
  problems: readonly Problem[];
  version?: number;
  removeAction?: string;
}) {
  const t = input.template;
  return {
    title: input.heading,
    heading: input.heading,
    caption: input.caption,
    action: input.action,
    cancelHref: input.cancelHref,
    version: input.version,
    removeAction: input.removeAction,
    templateId: t.id,
    templateName: t.name,
    templateHref: `/kpi-library/${encodeURIComponent(t.id)}`,
    outcomeStatement: t.outcomeStatement,
    errorSummary: problemSummary(input.problems),
    measure: measureFields(input.values, input.problems, t.unit, t.direction),
    breadcrumbs: { items: [{ text: input.caption, href: input.cancelHref }, { text: input.heading }] },
  };
}

export function missionsFormViewModel(input: {
  entry: { id: number; title: string; organisationName: string; version: number };
  choices: { id: string; name: string; outcomes: { id: string; name: string }[] }[];
  values: FormValues;
  problems: readonly Problem[];
  conflict?: string;
}) {
  const err = new Map(input.problems.map((p) => [p.field, { text: p.message }]));
  const missions = new Set(strs(input.values, 'missionIds'));
  const outcomes = new Set(strs(input.values, 'outcomeIds'));
  const href = `/pipeline/entries/${input.entry.id}`;
  return {
    title: `Missions and outcomes – ${input.entry.title}`,
    heading: 'Missions and outcomes',
    caption: input.entry.title,
    action: `${href}/missions`,
    cancelHref: href,
    version: input.entry.version,
    conflict: input.conflict,
    errorSummary: problemSummary(input.problems),
    missions: {
      name: 'missionIds',
      idPrefix: 'missionIds',
      fieldset: { legend: { text: 'Missions', classes: 'govuk-fieldset__legend--m' } },
      hint: { text: 'An outcome you select below brings its mission' },
      errorMessage: err.get('missionIds'),
      items: input.choices.map((m) => ({ value: m.id, text: m.name, checked: missions.has(m.id) })),
    },
    outcomes: input.choices
      .filter((m) => m.outcomes.length)
      .map((m, i) => ({
        name: 'outcomeIds',
        idPrefix: i === 0 ? 'outcomeIds' : `outcomeIds-${m.id}`,
        fieldset: { legend: { text: `Outcomes: ${m.name}`, classes: 'govuk-fieldset__legend--s' } },
        errorMessage: i === 0 ? err.get('outcomeIds') : undefined,
        classes: 'govuk-checkboxes--small',
        items: m.outcomes.map((o) => ({
          value: o.id,
          text: o.name,
          hint: { text: o.id },
          checked: outcomes.has(o.id),
        })),
      })),
    breadcrumbs: {
      items: [
        { text: 'Pipelines', href: '/pipeline' },
        { text: input.entry.organisationName, href },
        { text: 'Missions and outcomes' },
      ],
    },
  };
}
