// The data-quality league table page → govuk-frontend macro parameters: sortable table, buyer-type filter,
// pagination, CSV and JSON links, and links from every figure to its definition and its scorecard.
import type { League, LeagueRow } from '../../../services/index.js';
import { formatNumber } from '../../format.js';
import { html, link } from '../../html.js';
import { nextOrder, pagination, queryString, showing, sortHeader, type Order } from '../shared/table-nav.js';
import { buyerTypeText, formatDay, qualityHref, scoreText } from './common.js';

type SortKey = League['sort'];
const LABELS: Record<SortKey, string> = { name: 'Organisation', score: 'Score', failures: 'Failures' };
const PREFERRED: Record<SortKey, Order> = { name: 'asc', score: 'desc', failures: 'asc' };

function row(r: LeagueRow) {
  const card = qualityHref.scorecard(r.id);
  return [
    { text: r.rank === null ? '–' : formatNumber(r.rank), format: 'numeric' },
    { html: link(card, r.name).toString() },
    { text: buyerTypeText(r.buyerType) },
    {
      html: html`<a class="govuk-link" href="${card}"
        >${scoreText(r.score)}<span class="govuk-visually-hidden"> scorecard of ${r.name}</span></a
      >`.toString(),
      format: 'numeric',
    },
    { text: formatNumber(r.failures), format: 'numeric' },
    { text: formatNumber(r.notComputable), format: 'numeric' },
    { text: formatNumber(r.checksScored), format: 'numeric' },
  ];
}

export function leagueViewModel(league: League) {
  const filter = { buyerType: league.buyerType ?? undefined };
  const state = { ...filter, sort: league.sort, order: league.order };
  const header = (key: SortKey, numeric = false) => {
    const current = league.sort === key ? league.order : null;
    const order = nextOrder(current, PREFERRED[key]);
    const href = `${qualityHref.league}${queryString({ ...filter, sort: key, order, pageSize: league.pageSize })}`;
    return sortHeader({ label: LABELS[key], href, current, nextOrder: order, numeric });
  };
  const numericHead = (text: string) => ({ text, format: 'numeric' });
  return {
    title: 'Data-quality league table',
    wide: true,
    asOf: formatDay(league.asOf),
    methodHref: qualityHref.method(),
    definitions: [
      {
        term: 'Score',
        text: '0 to 100: the weighted pass rate of the checks that applied',
        href: qualityHref.method('score'),
      },
      {
        term: 'Rank',
        text: '1 + the buyers scoring higher, among all buyers',
        href: qualityHref.method('rank'),
      },
      {
        term: 'Failures',
        text: 'records failing a check, once per check',
        href: qualityHref.method('failures'),
      },
      {
        term: 'Not computable',
        text: 'records a check could not judge for missing data',
        href: qualityHref.method('not-computable'),
      },
    ],
    filter: {
      id: 'buyerType',
      name: 'buyerType',
      label: { text: 'Buyer type', classes: 'govuk-label--s' },
      items: [
        { value: '', text: 'All buyer types', selected: league.buyerType === null },
        ...league.buyerTypes.map((t) => ({
          value: t.buyerType,
          text: `${buyerTypeText(t.buyerType)} (${formatNumber(t.organisations)})`,
          selected: t.buyerType === league.buyerType,
        })),
      ],
    },
    hidden: { sort: league.sort, order: league.order, pageSize: league.pageSize },
    filtered: league.buyerType !== null,
    clearHref: `${qualityHref.league}${queryString({ sort: league.sort, order: league.order })}`,
    showing: showing(league.total, league.page, league.pageSize, league.items.length, 'organisations'),
    total: league.total,
    table:
      league.items.length > 0
        ? {
            caption: 'Buyers by data-quality score',
            captionClasses: 'govuk-visually-hidden',
            head: [
              numericHead('Rank'),
              header('name'),
              { text: 'Buyer type' },
              header('score', true),
              header('failures', true),
              numericHead('Not computable'),
              numericHead('Checks scored'),
            ],
            rows: league.items.map(row),
          }
        : undefined,
    firstPageHref: `${qualityHref.league}${queryString({ ...state })}`,
    pagination: pagination({
      ...league,
      href: (page) => `${qualityHref.league}${queryString({ ...state, page, pageSize: league.pageSize })}`,
      label: 'League table pages',
    }),
    csvHref: `${qualityHref.api.csv}${queryString({ ...state, asOf: league.asOf })}`,
    jsonHref: `${qualityHref.api.league}${queryString({ ...state, page: league.page, pageSize: league.pageSize })}`,
  };
}
