// The publisher's opportunity pages → govuk-frontend macro parameters: an organisation's list (drafts included)
// and the interest suppliers registered, which only its editors see.
import type { Mission } from '../../../domain/missions/standard.js';
import type {
  InterestRecord,
  OpportunityRecord,
} from '../../../services/opportunities/opportunities.service.js';
import { formatDateTime, yesNo } from '../../format.js';
import { html } from '../../html.js';
import { pagination } from '../shared/table-nav.js';
import { HEAD, rowsOf, interestHref, opportunityHref, organisationOpportunitiesHref } from './view-model.js';

export function organisationViewModel(
  v: {
    organisation: { id: number; name: string };
    items: OpportunityRecord[];
    total: number;
    page: number;
    pageSize: number;
    mayPublish: boolean;
    mayReadInterest: boolean;
  },
  missions: readonly Mission[],
) {
  const base = organisationOpportunitiesHref(v.organisation.id);
  const rows = rowsOf(v.items, missions, false).map((r, i) => {
    const o = v.items[i]!;
    return v.mayReadInterest
      ? [
          ...r,
          {
            html: html`<a class="govuk-link" href="${interestHref(o)}"
              >${o.interestCount}<span class="govuk-visually-hidden">
                registrations of interest in ${o.title}</span
              ></a
            >`,
            format: 'numeric',
          },
        ]
      : r;
  });
  return {
    title: `${v.organisation.name}: opportunities`,
    caption: v.organisation.name,
    breadcrumbs: {
      items: [{ text: 'Opportunities', href: '/opportunities' }, { text: v.organisation.name }],
    },
    newHref: v.mayPublish ? `${base}/new` : undefined,
    table:
      rows.length > 0
        ? {
            caption: 'Opportunities',
            captionClasses: 'govuk-visually-hidden',
            head: [...HEAD(false), ...(v.mayReadInterest ? [{ text: 'Interest', format: 'numeric' }] : [])],
            rows,
          }
        : undefined,
    pagination: pagination({
      total: v.total,
      page: v.page,
      pageSize: v.pageSize,
      href: (p) => `${base}?page=${p}`,
      label: 'Opportunities pages',
    }),
  };
}

export function interestViewModel(o: OpportunityRecord, items: readonly InterestRecord[]) {
  return {
    title: `Interest in ${o.title}`,
    caption: o.organisationName,
    breadcrumbs: {
      items: [
        { text: 'Opportunities', href: organisationOpportunitiesHref(o.organisationId) },
        { text: o.title, href: opportunityHref(o.id) },
        { text: 'Interest' },
      ],
    },
    csvHref: `${interestHref(o)}.csv`,
    count: items.length,
    table:
      items.length > 0
        ? {
            caption: 'Registrations of interest, oldest first',
            captionClasses: 'govuk-table__caption--m',
            head: [
              { text: 'Registered' },
              { text: 'Name and organisation' },
              { text: 'Email' },
              { text: 'Companies House / PPON' },
              { text: 'SME' },
              { text: 'VCSE' },
              { text: 'Message' },
            ],
            rows: items.map((i) => [
              { text: formatDateTime(i.createdAt) },
              { html: html`${i.name}<br />${i.supplierOrganisation}` },
              { html: html`<a class="govuk-link" href="mailto:${i.email}">${i.email}</a>` },
              { text: [i.companiesHouse, i.ppon].filter(Boolean).join(' / ') || 'None given' },
              { text: yesNo(i.sme) },
              { text: yesNo(i.vcse) },
              { text: i.message ?? '' },
            ]),
          }
        : undefined,
  };
}
