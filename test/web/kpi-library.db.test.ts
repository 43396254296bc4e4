// The KPI library through the web app (app.inject) on the real sample: the search page and API (text, category,
// outcome, mission, pagination), a template page with its four rating bands, central's template form (errors in the
// summary, CSRF), an editor attaching a tailored KPI to a Derby pipeline entry and to a Bridgend contract through
// the forms (shown on the entry and contract pages, refused to other buyers' editors), tagging the entry with
// missions (its page, the public pipeline, the central filter, the CSV export), and the attach/tailor API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountsService } from '../../src/services/accounts.service.js';
import { createPipelineService } from '../../src/services/pipeline/pipeline.service.js';
import { addMembers } from '../support/organisations.js';
import { createSampleApp, organisationIdByName, type SampleApp } from '../support/sample-app.js';
import { cookieHeader, csrfOf, signInAs } from '../support/web-session.js';

const PASSWORD = 'a long enough passphrase';
const BRIDGEND_CONTRACT = 'ocds-kuma6s-148166';

describe('KPI library pages and API', () => {
  let sample: SampleApp;
  let derby: number;
  let bridgend: number;
  let entryId: number;
  const accounts = () => createAccountsService({ db: sample.t.db });
  const signedIn = (email: string) => signInAs(sample.app, PASSWORD)(email);

  beforeAll(async () => {
    sample = await createSampleApp();
    derby = await organisationIdByName(sample.t, 'DERBY CITY COUNCIL');
    bridgend = await organisationIdByName(sample.t, 'Bridgend County Borough Council');
    await addMembers(sample.t.db, PASSWORD, [
      ['editor@derby.gov.uk', 'editor', derby],
      ['editor@bridgend.gov.uk', 'editor', bridgend],
    ]);
    await accounts().createUser({ email: 'central@cabinet.gov.uk', name: 'c', password: PASSWORD }, 'test');
    await accounts().grant({ email: 'central@cabinet.gov.uk', role: 'central' }, 'test');
    entryId = (
      await createPipelineService({ db: sample.t.db }).create(
        { userId: 0, email: 'setup', name: 's', serviceRole: 'admin', organisations: new Map() },
        derby,
        { title: 'Household waste collection', cpvCode: '90511000', published: true },
      )
    ).id;
  }, 180_000);
  afterAll(() => sample.close());

  it('searches the library by words, category, outcome and mission, a page at a time', async () => {
    const all = await sample.app.inject('/kpi-library');
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('29 templates');
    expect(all.body).toContain('KPI library pages');
    const page2 = await sample.app.inject('/kpi-library?page=2');
    expect(page2.body).toContain('Waste recycled or reused');
    expect(page2.body).not.toContain('Subcontractors paid within 30 days');
    const hit = await sample.app.inject('/kpi-library?q=reactive+repairs');
    expect(hit.body).toContain('1 template.');
    expect(hit.body).toContain('Reactive repairs fixed within the agreed time');
    const bad = await sample.app.inject('/kpi-library?cpv=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('<a href="#cpv">Category must be a CPV code');
    const api = (await sample.app.inject('/api/kpi-library?mission=safer-streets')).json();
    expect(api.items.map((i: { id: string }) => i.id)).toEqual(['kpi.cross.crime-reduction-security']);
    expect(api.items[0]).toMatchObject({
      template: true,
      version: 1,
      seeded: true,
      target: 2,
      direction: 'lower',
    });
    const works = (await sample.app.inject('/api/kpi-library?cpv=45&pageSize=2')).json();
    expect(works).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    const one = await sample.app.inject('/kpi-library/kpi.waste.missed-collections');
    expect(one.body).toMatch(
      /Approaching target[\s\S]*slightlyBelow[\s\S]*80 per 100,000 or less, more than 50 per 100,000/,
    );
    expect(one.body).toContain('Rounds completed.');
    expect((await sample.app.inject('/kpi-library/kpi.nope')).statusCode).toBe(404);
  });

  it('lets central add a template through the form; others cannot; no CSRF token, nothing written', async () => {
    const editor = await signedIn('editor@derby.gov.uk');
    expect((await editor.get('/kpi-library/new')).statusCode).toBe(403);
    const c = await signedIn('central@cabinet.gov.uk');
    const form = await c.get('/kpi-library/new');
    expect(form.statusCode).toBe(200);
    const token = csrfOf(form.body)!;
    const fields = {
      name: 'Library loans per resident',
      outcomeStatement: 'Residents read more.',
      measure: 'Loans per resident',
      unit: 'loans',
      direction: 'higher',
      target: '4',
      slightlyBelow: '3',
      below: '5',
      frequency: 'annually',
      category: 'Libraries',
      cpvDivisions: '92',
      outcomeIds: 'ppn002.o2.skills-for-growth',
      goodText: 'Loans',
      goodWhy: 'A result',
      badText: 'Hours',
      badWhy: 'An input',
      source: 'test',
    };
    const bad = await c.post('/kpi-library', { _csrf: token, ...fields });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#below"');
    expect((await c.post('/kpi-library', { ...fields, below: '2' })).statusCode).toBe(403);
    const ok = await c.post('/kpi-library', { _csrf: token, ...fields, below: '2' });
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe('/kpi-library/kpi.custom.library-loans-per-resident');
    expect((await sample.app.inject('/kpi-library')).body).toContain('30 templates');
  });

  it('lets the buyer’s editor attach and tailor a KPI on a pipeline entry and a contract, shown on their pages', async () => {
    const s = await signedIn('editor@derby.gov.uk');
    const entryPage = await s.get(`/pipeline/entries/${entryId}`);
    expect(entryPage.body).toContain(`/kpi-library?attach=entry%3A${entryId}`);
    const picker = await s.get(`/kpi-library?attach=entry:${entryId}&q=missed`);
    expect(picker.body).toContain('Choose a template to attach to “Household waste collection”');
    expect(picker.body).toContain(
      `/pipeline/entries/${entryId}/kpis/new?template=kpi.waste.missed-collections`,
    );
    const form = await s.get(`/pipeline/entries/${entryId}/kpis/new?template=kpi.waste.missed-collections`);
    expect(form.statusCode).toBe(200);
    const token = csrfOf(form.body)!;
    const kpi = {
      _csrf: token,
      template: 'kpi.waste.missed-collections',
      name: 'Missed bins',
      measure: 'Missed per 100,000',
      target: '40',
      slightlyBelow: '30',
      below: '120',
    };
    const bad = await s.post(`/pipeline/entries/${entryId}/kpis`, kpi);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('href="#slightlyBelow"');
    expect(
      (await s.post(`/pipeline/entries/${entryId}/kpis`, { ...kpi, slightlyBelow: '80' })).statusCode,
    ).toBe(303);
    const shown = await sample.app.inject(`/pipeline/entries/${entryId}`);
    expect(shown.body).toMatch(
      /id="kpis"[\s\S]*Missed bins[\s\S]*kpi.waste.missed-collections[\s\S]*40 per 100,000 or less/,
    );

    const other = await signedIn('editor@bridgend.gov.uk');
    expect(
      (await other.get(`/pipeline/entries/${entryId}/kpis/new?template=kpi.waste.missed-collections`))
        .statusCode,
    ).toBe(403);
    const cform = await other.get(
      `/contracts/${BRIDGEND_CONTRACT}/kpis/new?template=kpi.cross.crime-reduction-security`,
    );
    expect(cform.statusCode).toBe(200);
    const attach = await other.post(`/contracts/${BRIDGEND_CONTRACT}/kpis`, {
      _csrf: csrfOf(cform.body)!,
      template: 'kpi.cross.crime-reduction-security',
      name: 'Site incidents',
      measure: 'Incidents per 1,000 site-days',
      target: '1',
      slightlyBelow: '3',
      below: '5',
    });
    expect(attach.statusCode).toBe(303);
    const contract = await sample.app.inject(`/contracts/${BRIDGEND_CONTRACT}`);
    expect(contract.body).toMatch(/id="kpis"[\s\S]*Site incidents/);
    const list = (await sample.app.inject(`/api/contracts/${BRIDGEND_CONTRACT}/kpis`)).json();
    expect(list.kpis).toHaveLength(1);
    expect(list.kpis[0]).toMatchObject({
      templateId: 'kpi.cross.crime-reduction-security',
      target: 1,
      organisationId: bridgend,
    });

    // The API: attach with the session's CSRF token in X-CSRF-Token, tailor from a stale version → 409.
    const csrf = await s.token(`/pipeline/entries/${entryId}`);
    const api = (method: 'POST' | 'PUT', url: string, payload: object) =>
      sample.app.inject({
        method,
        url,
        payload,
        headers: { cookie: cookieHeader(s.jar), 'x-csrf-token': csrf },
      });
    const made = await api('POST', `/api/pipeline/entries/${entryId}/kpis`, {
      templateId: 'kpi.waste.recycling-rate',
    });
    expect(made.statusCode).toBe(201);
    const id = made.json().id as number;
    expect(
      (
        await api('PUT', `/api/kpis/attached/${id}`, {
          name: 'Recycled',
          measure: 'm',
          target: 60,
          slightlyBelow: 55,
          below: 50,
          version: 1,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await api('PUT', `/api/kpis/attached/${id}`, {
          name: 'x',
          measure: 'm',
          target: 60,
          slightlyBelow: 55,
          below: 50,
          version: 1,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('tags the entry with missions: shown on its page, the public pipeline and CSV, filtered centrally', async () => {
    const s = await signedIn('editor@derby.gov.uk');
    const form = await s.get(`/pipeline/entries/${entryId}/missions`);
    expect(form.statusCode).toBe(200);
    const token = csrfOf(form.body)!;
    const version = /name="version" value="(\d+)"/.exec(form.body)![1]!;
    const bad = await s.post(`/pipeline/entries/${entryId}/missions`, {
      _csrf: token,
      version,
      outcomeIds: 'ppn002.o9.nope',
    });
    expect(bad.statusCode).toBe(400);
    const ok = await s.post(`/pipeline/entries/${entryId}/missions`, {
      _csrf: token,
      version,
      outcomeIds: 'ppn002.o4.sustainable-procurement',
    });
    expect(ok.statusCode).toBe(303);
    expect(
      (await s.post(`/pipeline/entries/${entryId}/missions`, { _csrf: token, version, missionIds: 'nhs' }))
        .statusCode,
    ).toBe(409);
    const page = await sample.app.inject(`/pipeline/entries/${entryId}`);
    expect(page.body).toMatch(
      /id="missions"[\s\S]*Make Britain a clean energy superpower[\s\S]*Sustainable procurement practices/,
    );
    const central = await sample.app.inject('/pipeline?mission=clean-energy');
    expect(central.body).toContain('Household waste collection');
    expect((await sample.app.inject('/pipeline?mission=nhs')).body).not.toContain(
      'Household waste collection',
    );
    const apiCentral = (await sample.app.inject('/api/pipeline?mission=clean-energy')).json();
    expect(apiCentral.items.map((e: { id: number }) => e.id)).toEqual([entryId]);
    expect(apiCentral.items[0].missions).toEqual({
      missionIds: ['clean-energy'],
      outcomeIds: ['ppn002.o4.sustainable-procurement'],
    });
    const csv = (await sample.app.inject(`/organisations/${derby}/pipeline.csv`)).body;
    const [head, row] = csv.replace(/^\uFEFF/, '').split('\r\n');
    const cols = head!.split(',');
    const cells = row!.split(',');
    expect(cells[cols.indexOf('missions')]).toBe('clean-energy');
    expect(cells[cols.indexOf('outcomes')]).toBe('ppn002.o4.sustainable-procurement');
    const ocds = (await sample.app.inject(`/organisations/${derby}/pipeline.ocds.json`)).json();
    expect(ocds.releases[0].tender.items[0].additionalClassifications).toEqual([
      { scheme: 'x-missionbuy-mission', id: 'clean-energy' },
      { scheme: 'x-missionbuy-outcome', id: 'ppn002.o4.sustainable-procurement' },
    ]);
  });
});
