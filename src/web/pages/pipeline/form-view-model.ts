// The pipeline entry form (new, from a contract, edit) → govuk-frontend macro parameters. Values are the form's
// strings; dates are GOV.UK date inputs (day, month, year), joined into YYYY-MM-DD for the service; the service's
// "field: problem" messages come back as the error summary and each field's error message.
import {
  CONFIDENCE_LEVELS,
  PIPELINE_STATUSES,
  PROCUREMENT_ROUTES,
  ROUTE_IDS,
  STATUS_LABELS,
  STATUS_TRANSITIONS,
  type PipelineStatus,
} from '../../../domain/pipeline.js';
import {
  parseProblems,
  PIPELINE_INPUT_FIELDS,
  type PipelineInputField,
  type PipelineInputRaw,
} from '../../../services/pipeline/pipeline-input.js';
import type { PipelineEntryRecord } from '../../../services/pipeline/pipeline.service.js';
import { bodyText, dayInput, editFormFrame, joinDay } from '../shared/edit-form.js';

export type FormValues = Partial<Record<PipelineInputField, string>>;

const DATE_FIELDS = ['procurementStart', 'contractStart', 'contractEnd'] as const;
type DateField = (typeof DATE_FIELDS)[number];
const isDateField = (f: string): f is DateField => (DATE_FIELDS as readonly string[]).includes(f);

export const FIELD_LABELS: Record<PipelineInputField, string> = {
  title: 'Title',
  description: 'Description',
  cpvCode: 'Main CPV code',
  deliveryRegion: 'Delivery region',
  valueMin: 'Lowest estimated value',
  valueMax: 'Highest estimated value',
  procurementStart: 'Estimated procurement start',
  contractStart: 'Contract start',
  contractEnd: 'Contract end',
  route: 'Procurement route',
  status: 'Status',
  confidence: 'Confidence',
  linkedOcids: 'Linked contracts',
  innovation: 'Innovation',
  published: 'Published',
};

/** Form body → the strings the service parses (dates joined from their three inputs). */
export function readForm(body: Record<string, unknown>): FormValues {
  const str = bodyText(body);
  const out: FormValues = {};
  for (const f of PIPELINE_INPUT_FIELDS) {
    out[f] = isDateField(f) ? joinDay(str, f) : str(f);
  }
  return out;
}

/** Service input from form values (the checkboxes send their value only when ticked). */
export const toInput = (v: FormValues): PipelineInputRaw => ({ ...v });

export function valuesOf(e: PipelineEntryRecord): FormValues {
  return {
    title: e.title,
    description: e.description ?? '',
    cpvCode: e.cpvCode ?? '',
    deliveryRegion: e.deliveryRegion ?? '',
    valueMin: e.valueMin ?? '',
    valueMax: e.valueMax ?? '',
    procurementStart: e.procurementStart ?? '',
    contractStart: e.contractStart ?? '',
    contractEnd: e.contractEnd ?? '',
    route: e.route ?? '',
    status: e.status,
    confidence: e.confidence ?? '',
    linkedOcids: e.linkedOcids.join('\n'),
    innovation: e.innovation ? 'true' : '',
    published: e.published ? 'true' : '',
  };
}

/** Prefill values (strings and lists) as form strings. */
export const prefillValues = (raw: PipelineInputRaw): FormValues =>
  Object.fromEntries(
    Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v.join('\n') : String(v ?? '')]),
  ) as FormValues;

const hrefOf = (f: PipelineInputField) => (isDateField(f) ? `#${f}-day` : `#${f}`);

export function formErrors(message: string | undefined): { text: string; href: string }[] {
  if (!message) return [];
  return parseProblems(message).map((p) => ({
    text: `${FIELD_LABELS[p.field]} ${p.message.replace(/^at most/, 'must be at most')}`,
    href: hrefOf(p.field),
  }));
}

const dateInput = (f: DateField, value: string, hint: string, error?: { text: string }) =>
  dayInput(f, FIELD_LABELS[f], value, hint, error);

const option = (value: string, text: string, current: string | undefined) => ({
  value,
  text,
  selected: value === (current ?? ''),
});

export interface FormContext {
  title: string;
  caption: string;
  action: string;
  cancelHref: string;
  values: FormValues;
  error?: string | undefined;
  /** The version the form was opened at (edit only). */
  version?: number;
  /** The entry's saved status (edit only): the status list offers the moves allowed from it. */
  savedStatus?: PipelineStatus;
  breadcrumbs: { text: string; href?: string }[];
  /** A refused stale save: the message and where the latest version is. */
  conflict?: { message: string; href: string };
  fromContract?: { ocid: string; title: string | null };
}

