// The central pipeline (/pipeline): published entries across buyers, filtered by CPV, region, value and start
// window (a GET form, so every view has an address), and every buyer whose UK1 duty applies (as of `asOf`, a
// query parameter as on the quality pages; today by default).
import { toDecimal } from '../../../domain/decimal.js';
import { isDay, type Day } from '../../../domain/rules/index.js';
import type { Uk1Duty, Uk1DutyBuyer } from '../../../services/pipeline/pipeline-duty.js';
import { html, link } from '../../html.js';
import type { Page } from '../../../services/pipeline/pipeline.service.js';
import type { EntryFilters, PipelineEntryRecord } from '../../../services/pipeline/pipeline.service.js';
import { pagination } from '../shared/table-nav.js';
import { entryTable } from './view-model.js';

export const CENTRAL_FIELDS = [
  'cpv',
  'region',
  'valueFrom',
  'valueTo',
  'startFrom',
  'startTo',
  'mission',
  'asOf',
] as const;
type CentralField = (typeof CENTRAL_FIELDS)[number];
export type CentralForm = Record<CentralField, string>;
export type CentralFilters = Omit<EntryFilters, 'publishedOnly' | 'organisationId'>;

export function readCentralForm(q: Record<string, unknown>): CentralForm {
  const s = (k: string) => (typeof q[k] === 'string' ? (q[k] as string).trim() : '');
  return Object.fromEntries(CENTRAL_FIELDS.map((f) => [f, s(f)])) as CentralForm;
}

export function centralFilters(f: CentralForm): {
  filters: CentralFilters;
  /** The day the UK1 duty list is judged as of; undefined: today. */
  asOf: Day | undefined;
  problems: { field: CentralField; text: string }[];
} {
  const problems: { field: CentralField; text: string }[] = [];
  const filters: CentralFilters = {};
  let asOf: Day | undefined;
  if (f.asOf) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(f.asOf) && isDay(f.asOf)) asOf = f.asOf;
    else problems.push({ field: 'asOf', text: 'The UK1 duty’s day (asOf) must be a date as YYYY-MM-DD' });
  }
  if (f.cpv) {
    if (/^\d{2,8}$/.test(f.cpv)) filters.cpvPrefix = f.cpv;
    else problems.push({ field: 'cpv', text: 'CPV code must be 2 to 8 digits, for example 45 or 4523' });
  }
  if (f.region) {
    if (/^(UK|TL)[A-Z0-9]{0,3}$/i.test(f.region)) filters.regionPrefix = f.region.toUpperCase();
    else problems.push({ field: 'region', text: 'Region must be an ITL code, for example UKF or TLF1' });
  }
  if (f.mission) {
    if (/^[a-z0-9][a-z0-9.-]{0,79}$/.test(f.mission)) filters.mission = f.mission;
    else problems.push({ field: 'mission', text: 'Select a mission from the list' });
  }
  for (const [field, key] of [
    ['valueFrom', 'valueFrom'],
    ['valueTo', 'valueTo'],
  ] as const) {
    if (!f[field]) continue;
    const d = toDecimal(f[field].replace(/^£/, '').replace(/,/g, ''));
    if (d !== null && !d.startsWith('-')) filters[key] = d;
    else
      problems.push({
        field,
        text: `${field === 'valueFrom' ? 'Lowest' : 'Highest'} value must be an amount in pounds`,
      });
  }
  for (const field of ['startFrom', 'startTo'] as const) {
    if (!f[field]) continue;
    if (/^\d{4}-\d{2}-\d{2}$/.test(f[field]) && isDay(f[field])) filters[field] = f[field];
    else
      problems.push({
        field,
        text: `${field === 'startFrom' ? 'Start from' : 'Start to'} must be a date as YYYY-MM-DD`,
      });
  }
  return { filters, asOf, problems };
}

