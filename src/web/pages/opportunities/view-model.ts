// Opportunity pages → govuk-frontend macro parameters: the public list (filters, sort, pagination), one
// opportunity with the supplier's interest form (the publisher's pages: publisher-view-model.ts).
import { longDay } from '../../../domain/dates.js';
import { OPPORTUNITY_STATUS_LABELS, type OpportunityStatus } from '../../../domain/opportunity.js';
import type { Mission, Outcome } from '../../../domain/missions/standard.js';
import {
  INTEREST_INPUT_FIELDS,
  type InterestInputField,
} from '../../../services/opportunities/interest-input.js';
import type { OpportunityRecord } from '../../../services/opportunities/opportunities.service.js';
import { formatAmount, formatDateTime } from '../../format.js';
import { html } from '../../html.js';
import { problemErrors, errorsByField } from '../shared/form-fields.js';
import { pagination, queryString, showing } from '../shared/table-nav.js';

export const opportunityHref = (id: number) => `/opportunities/${id}`;
export const organisationOpportunitiesHref = (orgId: number) => `/organisations/${orgId}/opportunities`;
export const interestHref = (o: { id: number; organisationId: number }) =>
  `${organisationOpportunitiesHref(o.organisationId)}/${o.id}/interest`;

const TAG: Record<OpportunityStatus, string> = {
  draft: 'govuk-tag--grey',
  published: 'govuk-tag--green',
  closed: 'govuk-tag--blue',
};
export const statusTag = (s: OpportunityStatus) => ({ text: OPPORTUNITY_STATUS_LABELS[s], classes: TAG[s] });

export function budgetText(o: Pick<OpportunityRecord, 'budgetMin' | 'budgetMax'>): string {
  const f = (v: string) => formatAmount(v, 'GBP');
  if (o.budgetMin && o.budgetMax)
    return o.budgetMin === o.budgetMax ? f(o.budgetMin) : `${f(o.budgetMin)} to ${f(o.budgetMax)}`;
  if (o.budgetMax) return `Up to ${f(o.budgetMax)}`;
  if (o.budgetMin) return `From ${f(o.budgetMin)}`;
  return 'Not stated';
}

export function windowText(o: Pick<OpportunityRecord, 'windowStart' | 'windowEnd'>): string {
  if (o.windowStart && o.windowEnd) return `${longDay(o.windowStart)} to ${longDay(o.windowEnd)}`;
  if (o.windowStart) return `From ${longDay(o.windowStart)}`;
  if (o.windowEnd) return `By ${longDay(o.windowEnd)}`;
  return 'Not stated';
}

const names = (ids: readonly string[], all: readonly { id: string; name: string }[]) =>
  ids.map((id) => all.find((m) => m.id === id)?.name ?? id);

export function rowsOf(items: readonly OpportunityRecord[], missions: readonly Mission[], withOrg: boolean) {
  return items.map((o) => [
    { html: html`<a class="govuk-link" href="${opportunityHref(o.id)}">${o.title}</a>` },
    ...(withOrg ? [{ text: o.organisationName }] : []),
    { text: names(o.missionIds, missions).join(', ') },
    { text: o.region ?? 'Any' },
    { text: windowText(o) },
    { text: budgetText(o) },
    {
      html: html`<strong class="govuk-tag ${TAG[o.status]}">${OPPORTUNITY_STATUS_LABELS[o.status]}</strong>`,
    },
  ]);
}

export const HEAD = (withOrg: boolean) => [
  { text: 'Opportunity' },
  ...(withOrg ? [{ text: 'Publisher' }] : []),
  { text: 'Missions' },
  { text: 'Region' },
  { text: 'Expected timing' },
  { text: 'Budget' },
  { text: 'Status' },
];

export interface ListInput {
  items: OpportunityRecord[];
  total: number;
  page: number;
  pageSize: number;
  values: { mission: string; region: string; status: string; sort: string };
  missions: readonly Mission[];
  error?: string;
}

const SORTS = [
  ['published', 'Newest first'],
  ['window', 'Expected start, soonest first'],
  ['budget', 'Largest budget first'],
  ['title', 'Title, A to Z'],
] as const;

