// Ratings from measured values through the pages and the API (docs/kpis.md), on the real sample: Bridgend's editor
// attaches the starter template "Missed collections" (50 / 80 / 120 per 100,000, lower is better) to its real
// contract ocds-kuma6s-148166 through the attach form; the performance page then shows the KPI with its bands, the
// rating form asks for a measured value (with the bands), a value of 85 is saved as "Requires improvement", and the
// history shows the value. The API records a rating the same way (session cookie + X-CSRF-Token).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembers } from '../support/organisations.js';
import { createSampleApp, organisationIdByName, type SampleApp } from '../support/sample-app.js';
import { cookieHeader, csrfOf, signInAs } from '../support/web-session.js';

const OCID = 'ocds-kuma6s-148166';
const PERF = `/contracts/${OCID}/performance`;
const PASSWORD = 'kpi-measured-test-password-1234';

describe('ratings from measured values: pages and API', () => {
  let sample: SampleApp;
  beforeAll(async () => {
    sample = await createSampleApp();
    const bridgend = await organisationIdByName(sample.t, 'Bridgend County Borough Council');
    await addMembers(sample.t.db, PASSWORD, [['editor@bridgend.gov.uk', 'editor', bridgend]]);
  }, 180_000);
  afterAll(() => sample.close());

  it('attaches a template, rates it from a measured value and shows the value in the history', async () => {
    const s = await signInAs(sample.app, PASSWORD)('editor@bridgend.gov.uk');
    const form = await s.get(`/contracts/${OCID}/kpis/new?template=kpi.waste.missed-collections`);
    const _csrf = csrfOf(form.body)!;
    const attach = await s.post(`/contracts/${OCID}/kpis`, {
      _csrf,
      template: 'kpi.waste.missed-collections',
    });
    expect(attach.statusCode).toBe(303);

    const perf = await s.get(PERF);
    expect(perf.body).toContain('Missed collections');
    expect(perf.body).toContain('Requires improvement: 120 per 100,000 or less, more than 80 per 100,000');
    expect(perf.body).toContain('href="/kpi-library/kpi.waste.missed-collections"');
    const rateHref = /href="([^"]+\/ratings\/new)"/.exec(perf.body)![1]!;
    const rateForm = await s.get(rateHref);
    expect(rateForm.statusCode).toBe(200);
    expect(rateForm.body).toContain('name="measuredValue"');
    expect(rateForm.body).toContain('How the measured value is rated');
    expect(rateForm.body).not.toContain('value="significantlyBelow"');

    const action = rateHref.replace(/\/new$/, '');
    const fields = {
      _csrf,
      'periodStart-day': '1',
      'periodStart-month': '4',
      'periodStart-year': '2025',
      'periodEnd-day': '30',
      'periodEnd-month': '6',
      'periodEnd-year': '2025',
    };
    const missing = await s.post(action, fields);
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('href="#measuredValue"');
    const saved = await s.post(action, { ...fields, measuredValue: '85' });
    expect(saved.statusCode).toBe(303);
    const after = await s.get(PERF);
    expect(after.body).toMatch(/Measured value[\s\S]*85 per 100,000[\s\S]*Requires improvement \(below\)/);

    // The API: the same KPI, a value of 50 (the target itself) is "met".
    const kpiId = Number(/kpis\/(\d+)\/ratings/.exec(action)![1]);
    const csrf = await s.token(rateHref);
    const api = (payload: object) =>
      sample.app.inject({
        method: 'POST',
        url: `/api${PERF}/kpis/${kpiId}/ratings`,
        payload,
        headers: { cookie: cookieHeader(s.jar), 'x-csrf-token': csrf },
      });
    const made = await api({ periodStart: '2025-07-01', periodEnd: '2025-09-30', measuredValue: 50 });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ kpiId, rating: 'met' });
    const conflict = await api({
      periodStart: '2025-10-01',
      periodEnd: '2025-12-31',
      measuredValue: 50,
      rating: 'below',
    });
    expect(conflict.statusCode).toBe(400);
    const noToken = await sample.app.inject({
      method: 'POST',
      url: `/api${PERF}/kpis/${kpiId}/ratings`,
      payload: { periodStart: '2025-07-01', periodEnd: '2025-09-30', measuredValue: 50 },
      headers: { cookie: cookieHeader(s.jar) },
    });
    expect(noToken.statusCode).toBe(403);
    const json = (await sample.app.inject(`/api${PERF}`)).json();
    const kpi = json.kpis.find((k: { kpiId: number | null }) => k.kpiId === kpiId);
    expect(kpi.measure).toEqual({
      unit: 'per 100,000',
      direction: 'lower',
      target: 50,
      slightlyBelow: 80,
      below: 120,
    });
    expect(
      kpi.ratings.map((r: { measuredValue: number; rating: string }) => [r.measuredValue, r.rating]),
    ).toEqual([
      [85, 'below'],
      [50, 'met'],
    ]);
  });
});