export function formViewModel(c: FormContext) {
  const v = c.values;
  const errors = formErrors(c.error);
  const byField = new Map(errors.map((e) => [e.href.slice(1).replace(/-day$/, ''), { text: e.text }]));
  const err = (f: PipelineInputField) => byField.get(f);
  const statuses: readonly PipelineStatus[] = c.savedStatus
    ? [c.savedStatus, ...STATUS_TRANSITIONS[c.savedStatus]]
    : PIPELINE_STATUSES.filter((s) => s !== 'awarded');
  const money = (f: 'valueMin' | 'valueMax', hint: string) => ({
    id: f,
    name: f,
    label: { text: FIELD_LABELS[f], classes: 'govuk-label--s' },
    hint: { text: hint },
    prefix: { text: '£' },
    inputmode: 'decimal',
    classes: 'govuk-input--width-10',
    spellcheck: false,
    value: v[f] ?? '',
    errorMessage: err(f),
  });
  return {
    ...editFormFrame(c, errors),
    fromContract: c.fromContract,
    fields: {
      title: {
        id: 'title',
        name: 'title',
        label: { text: FIELD_LABELS.title, classes: 'govuk-label--s' },
        value: v.title ?? '',
        errorMessage: err('title'),
      },
      description: {
        id: 'description',
        name: 'description',
        label: { text: `${FIELD_LABELS.description} (optional)`, classes: 'govuk-label--s' },
        hint: { text: 'What is needed and the outcomes sought, in plain words.' },
        value: v.description ?? '',
        rows: 5,
        errorMessage: err('description'),
      },
      cpvCode: {
        id: 'cpvCode',
        name: 'cpvCode',
        label: { text: `${FIELD_LABELS.cpvCode} (optional)`, classes: 'govuk-label--s' },
        hint: { text: '8 digits, with or without the check digit, for example 45233141-9' },
        classes: 'govuk-input--width-10',
        spellcheck: false,
        value: v.cpvCode ?? '',
        errorMessage: err('cpvCode'),
      },
      deliveryRegion: {
        id: 'deliveryRegion',
        name: 'deliveryRegion',
        label: { text: `${FIELD_LABELS.deliveryRegion} (optional)`, classes: 'govuk-label--s' },
        hint: { text: 'ITL code, for example UKF11 or TLF11' },
        classes: 'govuk-input--width-5',
        spellcheck: false,
        value: v.deliveryRegion ?? '',
        errorMessage: err('deliveryRegion'),
      },
      valueMin: money('valueMin', 'Including VAT. Leave blank if not known.'),
      valueMax: money('valueMax', 'Including VAT. The same as the lowest if you have one figure.'),
      procurementStart: dateInput(
        'procurementStart',
        v.procurementStart ?? '',
        'When you expect to publish the tender or transparency notice, for example 15 1 2027',
        err('procurementStart'),
      ),
      contractStart: dateInput(
        'contractStart',
        v.contractStart ?? '',
        'For example 1 4 2027',
        err('contractStart'),
      ),
      contractEnd: dateInput('contractEnd', v.contractEnd ?? '', 'For example 31 3 2030', err('contractEnd')),
      route: {
        id: 'route',
        name: 'route',
        label: { text: `${FIELD_LABELS.route} (optional)`, classes: 'govuk-label--s' },
        items: [
          option('', 'Not chosen', v.route),
          ...ROUTE_IDS.map((r) => option(r, PROCUREMENT_ROUTES[r].label, v.route)),
        ],
        errorMessage: err('route'),
      },
      status: {
        id: 'status',
        name: 'status',
        label: { text: FIELD_LABELS.status, classes: 'govuk-label--s' },
        items: statuses.map((s) => option(s, STATUS_LABELS[s], v.status || statuses[0])),
        errorMessage: err('status'),
      },
      confidence: {
        idPrefix: 'confidence',
        name: 'confidence',
        classes: 'govuk-radios--inline govuk-radios--small',
        fieldset: {
          legend: { text: `${FIELD_LABELS.confidence} (optional)`, classes: 'govuk-fieldset__legend--s' },
        },
        items: CONFIDENCE_LEVELS.map((l) => ({
          value: l,
          text: l[0]!.toUpperCase() + l.slice(1),
          checked: v.confidence === l,
        })),
        errorMessage: err('confidence'),
      },
      linkedOcids: {
        id: 'linkedOcids',
        name: 'linkedOcids',
        label: { text: `${FIELD_LABELS.linkedOcids} (optional)`, classes: 'govuk-label--s' },
        hint: { text: 'The ocid of each expiring contract this replaces, one per line' },
        rows: 3,
        spellcheck: false,
        value: v.linkedOcids ?? '',
        errorMessage: err('linkedOcids'),
      },
      flags: {
        idPrefix: 'flags',
        name: 'flags',
        fieldset: { legend: { text: 'Options', classes: 'govuk-fieldset__legend--s' } },
        items: [
          {
            name: 'innovation',
            value: 'true',
            text: 'Innovation: open to new or untried solutions',
            checked: v.innovation === 'true',
          },
          {
            name: 'published',
            value: 'true',
            text: 'Publish this entry on the public pipeline',
            checked: v.published === 'true',
          },
        ],
      },
    },
  };
}