const inputs: {
  field: Exclude<CentralField, 'mission' | 'asOf'>;
  label: string;
  hint: string;
  width: string;
}[] = [
  {
    field: 'cpv',
    label: 'CPV code starts with',
    hint: 'For example 45 (construction) or 4523',
    width: 'govuk-input--width-10',
  },
  {
    field: 'region',
    label: 'Region (ITL code) starts with',
    hint: 'For example UKF or TLF1',
    width: 'govuk-input--width-5',
  },
  {
    field: 'valueFrom',
    label: 'Value at least (£)',
    hint: 'For example 2000000',
    width: 'govuk-input--width-10',
  },
  {
    field: 'valueTo',
    label: 'Value at most (£)',
    hint: 'For example 10000000',
    width: 'govuk-input--width-10',
  },
  {
    field: 'startFrom',
    label: 'Procurement starts on or after',
    hint: 'YYYY-MM-DD',
    width: 'govuk-input--width-10',
  },
  {
    field: 'startTo',
    label: 'Procurement starts on or before',
    hint: 'YYYY-MM-DD',
    width: 'govuk-input--width-10',
  },
];

/** The duty's verdict in words: the check's pass, fail and not-yet-due. */
export const UK1_VERDICTS: Record<Uk1Duty['status'], string> = {
  fail: 'Missed: no UK1 in time',
  'not-applicable': 'Not yet due',
  pass: 'UK1 published in time',
};

function uk1Table(uk1: { asOf: Day; buyers: Uk1DutyBuyer[] }) {
  return {
    asOf: uk1.asOf,
    year: uk1.buyers[0]?.year ?? null,
    table: uk1.buyers.length
      ? {
          caption: 'Buyers whose UK1 duty applies',
          captionClasses: 'govuk-table__caption--m',
          attributes: { id: 'uk1' },
          head: [{ text: 'Buyer' }, { text: 'UK1 pipeline notice' }, { text: 'Why' }],
          rows: uk1.buyers.map((b) => [
            { html: link(`/organisations/${b.id}/pipeline`, b.name).toString() },
            { html: html`<span data-uk1-verdict="${b.status}">${UK1_VERDICTS[b.status]}</span>`.toString() },
            { text: b.detail },
          ]),
        }
      : undefined,
  };
}

export function centralViewModel(
  form: CentralForm,
  problems: { field: CentralField; text: string }[],
  result?: Page<PipelineEntryRecord> & { uk1: { asOf: Day; buyers: Uk1DutyBuyer[] } },
  missions: readonly { id: string; name: string }[] = [],
) {
  const byField = new Map(problems.map((p) => [p.field, { text: p.text }]));
  const query = CENTRAL_FIELDS.filter((f) => form[f])
    .map((f) => `&${f}=${encodeURIComponent(form[f])}`)
    .join('');
  return {
    title: 'Pipelines across buyers',
    errorSummary: problems.length
      ? problems.map((p) => ({ text: p.text, href: p.field === 'asOf' ? '#uk1' : `#${p.field}` }))
      : undefined,
    inputs: inputs.map((i) => ({
      id: i.field,
      name: i.field,
      label: { text: i.label, classes: 'govuk-label--s' },
      hint: { text: i.hint },
      classes: i.width,
      spellcheck: false,
      value: form[i.field],
      errorMessage: byField.get(i.field),
    })),
    missionSelect: {
      id: 'mission',
      name: 'mission',
      label: { text: 'Mission', classes: 'govuk-label--s' },
      hint: { text: 'Entries tagged with this mission, directly or through one of its outcomes' },
      errorMessage: byField.get('mission'),
      items: [
        { value: '', text: 'Any mission' },
        ...missions.map((m) => ({ value: m.id, text: m.name, selected: form.mission === m.id })),
      ],
    },
    total: result?.total ?? 0,
    table:
      result && result.items.length
        ? entryTable('Published entries', result.items, { members: false, buyer: true })
        : undefined,
    uk1: result ? uk1Table(result.uk1) : undefined,
    pagination: result
      ? pagination({
          total: result.total,
          page: result.page,
          pageSize: result.pageSize,
          href: (n) => `/pipeline?page=${n}${query}`,
          label: 'Pipeline pages',
        })
      : undefined,
  };
}
