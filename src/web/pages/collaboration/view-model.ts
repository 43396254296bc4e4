// The collaboration finder pages (/collaborate for mission leads, /organisations/:id/collaborate for one buyer) →
// parameters for govuk-frontend macros: filter form, one section per group (why it matches, buyers, contracts,
// shared incumbents), pagination and definitions.
import type { CollaborationGroup } from '../../../analytics/collaboration/index.js';
import { COLLABORATION_PAGE_SIZES } from '../../../services/collaboration/collaboration-query.js';
import type { CollaborationResult } from '../../../services/index.js';
import { count, formatAmount, formatNumber, NOT_KNOWN } from '../../format.js';
import { html, link } from '../../html.js';
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
import { collaborationQueryString, type CollaborationForm, type FormProblem } from './form.js';

export interface CollaborationPageInput {
  /** `/collaborate` or `/organisations/:id/collaborate`. */
  base: string;
  form: CollaborationForm;
  problems: FormProblem[];
  result?: CollaborationResult;
  /** The buyer of a per-buyer page. */
  buyer?: { id: number; name: string };
}

const money = (v: string | null) => (v === null ? NOT_KNOWN : formatAmount(v, 'GBP'));
const regions = (r: { name: string }[]) =>
  r.length === 0 ? 'National or no region' : r.map((x) => x.name).join(', ');

function groupView(g: CollaborationGroup, n: number, buyerId: number | undefined) {
  const buyerName = new Map(g.buyers.map((b) => [b.id, b.name]));
  const more = (total: number, shown: number, noun: string) =>
    total > shown ? `${count(total - shown, noun)} more in the CSV download.` : undefined;
  return {
    id: `group-${n}`,
    heading: `${g.market.label ?? `CPV ${g.market.level} ${g.market.code}`} — ${g.anchor.name}`,
    caption: `CPV ${g.market.level} ${g.market.code}`,
    explanation: g.explanation,
    summary: {
      rows: [
        { key: { text: 'Buyers' }, value: { text: formatNumber(g.buyerCount) } },
        { key: { text: 'Contracts' }, value: { text: formatNumber(g.contractCount) } },
        {
          key: { text: 'Combined value' },
          value: {
            text: `${formatAmount(g.valueGbp, 'GBP')}${g.valueNotKnown > 0 ? ` (and ${count(g.valueNotKnown, 'contract')} of unknown value)` : ''}`,
          },
        },
        {
          key: { text: 'Decisions due' },
          value: {
            html: html`${dayCell(g.firstDecisionDue)} to ${dayCell(g.lastDecisionDue)}`.toString(),
          },
        },
        {
          key: { text: 'Shared incumbents' },
          value: {
            html: (g.sharedIncumbents.length === 0
              ? html`None`
              : html`${g.sharedIncumbents.map((s, i) => html`${i > 0 ? ', ' : ''}${link(`/horizon?supplierId=${s.id}`, s.name)} (${count(s.buyers, 'buyer')})`)}`
            ).toString(),
          },
        },
      ],
    },
    buyers: {
      caption: `Buyers in this group (${formatNumber(g.buyerCount)})`,
      captionClasses: 'govuk-table__caption--s',
      head: [
        { text: 'Buyer' },
        { text: 'Region' },
        { text: 'Contracts', format: 'numeric' },
        { text: 'Value', format: 'numeric' },
      ],
      rows: g.buyers.map((b) => [
        {
          html: html`${link(`/organisations/${b.id}/collaborate`, b.name)}${b.id === buyerId ? html` <strong class="govuk-tag govuk-tag--blue">This buyer</strong>` : ''}`.toString(),
        },
        { text: regions(b.regions) },
        { text: formatNumber(b.contracts), format: 'numeric' },
        { text: formatAmount(b.valueGbp, 'GBP'), format: 'numeric' },
      ]),
    },
    buyersMore: more(g.buyerCount, g.buyers.length, 'buyer'),
    contracts: {
      caption: `Contracts in this group (${formatNumber(g.contractCount)})`,
      captionClasses: 'govuk-table__caption--s',
      head: [
        { text: 'Contract' },
        { text: 'Buyer' },
        { text: 'Region' },
        { text: 'Value', format: 'numeric' },
        { text: 'Decision due by' },
        { text: 'Ends' },
      ],
      rows: g.contracts.map((c) => [
        {
          html: html`${link(`/contracts/${encodeURIComponent(c.ocid)}`, c.title ?? c.ocid)}${c.synthetic ? html` <strong class="govuk-tag govuk-tag--grey">Synthetic</strong>` : ''}`.toString(),
        },
        { text: buyerName.get(c.buyerId) ?? `Organisation ${c.buyerId}` },
        { text: regions(c.regions) },
        { text: money(c.valueGbp), format: 'numeric' },
        { html: dayCell(c.decisionDueBy).toString() },
        {
          html: html`${dayCell(c.horizon.day)}${c.horizon.from === 'max-extent' ? html`<br /><span class="govuk-body-s">latest possible end</span>` : ''}`.toString(),
        },
      ]),
    },
    contractsMore: more(g.contractCount, g.contracts.length, 'contract'),
  };
}

