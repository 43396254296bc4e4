// What the KPI pages share (docs/kpis.md): the rating distribution as a chart with its table, a distribution table
// per group, and a KPI's rating status in words. Text cells only (the macros escape them).
import { emptyCounts, OVERDUE_TEXT, RATING_CODES, ratingLabel } from '../../../domain/kpi-rating.js';
import type { DistributionRow, KpiWithStatus } from '../../../services/index.js';
import { barChart } from '../../charts/bar-chart.js';
import { formatNumber } from '../../format.js';
import { link } from '../../html.js';

const COLUMNS = [...RATING_CODES, 'unknown'] as const;
const columnLabel = (c: (typeof COLUMNS)[number]) => (c === 'unknown' ? 'No code' : ratingLabel(c));

/** One group's ratings as a bar chart (one bar per statutory rating) and the same figures as a table. */
export function distributionFigure(id: string, row: DistributionRow, what: string) {
  const counts = row.counts ?? emptyCounts();
  const bars = COLUMNS.map((c) => ({ label: columnLabel(c), value: counts[c] }));
  return {
    chart: barChart({
      id,
      title: `Ratings ${what}`,
      description:
        row.total === 0
          ? `No KPI ratings ${what}.`
          : `${formatNumber(row.total)} rating(s) of ${formatNumber(row.kpis)} KPI(s) ${what}, by statutory rating. The table beside the chart gives the same figures.`,
      bars,
    }).toString(),
    table: {
      caption: `Ratings ${what} (the chart’s figures)`,
      captionClasses: 'govuk-table__caption--s',
      head: [{ text: 'Rating' }, { text: 'Code' }, { text: 'Ratings', format: 'numeric' }],
      rows: COLUMNS.map((c) => [
        { text: columnLabel(c) },
        { text: c === 'unknown' ? '–' : c },
        { text: formatNumber(counts[c]), format: 'numeric' },
      ]),
    },
  };
}

/** Groups (buyers, CPV divisions, missions) by rating: one row each, with links when `href` gives one. */
export function distributionTable(
  caption: string,
  groupHead: string,
  rows: readonly DistributionRow[],
  hrefOf: (r: DistributionRow) => string | null = () => null,
) {
  if (rows.length === 0) return undefined;
  return {
    caption,
    captionClasses: 'govuk-table__caption--m',
    head: [
      { text: groupHead },
      { text: 'KPIs', format: 'numeric' },
      ...COLUMNS.map((c) => ({ text: columnLabel(c), format: 'numeric' })),
      { text: 'All ratings', format: 'numeric' },
    ],
    rows: rows.map((r) => [
      hrefOf(r) === null ? { text: r.label } : { html: link(hrefOf(r)!, r.label).toString() },
      { text: formatNumber(r.kpis), format: 'numeric' },
      ...COLUMNS.map((c) => ({ text: formatNumber(r.counts[c]), format: 'numeric' })),
      { text: formatNumber(r.total), format: 'numeric' },
    ]),
  };
}

/** A KPI's status in words: overdue reasons, else when the next rating is due. */
export function statusText(k: KpiWithStatus): string {
  if (k.status.overdue.length > 0)
    return `Overdue: ${k.status.overdue.map((o) => OVERDUE_TEXT[o]).join('; ')}`;
  if (k.status.notComputable) return 'Not computable: no contract dates and no rating';
  if (k.status.nextDue !== null) return `Next rating due by ${k.status.nextDue}`;
  if (k.status.finalDue !== null)
    return k.status.finalRated ? 'Final rating recorded' : `Final rating due by ${k.status.finalDue}`;
  return 'Up to date';
}

export const sourceText = (k: KpiWithStatus): string =>
  k.source === 'data' ? `Published data (${k.stages.join(', ')})` : 'Entered by the buyer';

export const contractHref = (ocid: string): string => `/contracts/${encodeURIComponent(ocid)}`;
export const performanceHref = (ocid: string): string => `${contractHref(ocid)}/performance`;
