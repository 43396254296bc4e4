// Server-side SVG charts (design.md: "charts (server-side SVG + data table)"). A chart is an image with a title and
// a description (role="img", <title>, <desc>), drawn without JavaScript; the page always puts the same figures in a
// table next to it, so the chart adds nothing a screen reader or a keyboard user misses. Every text in the SVG goes
// through the html tagged template (escaped), so data can never become markup.
import { html, type SafeHtml } from '../html.js';

export interface ChartPoint {
  /** The x-axis label (a quarter, a month). */
  label: string;
  /** Null: no value for this point (drawn as a gap, never as zero). */
  value: number | null;
}

export interface LineChartOptions {
  /** Unique on the page: prefixes the ids of <title> and <desc>. */
  id: string;
  title: string;
  /** One or two sentences saying what the chart shows (its trend in words). */
  description: string;
  points: readonly ChartPoint[];
  /** The y axis; default: 0 and the largest value rounded up to a nice tick. */
  yMin?: number;
  yMax?: number;
  /** Axis label, e.g. "Score". */
  yLabel?: string;
  /** How values read on the axis and by the points; default: en-GB number. */
  format?: (n: number) => string;
  width?: number;
  height?: number;
}

export const COLOURS = { line: '#1d70b8', text: '#0b0c0c', grid: '#b1b4b6', axis: '#505a5f' } as const;
const MARGIN = { top: 24, right: 44, bottom: 40, left: 56 } as const;

export interface TextStyle {
  anchor?: 'start' | 'middle' | 'end';
  size?: number;
  weight?: number;
  fill?: string;
  transform?: string;
}

/** One escaped <text> element (shared with bar-chart.ts). */
export function text(x: number, y: number, content: string, style: TextStyle = {}): SafeHtml {
  const { anchor = 'middle', size = 13, weight = 400, fill = COLOURS.text, transform } = style;
  return html`<text
    x="${x}"
    y="${y}"
    text-anchor="${anchor}"
    font-size="${size}"
    font-weight="${weight}"
    fill="${fill}"
    ${transform ? html`transform="${transform}"` : ''}
    >${content}</text
  >`;
}

/** Round tick values covering [min, max]: about `count` steps of 1, 2, 2.5 or 5 × a power of ten. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step / 1e6; v += step)
    ticks.push(Number(v.toFixed(10)));
  return ticks;
}

const defaultFormat = (n: number) => new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 }).format(n);

/** A line chart of values over labelled points (e.g. a score by quarter), as an SVG string. */
export function lineChart(o: LineChartOptions): SafeHtml {
  const width = o.width ?? 640;
  const height = o.height ?? 260;
  const format = o.format ?? defaultFormat;
  const values = o.points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const yMin = o.yMin ?? Math.min(0, ...values);
  const top = o.yMax ?? Math.max(yMin + 1, ...values);
  const ticks = niceTicks(yMin, top);
  const yMax = o.yMax ?? Math.max(top, ticks[ticks.length - 1]!);
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const x = (i: number) =>
    MARGIN.left + (o.points.length <= 1 ? plotW / 2 : (i * plotW) / (o.points.length - 1));
  const y = (v: number) => MARGIN.top + plotH - ((v - yMin) / (yMax - yMin || 1)) * plotH;
  const r = (n: number) => Math.round(n * 10) / 10;

  // Runs of consecutive points with a value: one polyline each, so a missing value is a gap.
  const runs: { i: number; v: number }[][] = [];
  let run: { i: number; v: number }[] = [];
  o.points.forEach((p, i) => {
    if (p.value === null) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else run.push({ i, v: p.value });
  });
  if (run.length > 0) runs.push(run);

  const grid = ticks.map(
    (t) =>
      html`<g class="app-chart__tick">
        <line
          x1="${MARGIN.left}"
          x2="${width - MARGIN.right}"
          y1="${r(y(t))}"
          y2="${r(y(t))}"
          stroke="${COLOURS.grid}"
          stroke-width="1"
        />
        ${text(MARGIN.left - 8, r(y(t)) + 4, format(t), { anchor: 'end', fill: COLOURS.axis })}
      </g>`,
  );
  const labels = o.points.map((p, i) => text(r(x(i)), height - MARGIN.bottom + 20, p.label));
  const lines = runs
    .filter((seg) => seg.length > 1)
    .map(
      (seg) =>
        html`<polyline
          class="app-chart__line"
          fill="none"
          stroke="${COLOURS.line}"
          stroke-width="3"
          points="${seg.map((p) => `${r(x(p.i))},${r(y(p.v))}`).join(' ')}"
        />`,
    );
  const dots = runs
    .flat()
    .map(
      (p) =>
        html`<circle
            class="app-chart__point"
            cx="${r(x(p.i))}"
            cy="${r(y(p.v))}"
            r="5"
            fill="${COLOURS.line}"
          />
          ${text(r(x(p.i)), r(y(p.v)) - 10, format(p.v), { weight: 700 })}`,
    );
  const middle = MARGIN.top + plotH / 2;
  const empty = values.length === 0 ? text(width / 2, middle, 'No values to show', { size: 16 }) : '';
  const yLabel = o.yLabel
    ? text(14, middle, o.yLabel, { fill: COLOURS.axis, transform: `rotate(-90 14 ${middle})` })
    : '';
  return svgFrame(
    { id: o.id, title: o.title, description: o.description, width, height },
    html`${grid}${yLabel}
      <line
        x1="${MARGIN.left}"
        x2="${width - MARGIN.right}"
        y1="${MARGIN.top + plotH}"
        y2="${MARGIN.top + plotH}"
        stroke="${COLOURS.axis}"
        stroke-width="1"
      />
      ${labels}${lines}${dots}${empty}`,
  );
}

/** The accessible <svg> around a chart's body: an image named by its <title> and described by its <desc>. */
export function svgFrame(
  o: { id: string; title: string; description: string; width: number; height: number },
  body: SafeHtml,
): SafeHtml {
  return html`<svg
    class="app-chart"
    xmlns="http://www.w3.org/2000/svg"
    viewBox="0 0 ${o.width} ${o.height}"
    width="100%"
    preserveAspectRatio="xMidYMid meet"
    role="img"
    aria-labelledby="${o.id}-title ${o.id}-desc"
    focusable="false"
  >
    <title id="${o.id}-title">${o.title}</title>
    <desc id="${o.id}-desc">${o.description}</desc>
    ${body}
  </svg>`;
}
