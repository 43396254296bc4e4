// Saved searches and alerts → parameters for govuk-frontend macros: the list of a user's searches, one search with
// its alerts and its forms (rename, feed, delete, mark seen), the alert list across searches, and the save form.
import type { SavedSearch, SavedSearchAlert, SavedSearchAlerts } from '../../../services/index.js';
import { count, formatAmount, NOT_KNOWN } from '../../format.js';
import { html, link } from '../../html.js';
import { dayCell } from '../horizon/view-model.js';
import { pagination } from '../shared/table-nav.js';

const REASON_TEXT: Record<SavedSearchAlert['reasons'][number], string> = {
  'new-data': 'New or changed',
  'came-into-window': 'Came into the window',
  'became-overdue': 'Decision now overdue',
};

export const searchHref = (s: SavedSearch) => `/saved-searches/${s.id}`;
export const feedPath = (s: SavedSearch) => `/saved-searches/feed/${s.feedToken}`;

/** The saved filters in words (the same words as the horizon page's filter list). */
export function describeQuery(s: SavedSearch): string {
  const q = s.query;
  const parts = [`ending within ${q.months} months`];
  if (q.basis === 'end') parts.push('end date only');
  if (q.basis === 'max-extent') parts.push('latest possible end');
  if (q.buyerId !== undefined) parts.push(`buyer ${q.buyerId}`);
  if (q.supplierId !== undefined) parts.push(`supplier ${q.supplierId}`);
  if (q.cpv !== undefined) parts.push(`CPV ${q.cpv}`);
  if (q.region !== undefined) parts.push(`region ${q.region}`);
  if (q.minValue !== undefined) parts.push(`at least ${formatAmount(String(q.minValue), 'GBP')}`);
  if (q.mission !== undefined) parts.push(`mission ${q.mission}`);
  return parts.join(', ');
}

export function listViewModel(searches: SavedSearch[], limit: number, savedId?: number) {
  const saved = searches.find((s) => s.id === savedId);
  return {
    title: 'Saved searches',
    limit,
    saved,
    table:
      searches.length === 0
        ? null
        : {
            caption: `Your saved horizon searches (${searches.length} of ${limit})`,
            captionClasses: 'govuk-table__caption--m',
            head: [
              { text: 'Name' },
              { text: 'Filters' },
              { text: 'New since you looked', format: 'numeric' },
            ],
            rows: searches.map((s) => [
              { html: link(searchHref(s), s.name).toString() },
              { text: describeQuery(s) },
              { text: String(s.alerts), format: 'numeric' },
            ]),
          },
  };
}

function alertRows(items: SavedSearchAlert[]) {
  return items.map((i) => [
    {
      html: (i.ocid !== null
        ? link(`/contracts/${encodeURIComponent(i.ocid)}`, i.title ?? i.ocid)
        : html`${i.title ?? NOT_KNOWN} (contract register)`
      ).toString(),
    },
    { text: i.buyer?.name ?? NOT_KNOWN },
    { html: dayCell(i.horizonDay).toString() },
    { html: dayCell(i.decisionDueBy).toString() },
    { text: i.valueGbp === null ? NOT_KNOWN : formatAmount(i.valueGbp, 'GBP'), format: 'numeric' },
    { text: i.reasons.map((r) => REASON_TEXT[r]).join('; ') },
  ]);
}

const ALERT_HEAD = [
  { text: 'Contract' },
  { text: 'Buyer' },
  { text: 'Ends' },
  { text: 'Decision due by' },
  { text: 'Value', format: 'numeric' },
  { text: 'Why it is here' },
];

export function searchViewModel(
  a: SavedSearchAlerts,
  base: string,
  form: { name?: string; error?: string } = {},
) {
  const s = a.search;
  return {
    title: s.name,
    search: s,
    filters: describeQuery(s),
    openHref: `/horizon?${s.queryString}`,
    csvHref: `/horizon.csv?${s.queryString}`,
    feedUrl: `${base}${feedPath(s)}`,
    seenText: `You last marked it seen on ${a.search.seenDay}`,
    summary:
      a.total === 0
        ? 'Nothing new since you last looked.'
        : `${count(a.total, 'contract')} new since you last looked (as of ${a.asOf}).`,
    alerts:
      a.items.length === 0
        ? null
        : {
            caption: 'New since you last looked',
            captionClasses: 'govuk-table__caption--m',
            head: ALERT_HEAD,
            rows: alertRows(a.items),
          },
    pagination: pagination({
      total: a.total,
      page: a.page,
      pageSize: a.pageSize,
      href: (p: number) => `${searchHref(s)}?page=${p}`,
      label: 'Alert pages',
    }),
    rename: {
      label: { text: 'Name', classes: 'govuk-label--s' },
      id: 'name',
      name: 'name',
      value: form.name ?? s.name,
      spellcheck: false,
      ...(form.error ? { errorMessage: { text: form.error } } : {}),
    },
    errorSummary: form.error ? [{ text: form.error, href: '#name' }] : undefined,
  };
}

export function alertsViewModel(hasSearches: boolean, groups: SavedSearchAlerts[]) {
  const total = groups.reduce((n, g) => n + g.total, 0);
  return {
    title: 'Alerts',
    total,
    hasSearches,
    groups: groups
      .filter((g) => g.total > 0)
      .map((g) => ({
        search: g.search,
        href: searchHref(g.search),
        more: g.total > g.items.length ? g.total - g.items.length : 0,
        table: {
          caption: `${g.search.name}: ${count(g.total, 'contract')} new`,
          captionClasses: 'govuk-table__caption--m',
          head: ALERT_HEAD,
          rows: alertRows(g.items),
        },
      })),
  };
}

export function saveFormViewModel(query: string, name: string, error: string) {
  return {
    title: 'Save this search',
    query,
    backHref: `/horizon${query ? `?${query}` : ''}`,
    name: {
      label: { text: 'Name for this search', classes: 'govuk-label--m', isPageHeading: false },
      id: 'name',
      name: 'name',
      value: name,
      spellcheck: false,
      errorMessage: { text: error },
    },
    errorSummary: [{ text: error, href: '#name' }],
  };
}
