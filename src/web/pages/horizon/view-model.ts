// The horizon scan page → parameters for govuk-frontend macros: filter form, window summary, results table,
// pagination, definitions. Every figure links to its definition (#definitions) and the contracts behind it.
import { horizonItemPath, horizonSupplierNames, type HorizonItem } from '../../../analytics/horizon/index.js';
import {
  HORIZON_DEFAULT_ORDER,
  HORIZON_PAGE_SIZES,
  type HorizonNamedFilters,
  type HorizonScan,
} from '../../../services/index.js';
import { count, formatAmount, formatNumber, NOT_KNOWN } from '../../format.js';
import { html, link, type SafeHtml } from '../../html.js';
import {
  asOfDateInput,
  dayCell,
  dayText,
  errorFor,
  errorSummary,
  pageSizeSelect,
  textInput,
} from '../shared/query-form-view.js';
import { pagination } from '../shared/table-nav.js';
import { horizonQueryString, type FormProblem, type HorizonForm } from './form.js';

export interface HorizonPageInput {
  form: HorizonForm;
  problems: FormProblem[];
  scan?: HorizonScan;
  named?: HorizonNamedFilters;
  /** The missions of the catalogue, for the mission select. */
  missions: { id: string; name: string }[];
  /** Whether the reader may plan the re-procurement for a buyer (editors of it: pipeline.edit). */
  mayPlan?: (buyerId: number) => boolean;
}

type Sort = HorizonScan['sort'];

/** Kept here for the saved searches page. */
export { dayCell };

const tag = (text: string, colour: string) =>
  html` <strong class="govuk-tag govuk-tag--${colour}">${text}</strong>`;
const small = (text: string) => html`<br /><span class="govuk-body-s govuk-!-margin-0">${text}</span>`;

function valueCell(i: HorizonItem): SafeHtml {
  if (!i.value) return html`${NOT_KNOWN}`;
  if (i.value.basis === 'register')
    return html`${formatAmount(i.value.amount, i.value.currency)}${small('register total, as published')}`;
  const what = i.value.basis === 'tender' ? 'estimate' : i.value.basis;
  return html`${formatAmount(i.value.amount, i.value.currency)}${small(`${what}, ${i.value.includesVat ? 'incl.' : 'excl.'} VAT`)}`;
}

function maxExtentCell(i: HorizonItem): SafeHtml {
  const h = i.headroom;
  const room = h
    ? `${count(h.months, 'month')}${h.extraDays > 0 ? ` ${count(h.extraDays, 'day')}` : ''} headroom`
    : null;
  const renewal = i.renewal.hasRenewal ? (i.renewal.description ?? 'renewal allowed') : null;
  return html`${i.maxExtent ? dayCell(i.maxExtent) : NOT_KNOWN}${room ? small(room) : ''}${renewal ? small(`Renewal: ${renewal}`) : ''}`;
}

/** The contract's missions as small tags (primary first; a secondary mission in grey). */
function missionTags(i: HorizonItem): SafeHtml | string {
  if (i.missions.length === 0) return '';
  const tags = i.missions.map(
    (m) =>
      html` <strong class="govuk-tag govuk-tag--${m.role === 'primary' ? 'turquoise' : 'grey'}"
        >${m.name}<span class="govuk-visually-hidden"> (${m.role})</span></strong
      >`,
  );
  return html`<br /><span class="govuk-visually-hidden">Missions:</span>${tags}`;
}

/** The contract's title, linked to its page where it has one, and where a register row comes from. */
function titleCell(i: HorizonItem): SafeHtml {
  const path = horizonItemPath(i);
  const title = i.title ?? i.ocid ?? NOT_KNOWN;
  if (i.source.kind === 'ocds')
    return html`${path ? link(path, title) : title}${i.synthetic ? tag('Synthetic', 'grey') : ''}${missionTags(i)}`;
  const ref = i.source.reference ? ` ${i.source.reference}` : '';
  return html`${title}${tag('Register', 'blue')}${small(`${i.source.label}, row${ref} (line ${i.source.line})`)}`;
}

function suppliersCell(i: HorizonItem): SafeHtml {
  if (i.suppliers.length > 0)
    return html`${i.suppliers.map((s, n) => html`${n > 0 ? html`<br />` : ''}${link(`/horizon?supplierId=${s.id}`, s.name)}`)}`;
  return html`${horizonSupplierNames(i)[0] ?? NOT_KNOWN}`;
}

/** "Plan the re-procurement" (the contract page's prefill, docs/pipeline.md) for editors of an OCDS contract's buyer. */
function planLink(i: HorizonItem, mayPlan: HorizonPageInput['mayPlan']): SafeHtml | string {
  if (!mayPlan || i.source.kind !== 'ocds' || !i.ocid || !i.buyer || !mayPlan(i.buyer.id)) return '';
  return html`<br /><a class="govuk-link govuk-body-s" href="/pipeline/from/${encodeURIComponent(i.ocid)}"
      >Plan the re-procurement<span class="govuk-visually-hidden"> of ${i.title ?? i.ocid}</span></a
    >`;
}

