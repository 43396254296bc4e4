// The buyer KPI page (overdue list + distribution) and the national distribution page (per buyer, CPV division and
// mission): docs/kpis.md. Lists that grow are paginated; every chart has its table beside it.
import type { BuyerKpis, KpiWithStatus, NationalKpis } from '../../../services/index.js';
import { formatNumber } from '../../format.js';
import { link } from '../../html.js';
import { pagination } from '../shared/table-nav.js';
import { distributionFigure, distributionTable, performanceHref, sourceText, statusText } from './shared.js';

export const KPI_PAGE_SIZE = 50;

const pageOf = <T>(rows: readonly T[], page: number) =>
  rows.slice((page - 1) * KPI_PAGE_SIZE, page * KPI_PAGE_SIZE);

function overdueTable(rows: readonly KpiWithStatus[]) {
  if (rows.length === 0) return undefined;
  return {
    caption: 'Overdue KPIs',
    captionClasses: 'govuk-visually-hidden',
    head: [
      { text: 'Contract' },
      { text: 'KPI' },
      { text: 'Source' },
      { text: 'Last rated' },
      { text: 'Why overdue' },
    ],
    rows: rows.map((k) => [
      { html: link(performanceHref(k.ocid), k.contractTitle ?? k.ocid).toString() },
      { text: k.title },
      { text: sourceText(k) },
      { text: k.status.lastRated ?? 'Never' },
      { text: statusText(k).replace(/^Overdue: /, '') },
    ]),
  };
}

export function buyerKpisViewModel(b: BuyerKpis, page: number) {
  const base = `/organisations/${b.buyer.id}/kpis`;
  return {
    title: `KPIs and ratings – ${b.buyer.name}`,
    breadcrumbs: { items: [{ text: 'KPIs and ratings', href: '/kpis' }, { text: b.buyer.name }] },
    buyer: b.buyer,
    asOf: b.asOf,
    kpis: formatNumber(b.kpis),
    overdueCount: formatNumber(b.overdue.length),
    overdue: overdueTable(pageOf(b.overdue, page)),
    pagination: pagination({
      total: b.overdue.length,
      page,
      pageSize: KPI_PAGE_SIZE,
      href: (n) => `${base}?page=${n}#overdue`,
      label: 'Overdue KPIs pages',
    }),
    figure: distributionFigure('kpi-buyer', b.total, `of ${b.buyer.name}’s KPIs`),
    byCategory: distributionTable('Ratings by category (CPV division)', 'CPV division', b.byCategory),
    csvHref: `${base}.csv`,
    overdueCsvHref: `${base}.csv?overdue=yes`,
    api: `/api/kpis/ratings?buyer=${b.buyer.id}`,
  };
}

export function nationalKpisViewModel(n: NationalKpis, page: number) {
  return {
    title: 'KPIs and ratings',
    asOf: n.asOf,
    kpis: formatNumber(n.kpis),
    overdue: formatNumber(n.overdue),
    figure: distributionFigure('kpi-national', n.total, 'of every buyer’s KPIs'),
    byBuyer: distributionTable('Ratings by buyer', 'Buyer', pageOf(n.byBuyer, page), (r) =>
      r.key === 'none' ? null : `/organisations/${r.key}/kpis`,
    ),
    pagination: pagination({
      total: n.byBuyer.length,
      page,
      pageSize: KPI_PAGE_SIZE,
      href: (p) => `/kpis?page=${p}#buyers`,
      label: 'Buyers pages',
    }),
    byCategory: distributionTable('Ratings by category (CPV division)', 'CPV division', n.byCategory),
    byMission: distributionTable('Ratings by mission', 'Mission', n.byMission),
    csvHref: '/kpis.csv',
    api: '/api/kpis/distribution',
  };
}
