// One organisation's data-quality scorecard page → macro parameters: the score, the accountable officer (or how to
// record one), the breakdown by check with links to the records behind each count, the quarterly trend as a chart
// with its data table, and the peer comparison.
import type { Scorecard } from '../../../services/index.js';
import { formatDateTime, formatNumber } from '../../format.js';
import { html, link } from '../../html.js';
import { lineChart } from '../../charts/line-chart.js';
import { queryString } from '../shared/table-nav.js';
import {
  buyerTypeText,
  formatDay,
  qualityHref,
  rateText,
  scoreText,
  SEVERITY_TEXT,
  qualityBreadcrumbs,
  COUNT_HEADS,
} from './common.js';

type CheckRow = Scorecard['checks'][number];

const num = (n: number) => ({ text: formatNumber(n), format: 'numeric' });

/** A count that links to the records behind it (none: plain zero). */
function countLink(n: number, href: string, what: string) {
  if (n === 0) return num(0);
  return {
    html: html`<a class="govuk-link" href="${href}"
      >${formatNumber(n)}<span class="govuk-visually-hidden"> ${what}</span></a
    >`.toString(),
    format: 'numeric',
  };
}

function checkRow(s: Scorecard, c: CheckRow) {
  const href = qualityHref.check(s.organisation.id, c.checkId);
  return [
    { html: link(href, c.title).toString() },
    { text: `${SEVERITY_TEXT[c.severity] ?? c.severity} (${c.weight})` },
    num(c.passed),
    countLink(c.failed, href, `records failing ${c.title}`),
    countLink(
      c.notComputable,
      `${href}${queryString({ status: 'not-computable' })}`,
      `records ${c.title} could not judge`,
    ),
    { text: rateText(c.passRate), format: 'numeric' },
  ];
}

function officer(s: Scorecard) {
  const o = s.officer;
  if (o === null) return undefined;
  return {
    classes: 'govuk-summary-list--no-border app-officer',
    rows: [
      { key: { text: 'Name' }, value: { text: o.name } },
      { key: { text: 'Role' }, value: { text: o.role } },
      { key: { text: 'Email' }, value: { html: link(`mailto:${o.email}`, o.email).toString() } },
      { key: { text: 'Phone' }, value: { text: o.phone ?? 'Not recorded' } },
      {
        key: { text: 'Recorded' },
        value: { text: `${formatDateTime(new Date(o.updatedAt))} by ${o.updatedBy}` },
      },
    ],
  };
}

function trend(s: Scorecard) {
  const scored = s.trend.filter((t) => t.score !== null);
  const words =
    scored.length === 0
      ? 'No quarter end has a score.'
      : `From ${scoreText(scored[0]!.score)} at the end of ${scored[0]!.quarter} to ${scoreText(
          scored[scored.length - 1]!.score,
        )} at the end of ${scored[scored.length - 1]!.quarter}.`;
  return {
    chart: lineChart({
      id: 'trend-chart',
      title: `Data-quality score of ${s.organisation.name} at the last ${s.trend.length} quarter ends`,
      description: `${words} The table after the chart gives every value.`,
      points: s.trend.map((t) => ({ label: t.quarter, value: t.score })),
      yMin: 0,
      yMax: 100,
      yLabel: 'Score',
    }).toString(),
    table: {
      caption: 'Score at each quarter end',
      captionClasses: 'govuk-table__caption--s',
      head: [{ text: 'Quarter' }, { text: 'As of' }, { text: 'Score', format: 'numeric' }],
      rows: s.trend.map((t) => [
        { text: t.quarter },
        { text: formatDay(t.asOf) },
        { text: scoreText(t.score), format: 'numeric' },
      ]),
    },
  };
}

function peers(s: Scorecard) {
  const p = s.peers;
  if (p.buyerType === null) return undefined;
  const groupHref = `${qualityHref.league}${queryString({ buyerType: p.buyerType })}`;
  return {
    rows: [
      {
        key: { text: 'Buyer type' },
        value: { html: link(groupHref, buyerTypeText(p.buyerType)).toString() },
      },
      { key: { text: 'Other buyers of this type with a score' }, value: { text: formatNumber(p.peers) } },
      {
        key: { text: 'Their median score' },
        value: { text: p.median === null ? 'No peers' : String(p.median) },
      },
      {
        key: { html: link(qualityHref.method('peers'), 'Percentile among them').toString() },
        value: { text: p.percentile === null ? 'Not known' : String(p.percentile) },
      },
    ],
  };
}

export function scorecardViewModel(s: Scorecard) {
  const id = s.organisation.id;
  const judged = s.checks.filter((c) => c.applicable + c.notComputable > 0);
  const idle = s.checks.filter((c) => c.applicable + c.notComputable === 0);
  return {
    title: `Data quality: ${s.organisation.name}`,
    organisation: s.organisation,
    wide: true,
    breadcrumbs: qualityBreadcrumbs(),
    asOf: formatDay(s.asOf),
    score: scoreText(s.score),
    scored: s.score !== null,
    figures: [
      { value: formatNumber(s.checksScored), label: 'checks scored', href: qualityHref.method('score') },
      { value: formatNumber(s.failures), label: 'failures', href: qualityHref.method('failures') },
      {
        value: formatNumber(s.notComputable),
        label: 'not computable',
        href: qualityHref.method('not-computable'),
      },
    ],
    methodHref: qualityHref.method('score'),
    officer: officer(s),
    officerCommand: `missionbuy officer set --org ${id} --name "…" --role "…" --email …`,
    breakdown:
      judged.length > 0
        ? {
            caption: 'Checks that applied',
            captionClasses: 'govuk-visually-hidden',
            head: [{ text: 'Check' }, { text: 'Severity (weight)' }, ...COUNT_HEADS],
            rows: judged.map((c) => checkRow(s, c)),
          }
        : undefined,
    idle: idle.map((c) => ({ title: c.title, href: qualityHref.check(id, c.checkId) })),
    trend: trend(s),
    peers: peers(s),
    contractsHref: `/contracts${queryString({ buyerId: id })}`,
    jsonHref: `${qualityHref.api.scorecard(id)}${queryString({ asOf: s.asOf })}`,
  };
}
