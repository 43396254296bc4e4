// The server-side line chart: an accessible image (role, title, desc), values placed on the scale, missing values
// drawn as gaps (never as zero), and every text escaped.
import { describe, expect, it } from 'vitest';
import { lineChart, niceTicks } from '../../../src/web/charts/line-chart.js';

const attr = (svg: string, selector: RegExp) => [...svg.matchAll(selector)].map((m) => m[1]);
const texts = (svg: string) => attr(svg, /<text[^>]*>([^<]*)<\/text\s*>/g).map((t) => t!.trim());

describe('lineChart', () => {
  const trend = [
    { label: '2024-Q2', value: 50 },
    { label: '2024-Q3', value: 50 },
    { label: '2024-Q4', value: null },
    { label: '2025-Q1', value: 87.9 },
    { label: '2025-Q2', value: 90 },
  ];

  it('is an image named by its title and description', () => {
    const svg = lineChart({
      id: 'trend',
      title: 'Score by quarter',
      description: 'From 50 to 90.',
      points: trend,
    }).value;
    expect(svg).toMatch(/^<svg\s[^>]*role="img"[^>]*aria-labelledby="trend-title trend-desc"/);
    expect(svg).toContain('<title id="trend-title">Score by quarter</title>');
    expect(svg).toContain('<desc id="trend-desc">From 50 to 90.</desc>');
  });

  it('places values on the scale and leaves a gap where a value is missing', () => {
    const svg = lineChart({
      id: 't',
      title: 'T',
      description: 'D',
      points: trend,
      yMin: 0,
      yMax: 100,
      width: 640,
      height: 260,
    }).value;
    // Plot area: top 24, bottom 260 - 40 = 220, so 100 → 24, 50 → 122, 0 → 220.
    const cy = attr(svg, /<circle[^>]*\scy="([\d.]+)"/g).map(Number);
    expect(cy).toEqual([122, 122, 220 - 0.879 * 196, 220 - 0.9 * 196].map((v) => Math.round(v * 10) / 10));
    // Two runs (before and after the gap): two polylines.
    expect(attr(svg, /<polyline[^>]*\spoints="([^"]+)"/g)).toHaveLength(2);
    expect(texts(svg)).toEqual(
      expect.arrayContaining(['0', '50', '100', '2024-Q2', '2024-Q4', '2025-Q2', '87.9']),
    );
    expect(niceTicks(0, 100)).toEqual([0, 25, 50, 75, 100]);
  });

  it('escapes every text it draws', () => {
    const svg = lineChart({
      id: 'x"y',
      title: '<script>alert(1)</script>',
      description: 'A & B',
      points: [{ label: '<b>Q1</b>', value: 1 }],
      yLabel: '"score"',
    }).value;
    expect(svg).not.toMatch(/<script|<b>/);
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(svg).toContain('A &amp; B');
    expect(svg).toContain('id="x&quot;y-title"');
    expect(svg).toContain('&quot;score&quot;');
  });

  it('says so when there is nothing to draw', () => {
    const svg = lineChart({
      id: 'e',
      title: 'E',
      description: 'None.',
      points: [{ label: 'Q1', value: null }],
    }).value;
    expect(svg).toContain('No values to show');
    expect(svg).not.toContain('<circle');
  });
});