export function listViewModel(v: ListInput) {
  const params = {
    mission: v.values.mission,
    region: v.values.region,
    status: v.values.status,
    sort: v.values.sort,
  };
  const labels = {
    mission: 'Mission',
    region: 'Region',
    status: 'Status',
    sort: 'Sort',
    page: 'Page',
    pageSize: 'Page size',
  };
  const errors = problemErrors<keyof typeof labels>(v.error, labels, (f) => `#${f}`, 'mission');
  const byField = errorsByField(errors);
  const opt = (value: string, text: string, current: string) => ({
    value,
    text,
    selected: value === current,
  });
  return {
    title: 'Mission market opportunities',
    errorSummary: errors.length > 0 ? errors : undefined,
    filters: {
      mission: {
        id: 'mission',
        name: 'mission',
        label: { text: 'Mission' },
        errorMessage: byField.get('mission'),
        items: [
          opt('', 'Any mission', v.values.mission),
          ...v.missions.map((m) => opt(m.id, m.name, v.values.mission)),
        ],
      },
      region: {
        id: 'region',
        name: 'region',
        label: { text: 'Region' },
        hint: { text: 'ITL code, for example UKF' },
        classes: 'govuk-input--width-5',
        value: v.values.region,
        errorMessage: byField.get('region'),
      },
      status: {
        id: 'status',
        name: 'status',
        label: { text: 'Status' },
        errorMessage: byField.get('status'),
        items: [
          opt('', 'Open or closed', v.values.status),
          opt('published', 'Open for interest', v.values.status),
          opt('closed', 'Closed', v.values.status),
        ],
      },
      sort: {
        id: 'sort',
        name: 'sort',
        label: { text: 'Sort by' },
        errorMessage: byField.get('sort'),
        items: SORTS.map(([value, text]) => opt(value, text, v.values.sort)),
      },
    },
    table:
      v.items.length > 0
        ? {
            caption: 'Opportunities',
            captionClasses: 'govuk-visually-hidden',
            head: HEAD(true),
            rows: rowsOf(v.items, v.missions, true),
          }
        : undefined,
    showing: showing(v.total, v.page, v.pageSize, v.items.length, 'opportunities'),
    pagination: pagination({
      total: v.total,
      page: v.page,
      pageSize: v.pageSize,
      href: (p) => `/opportunities${queryString({ ...params, page: p })}`,
      label: 'Opportunities pages',
    }),
    feedHref: `/opportunities/feed${queryString({ mission: v.values.mission })}`,
    feedText: v.values.mission
      ? `Atom feed of this mission’s opportunities`
      : 'Atom feed of all opportunities',
  };
}

export const INTEREST_LABELS: Record<InterestInputField, string> = {
  name: 'Your name',
  supplierOrganisation: 'Organisation',
  email: 'Email address',
  companiesHouse: 'Companies House number',
  ppon: 'PPON',
  sme: 'SME',
  vcse: 'VCSE',
  message: 'Message',
};

export interface DetailInput {
  opportunity: OpportunityRecord;
  missions: readonly Mission[];
  outcomes: readonly Outcome[];
  formToken: string | null;
  values?: Record<string, string>;
  error?: string;
  mayPublish: boolean;
  mayReadInterest: boolean;
}

