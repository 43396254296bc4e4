// The server-side bar chart: an accessible image, bars proportional to their values (largest fills the plot), every
// value printed, labels escaped, and an empty state.
import { describe, expect, it } from 'vitest';
import { barChart } from '../../../src/web/charts/bar-chart.js';

const widths = (svg: string) => [...svg.matchAll(/<rect[^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));

describe('barChart', () => {
  const bars = [
    { label: 'Seddon Construction Limited', value: 33_037_218 },
    { label: 'Axis Europe plc', value: 9_473_847 },
    { label: '<script>alert(1)</script> & Co', value: 0 },
  ];
  const svg = barChart({ id: 'top', title: 'Largest suppliers', description: 'Seddon leads.', bars }).value;

  it('is an image named by its title and description', () => {
    expect(svg).toMatch(/^<svg\s[^>]*role="img"[^>]*aria-labelledby="top-title top-desc"/);
    expect(svg).toContain('<title id="top-title">Largest suppliers</title>');
    expect(svg).toContain('<desc id="top-desc">Seddon leads.</desc>');
  });

  it('draws bars in proportion to the largest and prints each value', () => {
    const [a, b, c] = widths(svg);
    expect(a).toBeGreaterThan(0);
    expect(b! / a!).toBeCloseTo(9_473_847 / 33_037_218, 2);
    expect(c).toBe(0);
    expect(svg).toContain('33,037,218');
    expect(svg).toContain('9,473,847');
  });

  it('escapes labels and says when there is nothing to show', () => {
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    const empty = barChart({ id: 'e', title: 'None', description: 'Nothing.', bars: [] }).value;
    expect(empty).toContain('No values to show');
    expect(widths(empty)).toEqual([]);
  });
});