function row(i: HorizonItem, mayPlan: HorizonPageInput['mayPlan']) {
  const p = i.procedure;
  return [
    { html: html`${titleCell(i)}${planLink(i, mayPlan)}`.toString() },
    {
      html: (i.buyer ? link(`/horizon?buyerId=${i.buyer.id}`, i.buyer.name) : html`${NOT_KNOWN}`).toString(),
    },
    { html: suppliersCell(i).toString() },
    { html: valueCell(i).toString(), format: 'numeric' },
    {
      html: html`${dayCell(i.end)}${i.horizon.from === 'max-extent' ? small('in extension period') : ''}`.toString(),
    },
    { html: maxExtentCell(i).toString() },
    {
      html: html`${dayCell(i.decisionDueBy)}${i.decisionOverdue ? tag('Overdue', 'red') : ''}${small(`${i.leadTime.months} months before ${i.horizon.from === 'end' ? 'end' : 'max extent'}`)}`.toString(),
    },
    {
      html: html`${p.details ?? p.method ?? NOT_KNOWN}${p.directAward === true ? tag('Direct award', 'orange') : ''}`.toString(),
    },
    { text: i.numberOfTenderers === null ? NOT_KNOWN : formatNumber(i.numberOfTenderers), format: 'numeric' },
  ];
}

const SORT_LABELS: Record<Sort, string> = { decision: 'Decision due by', end: 'Ends', value: 'Value' };

function sortHeader(form: HorizonForm, scan: HorizonScan, key: Sort, numeric = false) {
  const current = scan.sort === key;
  const next = current ? (scan.order === 'asc' ? 'desc' : 'asc') : HORIZON_DEFAULT_ORDER[key];
  const href = `/horizon${horizonQueryString(form, { sort: key, order: next }, ['page'])}`;
  return {
    html: html`<a class="govuk-link app-sort-link" href="${href}"
      >${SORT_LABELS[key]}<span class="govuk-visually-hidden">
        (sort ${next === 'asc' ? 'ascending' : 'descending'})</span
      ></a
    >`.toString(),
    attributes: { 'aria-sort': current ? (scan.order === 'asc' ? 'ascending' : 'descending') : 'none' },
    ...(numeric ? { format: 'numeric' } : {}),
  };
}

function summaryTable(form: HorizonForm, scan: HorizonScan) {
  const head = [
    { text: 'Ending within' },
    { html: html`<a class="govuk-link" href="#def-contracts">Contracts</a>`.toString(), format: 'numeric' },
    { html: html`<a class="govuk-link" href="#def-value">Value</a>`.toString(), format: 'numeric' },
    { text: 'Of unknown value', format: 'numeric' },
  ];
  const rows = scan.summary.map((w) => {
    const href = `/horizon${horizonQueryString(form, { months: w.months }, ['page'])}`;
    const label = `${w.months} months (by ${dayText(w.last)})`;
    return [
      { html: (w.months === scan.months ? html`<strong>${label}</strong>` : html`${label}`).toString() },
      {
        html: link(
          href,
          formatNumber(w.contracts),
          html`<span class="govuk-visually-hidden"> contracts ending within ${w.months} months</span>`,
        ).toString(),
        format: 'numeric',
      },
      { text: formatAmount(w.valueGbp, 'GBP'), format: 'numeric' },
      { text: formatNumber(w.valueNotKnown), format: 'numeric' },
    ];
  });
  return { caption: 'Contracts and value by window', captionClasses: 'govuk-table__caption--s', head, rows };
}

const BASIS_ITEMS = [
  {
    value: 'next',
    text: 'Next end date',
    hint: 'The end date while it is ahead; once passed, the latest possible end with extensions',
  },
  { value: 'end', text: 'Contract end date only', hint: undefined },
  {
    value: 'max-extent',
    text: 'Latest possible end',
    hint: 'With every extension (maxExtentDate); the end date when none is published',
  },
];

const NAMED_FILTERS = [
  { key: 'buyer', label: 'Buyer', field: 'buyerId' },
  { key: 'supplier', label: 'Supplier', field: 'supplierId' },
  { key: 'mission', label: 'Mission', field: 'mission' },
] as const;

/** govukSelect parameters for the mission filter: "Any mission" and the catalogue's missions. */
function missionSelect(form: HorizonForm, problems: FormProblem[], missions: HorizonPageInput['missions']) {
  return {
    id: 'mission',
    name: 'mission',
    label: { text: 'Mission', classes: 'govuk-label--s' },
    hint: {
      text: 'Contracts from published notices mapped to the mission. Contract register rows have no missions',
    },
    errorMessage: errorFor(problems, 'mission'),
    items: [
      { value: '', text: 'Any mission', selected: form.mission === '' },
      ...missions.map((m) => ({ value: m.id, text: m.name, selected: form.mission === m.id })),
    ],
  };
}

