// The KPI pages, CSV and API on the real sample plus the derived UK7/UK9 fixture (test/fixtures/kpis/SOURCES.md):
// the contract's performance page linked from its page, a buyer's editor adding a KPI and a rating through the forms
// (CSRF, error summary on bad input, nothing written), the buyer and national pages, CSV and JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ocds/pipeline.js';
import { repoPath } from '../../src/paths.js';
import { refreshMissions } from '../../src/services/missions/summary-refresh.js';
import { addMembers } from '../support/organisations.js';
import { createSampleApp, type SampleApp } from '../support/sample-app.js';
import { csrfOf, webSession } from '../support/web-session.js';

const OCID = 'ocds-b5fd17-049318f6-a64f-468a-914b-072544499c9d';
const PERF = `/contracts/${OCID}/performance`;
const PASSWORD = 'kpi-test-password-1234';

describe('KPI pages and API', () => {
  let s: SampleApp;
  let mod: number;
  beforeAll(async () => {
    s = await createSampleApp();
    await ingestPaths(s.t.db, [repoPath('test/fixtures/kpis/uk7-uk9-derived.jsonl')], { source: 'fixture' });
    await refreshMissions(s.t.db); // "Ratings by mission" reads the missions the dashboard stored (as after ingest)
    const p = await s.t.db
      .selectFrom('process')
      .select('buyer_id')
      .where('ocid', '=', OCID)
      .executeTakeFirstOrThrow();
    mod = Number(p.buyer_id);
    await addMembers(s.t.db, PASSWORD, [
      ['editor@mod.example', 'editor', mod],
      ['viewer@mod.example', 'viewer', mod],
    ]);
  }, 180_000);
  afterAll(() => s?.close());

  it('links the performance page from the contract page and shows the published KPIs', async () => {
    const contract = await s.app.inject(`/contracts/${OCID}`);
    expect(contract.body).toContain(`href="${PERF}"`);
    const page = await s.app.inject(PERF);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/Service availability[\s\S]*UK7 agreed metric, UK9 implementation metric/);
    expect(page.body).toContain('Approaching target (slightlyBelow)');
    expect(page.body).toContain('Contract ended without a final rating');
    expect(page.body).not.toContain('Add a KPI');
    expect((await s.app.inject('/contracts/ocds-nope/performance')).statusCode).toBe(404);
  });

  it('lets the buyer’s editor add a KPI and a rating, with errors shown and CSRF required', async () => {
    const viewer = webSession(s.app, { password: PASSWORD, next: PERF });
    await viewer.signIn('viewer@mod.example');
    expect((await viewer.get(`${PERF}/kpis/new`)).statusCode).toBe(403);

    const editor = webSession(s.app, { password: PASSWORD, next: PERF });
    await editor.signIn('editor@mod.example');
    expect((await editor.get(PERF)).body).toContain('Add a KPI');
    const noCsrf = await editor.post(`${PERF}/kpis`, { title: 'X' });
    expect(noCsrf.statusCode).toBe(403);
    const form = await editor.get(`${PERF}/kpis/new`);
    const _csrf = csrfOf(form.body)!;
    const bad = await editor.post(`${PERF}/kpis`, { _csrf, title: '', intervalMonths: '24' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('href="#title"');
    const added = await editor.post(`${PERF}/kpis`, { _csrf, title: 'Local jobs created', target: '5' });
    expect(added.statusCode).toBe(303);
    const id = /kpi-entered-(\d+)/.exec(added.headers.location as string)![1];

    const rateUrl = `${PERF}/kpis/${id}/ratings`;
    expect((await editor.get(`${rateUrl}/new`)).body).toContain('Record a rating: Local jobs created');
    const badRating = await editor.post(rateUrl, { _csrf, rating: 'great' });
    expect(badRating.statusCode).toBe(400);
    expect(badRating.body).toContain('href="#rating"');
    const rated = await editor.post(rateUrl, {
      _csrf,
      'periodStart-day': '1',
      'periodStart-month': '3',
      'periodStart-year': '2025',
      'periodEnd-day': '28',
      'periodEnd-month': '2',
      'periodEnd-year': '2026',
      rating: 'other',
      comment: 'Final year report',
      evidenceUrl: 'https://example.gov.uk/final.pdf',
    });
    expect(rated.statusCode).toBe(303);
    const page = await editor.get(PERF);
    expect(page.body).toMatch(/Local jobs created[\s\S]*Entered by the buyer[\s\S]*Final rating recorded/);
    expect(page.body).toContain('href="https://example.gov.uk/final.pdf"');
  });

  it('shows the buyer page, the national page, CSV and JSON with the same counts', async () => {
    const buyer = await s.app.inject(`/organisations/${mod}/kpis`);
    expect(buyer.statusCode).toBe(200);
    expect(buyer.body).toContain('Ministry of Defence');
    expect(buyer.body).toMatch(/id="overdue"[\s\S]*Service availability/);
    expect(buyer.body).toContain('<svg');
    const national = await s.app.inject('/kpis');
    expect(national.statusCode).toBe(200);
    expect(national.body).toMatch(/Ratings by mission/);
    expect(national.body).toContain(`href="/organisations/${mod}/kpis"`);

    const json = (await s.app.inject('/api/kpis/distribution')).json();
    expect(json.total.counts).toEqual({
      met: 1,
      slightlyBelow: 1,
      below: 1,
      significantlyBelow: 0,
      other: 1,
      unknown: 0,
    });
    const overdue = (await s.app.inject(`/api/kpis/ratings?buyer=${mod}&overdue=true`)).json();
    expect(overdue.kpis.map((k: { title: string }) => k.title)).toEqual([
      'Incidents resolved within the agreed service level',
      'Service availability',
      'Customer satisfaction',
    ]);
    const csv = await s.app.inject(`/organisations/${mod}/kpis.csv?overdue=yes`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\r\n');
    expect(lines).toHaveLength(1 + overdue.kpis.length);
    expect(lines[0]).toContain('ocid,performance_url');
    expect((await s.app.inject(`/api/contracts/${OCID}/performance`)).json().kpis).toHaveLength(4);
    expect((await s.app.inject('/api/kpis/ratings?asOf=nope')).statusCode).toBe(400);
  });
});