export function detailViewModel(d: DetailInput) {
  const o = d.opportunity;
  const v = d.values ?? {};
  const labels = { ...INTEREST_LABELS, form: 'Form' };
  const errors = problemErrors(
    d.error,
    labels,
    (f) => (f === 'form' ? '#interest-form' : f === 'sme' || f === 'vcse' ? '#flags' : `#${f}`),
    'form',
  ).map((e) => (e.href === '#interest-form' ? { ...e, text: e.text.replace(/^Form /, '') } : e));
  const byField = errorsByField(errors);
  const field = (f: InterestInputField, extra: object = {}, optional = false) => ({
    id: f,
    name: f,
    label: { text: `${INTEREST_LABELS[f]}${optional ? ' (optional)' : ''}`, classes: 'govuk-label--s' },
    value: v[f] ?? '',
    errorMessage: byField.get(f),
    ...extra,
  });
  const row = (key: string, value: string | ReturnType<typeof html>) => ({
    key: { text: key },
    value: typeof value === 'string' ? { text: value } : { html: value },
  });
  return {
    title: o.title,
    caption: o.organisationName,
    breadcrumbs: { items: [{ text: 'Opportunities', href: '/opportunities' }, { text: o.title }] },
    status: statusTag(o.status),
    problem: o.problem,
    outcomesSought: o.outcomesSought,
    errorSummary: errors.length > 0 ? errors : undefined,
    formError: byField.get('form'),
    summary: {
      rows: [
        row(
          'Published by',
          html`<a class="govuk-link" href="${organisationOpportunitiesHref(o.organisationId)}"
            >${o.organisationName}</a
          >`,
        ),
        row('Missions', names(o.missionIds, d.missions).join(', ')),
        row(
          'Outcomes',
          o.outcomeIds.length === 0
            ? 'None named'
            : html`<ul class="govuk-list">
                ${o.outcomeIds.map((id) => html`<li>${d.outcomes.find((x) => x.id === id)?.name ?? id} <span class="govuk-hint">(${id})</span></li>`)}
              </ul>`,
        ),
        row('Expected timing', windowText(o)),
        row('Budget', budgetText(o)),
        row('CPV code', o.cpvCode ?? 'Not stated'),
        row('Region', o.region ?? 'Any'),
        row(
          'Contact',
          html`${o.contactName}, <a class="govuk-link" href="mailto:${o.contactEmail}">${o.contactEmail}</a>`,
        ),
        row('First published', o.publishedAt ? formatDateTime(o.publishedAt) : 'Not yet'),
        ...(o.closedAt ? [row('Closed', formatDateTime(o.closedAt))] : []),
      ],
    },
    open: o.status === 'published' && d.formToken !== null,
    action: `${opportunityHref(o.id)}/interest`,
    formToken: d.formToken,
    editHref: d.mayPublish ? `${organisationOpportunitiesHref(o.organisationId)}/${o.id}/edit` : undefined,
    interestHref: d.mayReadInterest ? interestHref(o) : undefined,
    interestCount: o.interestCount,
    fields: {
      name: field('name', { autocomplete: 'name', spellcheck: false }),
      supplierOrganisation: field('supplierOrganisation', { autocomplete: 'organization' }),
      email: field('email', { type: 'email', autocomplete: 'email', spellcheck: false }),
      companiesHouse: field(
        'companiesHouse',
        {
          classes: 'govuk-input--width-10',
          spellcheck: false,
          hint: { text: 'For example 09121572 or SC123456' },
        },
        true,
      ),
      ppon: field(
        'ppon',
        {
          classes: 'govuk-input--width-10',
          spellcheck: false,
          hint: { text: 'Public Procurement Organisation Number, for example PJJX-1133-JRGV' },
        },
        true,
      ),
      flags: {
        idPrefix: 'flags',
        name: 'flags',
        fieldset: {
          legend: { text: 'About your organisation (optional)', classes: 'govuk-fieldset__legend--s' },
        },
        items: [
          {
            name: 'sme',
            id: 'sme',
            value: 'true',
            text: 'A small or medium-sized enterprise (SME): fewer than 250 staff',
            checked: v.sme === 'true',
          },
          {
            name: 'vcse',
            id: 'vcse',
            value: 'true',
            text: 'A voluntary, community or social enterprise (VCSE)',
            checked: v.vcse === 'true',
          },
        ],
      },
      message: {
        ...field('message', { hint: { text: 'What you could offer, in at most 2,000 characters' } }, true),
        maxlength: 2000,
      },
    },
  };
}

/** Form body → the strings the interest form shows again after a problem (the honeypot and token are not kept). */
export function interestValues(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    INTEREST_INPUT_FIELDS.map((f) => [f, typeof body[f] === 'string' ? (body[f] as string) : '']),
  );
}
