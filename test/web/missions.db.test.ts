// The mission dashboard pages, CSV and API on the real sample through the app (app.inject): the pages and the JSON
// agree, every figure header links to its definition, a bad filter gives the error summary (page) or 400 (API), an
// unknown mission 404, and the CSV holds one row per mission.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshMissions } from '../../src/services/missions/summary-refresh.js';
import { createSampleApp, type SampleApp } from '../support/sample-app.js';

describe('mission dashboard pages, CSV and API', () => {
  let s: SampleApp;
  beforeAll(async () => {
    s = await createSampleApp();
    await refreshMissions(s.t.db);
  }, 180_000);
  afterAll(() => s?.close());

  it('shows the five missions with the same figures as the API, each linked to its definition and records', async () => {
    const page = await s.app.inject('/missions');
    expect(page.statusCode).toBe(200);
    const api = (await s.app.inject('/api/missions')).json();
    expect(api.missions).toHaveLength(5);
    for (const m of api.missions) {
      expect(page.body).toContain(`href="/missions/${m.id}"`);
      expect(page.body).toContain(`href="/missions/${m.id}/contracts"`);
    }
    for (const anchor of ['value', 'awards', 'contracts', 'sme', 'vcse', 'local', 'kpis'])
      expect(page.body).toContain(`href="/missions/method#${anchor}"`);
    expect(page.body).toContain('role="img"');
    const method = await s.app.inject('/missions/method');
    for (const anchor of ['value', 'several-missions', 'sme', 'local', 'kpis', 'social-value'])
      expect(method.body).toContain(`id="${anchor}"`);
  });

  it('shows one mission by region and buyer, with a chart and a table for each', async () => {
    const api = (await s.app.inject('/api/missions/clean-energy')).json();
    expect(api.mission.id).toBe('clean-energy');
    const page = await s.app.inject('/missions/clean-energy');
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/role="img"/g)?.length).toBe(2);
    for (const r of api.byRegion) if (r.key) expect(page.body).toContain(`region=${r.key}`);
    const csv = await s.app.inject('/missions/clean-energy/figures.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[1]).toContain('clean-energy,total');
    const byRegion = (await s.app.inject('/api/missions/clean-energy?region=UKL')).json();
    expect(byRegion.byRegion.every((r: { key: string }) => r.key === 'UKL')).toBe(true);
  });

  it('gives the error summary or 400 on a bad filter, and 404 for an unknown mission', async () => {
    const bad = await s.app.inject('/missions?region=ZZZ');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('href="#region"');
    expect((await s.app.inject('/api/missions?region=ZZZ')).statusCode).toBe(400);
    expect((await s.app.inject('/api/missions/moonshot')).statusCode).toBe(404);
    expect((await s.app.inject('/missions/moonshot')).statusCode).toBe(404);
  });

  it('downloads every mission as CSV', async () => {
    const csv = await s.app.inject('/missions.csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^mission_id,group_by,group_key,group_name,award_value_gbp/);
    // Figures (5 missions, any, none), then the KPI rating mix section (one row per mission), then social value.
    expect(lines.slice(0, 9)).toHaveLength(9);
    expect(lines[8]).toBe('');
    expect(lines[9]).toMatch(/^section,mission_id,kpis,rated_periods,met,/);
    expect(lines.slice(10, 15).map((l) => l.split(',')[0])).toEqual(Array(5).fill('kpi_rating_mix'));
    expect(lines[15]).toBe('');
    expect(lines[16]).toMatch(/^section,group_key,group_name,metric_id,/);
  });

  it('downloads every buyer of a mission as CSV, not one page', async () => {
    const page = await s.app.inject('/missions/growth');
    const shown = Number(/of ([\d,]+) buyers/.exec(page.body)?.[1]?.replace(/,/g, '') ?? '0');
    expect(shown).toBeGreaterThan(20);
    const csv = await s.app.inject('/missions/growth/figures.csv');
    expect(csv.body.split('\r\n').filter((l) => l.startsWith('growth,buyer,'))).toHaveLength(shown);
  });
});
