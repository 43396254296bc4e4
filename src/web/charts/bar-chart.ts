// A horizontal bar chart as server-side SVG (design.md: "charts (server-side SVG + data table)"): one bar per
// labelled value, largest first as given, with the value printed at the end of each bar. Like line-chart.ts it is an
// image with a title and description, every text escaped, and the page puts the same figures in a table beside it.
import { html, type SafeHtml } from '../html.js';
import { COLOURS, svgFrame, text } from './line-chart.js';

export interface BarChartOptions {
  /** Unique on the page: prefixes the ids of <title> and <desc>. */
  id: string;
  title: string;
  /** What the chart shows, in words. */
  description: string;
  bars: readonly { label: string; value: number }[];
  format?: (n: number) => string;
  width?: number;
}

const ROW = 28;
const LABEL_WIDTH = 210;
const VALUE_SPACE = 120;
const clip = (s: string, n = 32) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export function barChart(o: BarChartOptions): SafeHtml {
  const width = o.width ?? 640;
  const format = o.format ?? ((n: number) => new Intl.NumberFormat('en-GB').format(n));
  const height = Math.max(1, o.bars.length) * ROW + 16;
  const max = Math.max(0, ...o.bars.map((b) => b.value));
  const plot = width - LABEL_WIDTH - VALUE_SPACE;
  const r = (n: number) => Math.round(n * 10) / 10;
  const rows = o.bars.map((b, i) => {
    const y = 8 + i * ROW;
    const w = max > 0 ? r((b.value / max) * plot) : 0;
    return html`<g class="app-chart__bar">
      ${text(LABEL_WIDTH - 8, y + 18, clip(b.label), { anchor: 'end' })}
      <rect x="${LABEL_WIDTH}" y="${y + 4}" width="${w}" height="${ROW - 8}" fill="${COLOURS.line}" />
      ${text(LABEL_WIDTH + w + 6, y + 18, format(b.value), { anchor: 'start', weight: 700 })}
    </g>`;
  });
  const empty = o.bars.length === 0 ? text(width / 2, 20, 'No values to show', { size: 16 }) : '';
  const axis = html`<line
    x1="${LABEL_WIDTH}"
    x2="${LABEL_WIDTH}"
    y1="4"
    y2="${height - 4}"
    stroke="${COLOURS.axis}"
    stroke-width="1"
  />`;
  return svgFrame(
    { id: o.id, title: o.title, description: o.description, width, height },
    html`${axis}${rows}${empty}`,
  );
}
