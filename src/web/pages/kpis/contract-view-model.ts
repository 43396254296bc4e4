// A contract's performance page (docs/kpis.md): every KPI, from the published data (UK7, UK9) and entered by the
// buyer, side by side, each with its source, schedule, status and a timeline of its ratings.
import { bands, RATINGS } from '../../../domain/kpi-library.js';
import { ratingLabel } from '../../../domain/kpi-rating.js';
import type { ContractPerformance, KpiWithStatus } from '../../../services/index.js';
import { html, link } from '../../html.js';
import { contractHref, performanceHref, sourceText, statusText } from './shared.js';

const measured = (v: number | null, unit: string): string =>
  v === null ? '' : `${v}${unit ? ` ${unit}` : ''}`;

function timeline(k: KpiWithStatus) {
  if (k.ratings.length === 0) return undefined;
  // A measured value column when the KPI has a measure or any rating records a value.
  const values = k.measure !== null || k.ratings.some((r) => r.measuredValue !== null);
  const unit = k.measure?.unit ?? '';
  return {
    caption: `Ratings of “${k.title}”, oldest first`,
    captionClasses: 'govuk-visually-hidden',
    head: [
      { text: 'Period' },
      ...(values ? [{ text: 'Measured value' }] : []),
      { text: 'Rating' },
      { text: k.source === 'data' ? 'Measure' : 'Comment' },
      { text: 'Evidence' },
      { text: 'Recorded' },
    ],
    rows: k.ratings.map((r) => [
      { text: `${r.periodStart ?? 'Not known'} to ${r.periodEnd ?? 'not known'}` },
      ...(values ? [{ text: measured(r.measuredValue, unit) || '–' }] : []),
      { text: r.rating === null ? 'No code published' : `${ratingLabel(r.rating)} (${r.rating})` },
      { text: r.comment ?? '' },
      r.evidenceUrl
        ? {
            html: link(
              r.evidenceUrl,
              'Evidence',
              html`<span class="govuk-visually-hidden">
                for the period to ${r.periodEnd ?? 'not known'}</span
              >`,
            ).toString(),
          }
        : { text: '' },
      { text: r.ratedBy ? `${r.ratedOn} by ${r.ratedBy}` : 'Published notice' },
    ]),
  };
}

/** The four bands a measured value is rated by, as a list (text escaped by `html`). */
const thresholdsHtml = (m: NonNullable<KpiWithStatus['measure']>): string => {
  const b = bands(m);
  return html`<ul class="govuk-list">
    ${RATINGS.map((r) => html`<li>${r.label}: ${b[r.code]}</li>`)}
  </ul>`.toString();
};

export function performanceViewModel(p: ContractPerformance, mayEdit: boolean) {
  const name = p.title ?? p.ocid;
  return {
    title: `Performance – ${name}`,
    breadcrumbs: {
      items: [
        { text: 'Contracts', href: '/contracts' },
        { text: name, href: contractHref(p.ocid) },
        { text: 'Performance' },
      ],
    },
    caption: name,
    asOf: p.asOf,
    buyer: p.buyer,
    buyerHref: p.buyer ? `/organisations/${p.buyer.id}/kpis` : null,
    addHref: mayEdit ? `${performanceHref(p.ocid)}/kpis/new` : null,
    api: `/api/contracts/${encodeURIComponent(p.ocid)}/performance`,
    kpis: p.kpis.map((k) => ({
      id: k.key.replace(/[^A-Za-z0-9-]/g, '-'),
      title: k.title,
      overdue: k.status.overdue.length > 0,
      summary: {
        rows: [
          { key: { text: 'Source' }, value: { text: sourceText(k) } },
          ...(k.description ? [{ key: { text: 'Description' }, value: { text: k.description } }] : []),
          ...(k.target ? [{ key: { text: 'Target' }, value: { text: k.target } }] : []),
          ...(k.measure ? [{ key: { text: 'Rated by' }, value: { html: thresholdsHtml(k.measure) } }] : []),
          ...(k.templateRef
            ? [
                {
                  key: { text: 'KPI library template' },
                  value: {
                    html: link(`/kpi-library/${encodeURIComponent(k.templateRef)}`, k.templateRef).toString(),
                  },
                },
              ]
            : []),
          {
            key: { text: 'Schedule' },
            value: {
              text: `At least every ${k.schedule.intervalMonths} months, and a final rating within ${k.schedule.onTerminationDays} days of the end [?]`,
            },
          },
          { key: { text: 'Status' }, value: { text: statusText(k) } },
        ],
      },
      timeline: timeline(k),
      rateHref: mayEdit && k.kpiId !== null ? `${performanceHref(p.ocid)}/kpis/${k.kpiId}/ratings/new` : null,
    })),
  };
}
