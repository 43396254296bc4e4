// The mission dashboard's figure tables (docs/mission-dashboard.md): one row per group with award value, awards,
// contracts and the SME / VCSE / local share, each header linking to its definition (/missions/method) and each
// value to the contracts behind it. Shares are yes ÷ known by value; "not known" is shown, never counted as no.
import type { MissionFigures, MissionShare } from '../../../analytics/missions/index.js';
import type { DistributionRow } from '../../../analytics/kpis/index.js';
import { formatAmount, formatNumber } from '../../format.js';
import { html, link } from '../../html.js';

export const METHOD = '/missions/method';
const num = { format: 'numeric' } as const;

/** A header cell linking to the definition of its figure. */
export const defined = (label: string, anchor: string, numeric = true) => ({
  html: link(`${METHOD}#${anchor}`, label).toString(),
  ...(numeric ? num : {}),
});

export const money = (v: string | number): string => formatAmount(String(v), 'GBP');

export const shareText = (s: MissionShare): string =>
  s.share === null ? 'Not known' : `${(s.share * 100).toFixed(1)}%`;

const shareCell = (s: MissionShare) => ({
  html: html`${shareText(s)}${
    s.unknownValue > 0
      ? html`<br /><span class="govuk-body-s">not known: ${money(s.unknownValue.toFixed(2))}</span>`
      : ''
  }`.toString(),
  ...num,
});

export const FIGURE_HEAD = [
  defined('Award value', 'value'),
  defined('Awards', 'awards'),
  defined('Contracts', 'contracts'),
  defined('SME share', 'sme'),
  defined('VCSE share', 'vcse'),
  defined('Local share', 'local'),
];

/** A figure linking to the records behind it (when there is a list for the group). */
const linked = (text: string, href: string | null) =>
  href ? { html: link(href, text).toString(), ...num } : { text, ...num };

/** The figure cells of a row; the value and the contracts link to the contracts behind them. */
export const figureCells = (f: MissionFigures, recordsHref: string | null) => [
  linked(money(f.value), recordsHref),
  { text: formatNumber(f.awards), ...num },
  linked(formatNumber(f.contracts), recordsHref),
  shareCell(f.sme),
  shareCell(f.vcse),
  shareCell(f.local),
];

export function figuresTable(
  caption: string,
  groupLabel: string,
  rows: ReadonlyArray<{
    label: string;
    labelHref?: string;
    figures: MissionFigures;
    recordsHref: string | null;
  }>,
) {
  return {
    caption,
    captionClasses: 'govuk-table__caption--m',
    firstCellIsHeader: true,
    head: [{ text: groupLabel }, ...FIGURE_HEAD],
    rows: rows.map((r) => [
      r.labelHref ? { html: link(r.labelHref, r.label).toString() } : { text: r.label },
      ...figureCells(r.figures, r.recordsHref),
    ]),
  };
}

const RATING_LABELS = [
  ['met', 'Met'],
  ['slightlyBelow', 'Slightly below'],
  ['below', 'Below'],
  ['significantlyBelow', 'Significantly below'],
  ['other', 'Other'],
  ['unknown', 'No rating code'],
] as const;

/**
 * KPI rating mix: one row per group, one column per rating code (docs/kpis.md); every header links to the
 * definition, every count to the KPIs behind it (`kpisHref(code)`: all KPIs without a code).
 */
export function kpiTable(
  caption: string,
  rows: ReadonlyArray<{ label: string; kpis: DistributionRow; kpisHref: (rating?: string) => string }>,
) {
  return {
    caption,
    captionClasses: 'govuk-table__caption--m',
    firstCellIsHeader: true,
    head: [
      { text: 'Mission' },
      defined('KPIs', 'kpis'),
      ...RATING_LABELS.map(([, label]) => defined(label, 'kpis')),
    ],
    rows: rows.map((r) => [
      { text: r.label },
      linked(formatNumber(r.kpis.kpis), r.kpis.kpis > 0 ? r.kpisHref() : null),
      ...RATING_LABELS.map(([code]) =>
        linked(formatNumber(r.kpis.counts[code]), r.kpis.counts[code] > 0 ? r.kpisHref(code) : null),
      ),
    ]),
  };
}