export function horizonViewModel({ form, problems, scan, named, missions, mayPlan }: HorizonPageInput) {
  const pageSize = scan?.pageSize ?? (Number(form.pageSize) || HORIZON_PAGE_SIZES[0]);
  const activeFilters = NAMED_FILTERS.filter((f) => named?.[f.key]).map((f) => ({
    text: `${f.label}: ${named![f.key]!.name}`,
    removeHref: `/horizon${horizonQueryString(form, {}, [f.field, 'page'])}`,
  }));
  let results;
  if (scan) {
    const from = scan.total === 0 ? 0 : (scan.page - 1) * scan.pageSize + 1;
    const to = Math.min(scan.total, scan.page * scan.pageSize);
    const qs = horizonQueryString(form, {}, ['page', 'pageSize']);
    results = {
      total: scan.total,
      heading: `${count(scan.total, 'contract')} ending by ${dayText(scan.windowEnd)}`,
      showing:
        scan.items.length > 0
          ? `Showing ${formatNumber(from)} to ${formatNumber(to)} of ${count(scan.total, 'contract')}`
          : undefined,
      summary: summaryTable(form, scan),
      table:
        scan.items.length > 0
          ? {
              caption: `Contracts ending by ${dayText(scan.windowEnd)}`,
              captionClasses: 'govuk-visually-hidden',
              head: [
                { text: 'Contract' },
                { text: 'Buyer' },
                { text: 'Incumbent supplier(s)' },
                sortHeader(form, scan, 'value', true),
                sortHeader(form, scan, 'end'),
                {
                  html: html`<a class="govuk-link" href="#def-max-extent">Latest possible end</a>`.toString(),
                },
                sortHeader(form, scan, 'decision'),
                { html: html`<a class="govuk-link" href="#def-procedure">How procured</a>`.toString() },
                { text: 'Tenderers', format: 'numeric' },
              ],
              rows: scan.items.map((i) => row(i, mayPlan)),
            }
          : undefined,
      pagination: pagination({
        total: scan.total,
        page: scan.page,
        pageSize: scan.pageSize,
        href: (n) => `/horizon${horizonQueryString(form, { page: n })}`,
        label: 'Horizon scan results pages',
      }),
      csvHref: `/horizon.csv${qs}`,
      atomHref: `/horizon.atom${qs}`,
      apiHref: `/api/horizon${qs}`,
      firstPageHref: `/horizon${horizonQueryString(form, {}, ['page'])}`,
      missionNote: scan.filters.mission !== undefined,
      leadTimes: scan.leadTimes,
      asOf: dayText(scan.asOf),
    };
  }
  return {
    title: 'Horizon scan',
    wide: true,
    errorSummary: errorSummary(problems),
    inputs: {
      months: textInput(
        form,
        problems,
        'months',
        'Months ahead',
        '6, 12, 18 or 24, or any whole number from 1 to 60',
        { inputmode: 'numeric', classes: 'govuk-input--width-3' },
      ),
      buyerId: textInput(
        form,
        problems,
        'buyerId',
        'Buyer ID',
        'The organisation number in a buyer link, like 441',
        { inputmode: 'numeric', classes: 'govuk-input--width-10' },
      ),
      supplierId: textInput(
        form,
        problems,
        'supplierId',
        'Incumbent supplier ID',
        'The organisation number in a supplier link',
        { inputmode: 'numeric', classes: 'govuk-input--width-10' },
      ),
      cpv: textInput(form, problems, 'cpv', 'CPV code', 'A division, group or class, like 72 or 45210000', {
        inputmode: 'numeric',
        classes: 'govuk-input--width-10',
      }),
      region: textInput(
        form,
        problems,
        'region',
        'Region',
        'An ITL or NUTS code, like TLE (Yorkshire and The Humber) or UKI',
        { classes: 'govuk-input--width-5' },
      ),
      minValue: textInput(
        form,
        problems,
        'minValue',
        'Minimum value',
        'Pounds, including VAT where published',
        {
          prefix: { text: '£' },
          inputmode: 'decimal',
          classes: 'govuk-input--width-10',
        },
      ),
    },
    basis: {
      name: 'basis',
      idPrefix: 'basis',
      fieldset: { legend: { text: 'Which end date counts', classes: 'govuk-fieldset__legend--s' } },
      errorMessage: errorFor(problems, 'basis'),
      classes: 'govuk-radios--small',
      items: BASIS_ITEMS.map((b) => ({
        value: b.value,
        text: b.text,
        ...(b.hint ? { hint: { text: b.hint } } : {}),
        checked: (form.basis || 'next') === b.value,
      })),
    },
    mission: missionSelect(form, problems, missions),
    asOf: asOfDateInput(form, problems),
    pageSize: pageSizeSelect('Results per page', HORIZON_PAGE_SIZES, pageSize, problems),
    hidden: { sort: scan?.sort ?? form.sort, order: scan?.order ?? form.order },
    activeFilters,
    clearHref: '/horizon',
    results,
  };
}