export function collaborationViewModel({ base, form, problems, result, buyer }: CollaborationPageInput) {
  const pageSize = result?.pageSize ?? (Number(form.pageSize) || COLLABORATION_PAGE_SIZES[0]);
  const input = (id: Exclude<keyof CollaborationForm, 'asOf'>, label: string, hint: string, extra = {}) =>
    textInput(form, problems, id, label, hint, extra);
  let results;
  if (result) {
    const qs = collaborationQueryString(form, {}, ['page', 'pageSize']);
    const apiQs = new URLSearchParams(qs.slice(1));
    if (buyer) apiQs.set('buyerId', String(buyer.id));
    const api = apiQs.toString() ? `?${apiQs.toString()}` : '';
    const first = (result.page - 1) * result.pageSize;
    results = {
      total: result.total,
      heading: `${count(result.total, 'group')} of buyers with decisions due by ${dayText(result.windowEnd)}`,
      asOf: dayText(result.asOf),
      showing:
        result.groups.length > 0
          ? `Showing ${formatNumber(first + 1)} to ${formatNumber(first + result.groups.length)} of ${count(result.total, 'group')}`
          : undefined,
      groups: result.groups.map((g, i) => groupView(g, first + i + 1, buyer?.id)),
      pagination: pagination({
        total: result.total,
        page: result.page,
        pageSize: result.pageSize,
        href: (n) => `${base}${collaborationQueryString(form, { page: n })}`,
        label: 'Collaboration groups pages',
      }),
      csvHref: `/api/collaborate.csv${api}`,
      apiHref: `/api/collaborate${api}`,
      firstPageHref: `${base}${collaborationQueryString(form, {}, ['page'])}`,
    };
  }
  return {
    title: buyer ? `Who could ${buyer.name} buy with?` : 'Collaboration finder',
    heading: buyer ? 'Who could you buy with?' : 'Collaboration finder',
    buyer,
    action: base,
    wide: true,
    errorSummary: errorSummary(problems),
    inputs: {
      windowMonths: input(
        'windowMonths',
        'Decisions due within (months)',
        'From the as-of day; 1 to 60. Default 12',
        {
          inputmode: 'numeric',
          classes: 'govuk-input--width-3',
        },
      ),
      cpv: input('cpv', 'CPV code', 'A division, group, class or code, like 85 or 85311000', {
        inputmode: 'numeric',
        classes: 'govuk-input--width-10',
      }),
      region: input(
        'region',
        'Region',
        'An ITL or NUTS code, like TLE or UKH; groups with a contract there',
        {
          classes: 'govuk-input--width-5',
        },
      ),
      minBuyers: input('minBuyers', 'Minimum buyers', '2 to 50. Default 2', {
        inputmode: 'numeric',
        classes: 'govuk-input--width-3',
      }),
    },
    level: {
      name: 'level',
      idPrefix: 'level',
      fieldset: { legend: { text: 'Match contracts by', classes: 'govuk-fieldset__legend--s' } },
      errorMessage: errorFor(problems, 'level'),
      classes: 'govuk-radios--small',
      items: [
        { value: 'group', text: 'CPV group (3 digits)', hint: { text: 'Like 853, social work services' } },
        {
          value: 'class',
          text: 'CPV class (4 digits)',
          hint: { text: 'Like 8531, social work services with accommodation' },
        },
      ].map((i) => ({ ...i, checked: (form.level || 'group') === i.value })),
    },
    sort: {
      id: 'sort',
      name: 'sort',
      label: { text: 'Sort by', classes: 'govuk-label--s' },
      errorMessage: errorFor(problems, 'sort'),
      items: [
        { value: 'value', text: 'Combined value' },
        { value: 'buyers', text: 'Number of buyers' },
        { value: 'contracts', text: 'Number of contracts' },
        { value: 'decision', text: 'Soonest decision' },
      ].map((i) => ({ ...i, selected: (result?.sort ?? (form.sort || 'value')) === i.value })),
    },
    asOf: asOfDateInput(form, problems),
    pageSize: pageSizeSelect('Groups per page', COLLABORATION_PAGE_SIZES, pageSize, problems),
    clearHref: base,
    results,
  };
}
