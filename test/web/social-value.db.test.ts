// The social value pages, CSV and API on the real sample through the app (app.inject): Harrogate Town Council's
// district heating (ocds-h6vhtk-067fb8, region UKE). An editor records a commitment against a regional metric
// (meeting the error summary for a unit that is not the metric's), reports delivery, the accountable officer
// verifies it; the contract page links to it; the buyer, national and regional roll-ups, the CSV and the JSON
// agree; forms need a session and the CSRF token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMembers } from '../support/organisations.js';
import { addApprenticeshipWeeks } from '../support/social-value.js';
import { createSampleApp, organisationIdByName, type SampleApp } from '../support/sample-app.js';
import { csrfOf, webSession } from '../support/web-session.js';

const PASSWORD = 'a long enough passphrase';
const HARROGATE = 'ocds-h6vhtk-067fb8';
const PAGE = `/contracts/${HARROGATE}/social-value`;
const WEEKS = 'region.UKE.apprenticeship-weeks';

describe('social value pages, CSV and API', () => {
  let s: SampleApp;
  let harrogate: number;
  beforeAll(async () => {
    s = await createSampleApp();
    harrogate = await organisationIdByName(s.t, 'Harrogate Town Council');
    await addApprenticeshipWeeks(s.t.db);
    await addMembers(s.t.db, PASSWORD, [
      ['editor@harrogate.gov.uk', 'editor', harrogate],
      ['officer@harrogate.gov.uk', 'accountable-officer', harrogate],
    ]);
  }, 180_000);
  afterAll(() => s?.close());

  it('shows an empty contract page to anyone, linked from the contract, and sends form visitors to sign in', async () => {
    const contract = await s.app.inject(`/contracts/${HARROGATE}`);
    expect(contract.body).toContain(`href="${PAGE}"`);
    const page = await s.app.inject(PAGE);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('No social value commitment has been recorded for this contract.');
    expect(page.body).not.toContain('Record a commitment');
    const form = await s.app.inject(`${PAGE}/commit`);
    expect(form.statusCode).toBe(303);
    expect(form.headers.location).toMatch(/^\/login\?next=/);
    expect((await s.app.inject('/contracts/nope/social-value')).statusCode).toBe(404);
  });

  it('records, reports and verifies through the forms, with the error summary on bad input', async () => {
    const editor = webSession(s.app, { password: PASSWORD });
    await editor.signIn('editor@harrogate.gov.uk');
    const page = await editor.get(PAGE);
    expect(page.body).toContain(`href="${PAGE}/commit"`);
    const form = await editor.get(`${PAGE}/commit`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('Apprenticeship weeks (weeks)');
    const token = csrfOf(form.body)!;
    const fields = { metricId: WEEKS, target: '52', unit: 'days', timing: 'due', dueDate: '2027-03-31' };

    expect((await editor.post(`${PAGE}/commit`, fields)).statusCode).toBe(403);
    const bad = await editor.post(`${PAGE}/commit`, { _csrf: token, ...fields });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('href="#unit"');
    expect(bad.body).toContain('The unit must be the metric’s unit, “weeks”');
    const ok = await editor.post(`${PAGE}/commit`, { _csrf: token, ...fields, unit: 'weeks' });
    expect(ok.statusCode).toBe(303);
    const commitment = /#commitment-(\d+)$/.exec(ok.headers.location as string)![1]!;

    const report = `/social-value/commitments/${commitment}/report`;
    const evidence = 'https://www.harrogatetowncouncil.gov.uk/social-value/q1.pdf';
    const r = { _csrf: token, quantity: '13', periodStart: '2026-04-01', periodEnd: '2026-06-30' };
    const badReport = await editor.post(report, { ...r, evidence: 'timesheets in the office' });
    expect(badReport.statusCode).toBe(400);
    expect(badReport.body).toContain('Evidence link 1 is not a web address');
    expect((await editor.post(report, { ...r, evidence })).statusCode).toBe(303);

    const after = await editor.get(PAGE);
    expect(after.body).toContain('Unverified');
    expect(after.body).toContain(`href="${evidence}"`);
    const deliveryId = (await s.app.inject(`/api/contracts/${HARROGATE}/social-value`)).json().commitments[0]
      .deliveries[0].id as number;
    const verify = `/social-value/deliveries/${deliveryId}/verify`;
    expect((await editor.get(verify)).statusCode).toBe(403);

    const officer = webSession(s.app, { password: PASSWORD });
    await officer.signIn('officer@harrogate.gov.uk');
    const vform = await officer.get(verify);
    expect(vform.statusCode).toBe(200);
    const vtoken = csrfOf(vform.body)!;
    const reject = await officer.post(verify, { _csrf: vtoken, verdict: 'rejected' });
    expect(reject.statusCode).toBe(400);
    expect(reject.body).toContain('Enter why the report is rejected');
    expect((await officer.post(verify, { _csrf: vtoken, verdict: 'verified' })).statusCode).toBe(303);
    const done = await officer.get(PAGE);
    expect(done.body).toContain('Verified');
    expect(done.body).toContain('by officer@harrogate.gov.uk');
    expect(done.body).toMatch(/Apprenticeship weeks[\s\S]*>52<[\s\S]*>13<[\s\S]*>13<[\s\S]*25%/);
  });

  it('rolls up for the buyer, the region and the nation, as a page, CSV and JSON', async () => {
    const buyer = await s.app.inject(`/organisations/${harrogate}/social-value`);
    expect(buyer.statusCode).toBe(200);
    expect(buyer.body).toContain('Social value: Harrogate Town Council');
    expect(buyer.body).toContain(`href="${PAGE}"`);

    const region = await s.app.inject('/social-value?region=UKE&by=buyer');
    expect(region.statusCode).toBe(200);
    expect(region.body).toContain(`href="/organisations/${harrogate}/social-value"`);
    expect(region.body).toContain('Showing: Yorkshire and the Humber.');
    const empty = await s.app.inject('/social-value?region=UKC');
    expect(empty.body).toContain('No social value commitment matches.');
    const bad = await s.app.inject('/social-value?region=UKX');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Region must be an ITL1 code from UKC to UKN, not “UKX”');

    const csv = await s.app.inject('/social-value.csv?mission=growth');
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'group_by,group_key,group_name,metric_id,metric_name,unit,direction,mission_id,added_up,contracts,commitments,committed,delivered,verified,reports,verified_reports,rejected_reports',
    );
    expect(lines.slice(1)).toEqual([
      `total,,Total,${WEEKS},Apprenticeship weeks,weeks,higher,growth,yes,1,1,52,13,13,1,1,0`,
    ]);
    const api = (await s.app.inject('/api/social-value?by=region')).json();
    expect(api.rows.map((r: { groupKey: string; committed: string }) => [r.groupKey, r.committed])).toEqual([
      ['UKE', '52'],
    ]);
    expect((await s.app.inject('/api/social-value?mission=moon')).statusCode).toBe(400);
  });

  it('takes writes through the API with a session and the CSRF header', async () => {
    const body = {
      metricId: 'ppn001.sme-direct-spend-share',
      target: 30,
      unit: 'percent of value',
      timing: 'due',
      dueDate: '2027-03-31',
    };
    const url = `/api/contracts/${HARROGATE}/social-value/commitments`;
    expect((await s.app.inject({ method: 'POST', url, payload: body })).statusCode).toBe(401);
    const editor = webSession(s.app, { password: PASSWORD });
    await editor.signIn('editor@harrogate.gov.uk');
    const token = await editor.token(PAGE);
    const headers = {
      cookie: Object.entries(editor.jar)
        .map(([k, v]) => `${k}=${v}`)
        .join('; '),
    };
    expect((await s.app.inject({ method: 'POST', url, payload: body, headers })).statusCode).toBe(403);
    const created = await s.app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: { ...headers, 'x-csrf-token': token },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      metric_id: 'ppn001.sme-direct-spend-share',
      target: '30',
      due_date: '2027-03-31',
    });
    const again = await s.app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: { ...headers, 'x-csrf-token': token },
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toContain('already has a commitment');
  });
});
