// The horizon scan's mission filter through the web app (Fastify inject) on the real sample with its contracts'
// missions refreshed: the page's mission select round trip (selected, named in the active filters, the rows' mission
// tags, every link keeping it), a bad mission id in the error summary, the Atom feed and the CSV, the JSON API and
// its OpenAPI, and a search saved from the page with its mission replayed in its feed.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountsService } from '../../src/services/accounts.service.js';
import { refreshMissions } from '../../src/services/missions/summary-refresh.js';
import { createSampleApp, type SampleApp } from '../support/sample-app.js';

const PASSWORD = 'a long enough passphrase';
const QS = 'asOf=2026-06-01&months=24&mission=nhs';
const MISSIONS = 'growth, clean-energy, safer-streets, opportunity, nhs';
// The five contracts mapped to the NHS mission in this window (test/services/horizon-missions.db.test.ts).
const NHS_24 = [
  'ocds-b5fd17-070f4662-2e9c-40b0-8fa4-4b435f3ccae4',
  'ocds-b5fd17-0d7a6907-8595-4413-9a4e-746f8a1313a0',
  'ocds-b5fd17-a89fc5c2-eed8-48fa-b4e3-727a8f32fd6d',
  'ocds-b5fd17-fffc1305-c8ad-477c-ba6e-d47ce45c6fb8',
  'ocds-h6vhtk-06d285',
];

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed responses

describe('horizon scan by mission on the web', () => {
  let sample: SampleApp;
  const get = (url: string, cookie?: string) =>
    sample.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    sample = await createSampleApp();
    await refreshMissions(sample.t.db);
  }, 180_000);
  afterAll(() => sample?.close());

  it('filters the page by the mission chosen in its select, and keeps it in every link', async () => {
    const form = await get('/horizon?asOf=2026-06-01&months=24');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<select class="govuk-select" id="mission" name="mission"');
    expect(form.body).toMatch(/<option value="" selected>Any mission<\/option>/);
    expect(form.body).toContain('<option value="nhs">Build an NHS fit for the future</option>');

    const r = await get(`/horizon?${QS}`);
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<option value="nhs" selected>Build an NHS fit for the future</option>');
    expect(r.body).toContain('5 contracts ending by 1 June 2028');
    expect(r.body).toMatch(
      /Mission: Build an NHS fit for the future <a class="govuk-link" href="\/horizon\?[^"]*"/,
    );
    expect(r.body).toContain('contracts imported from a contract register are not mapped to missions');
    for (const ocid of NHS_24) expect(r.body).toContain(`href="/contracts/${ocid}"`);
    // The rows' missions as tags, primary first.
    expect(r.body).toMatch(
      /govuk-tag--turquoise"\s*>Build an NHS fit for the future<span class="govuk-visually-hidden"> \(primary\)/,
    );
    // CSV, feed, API, sorting and window links keep the mission; "Remove" drops only it.
    for (const link of ['/horizon.csv?', '/horizon.atom?', '/api/horizon?'])
      expect(r.body).toMatch(new RegExp(`href="${link.replace(/[?.]/g, '\\$&')}[^"]*mission=nhs`));
    expect(r.body).toMatch(/href="\/horizon\?[^"]*mission=nhs[^"]*sort=value/);
    const remove = /Mission: Build an NHS fit for the future <a class="govuk-link" href="([^"]+)"/.exec(
      r.body,
    )![1]!;
    expect(remove.replace(/&amp;/g, '&')).toBe('/horizon?months=24&asOf=2026-06-01');
  });

  it('explains a mission id that is not one, with the page and the form kept', async () => {
    const r = await get('/horizon?months=24&mission=health');
    expect(r.statusCode).toBe(400);
    expect(r.body).toContain('govuk-error-summary');
    expect(r.body).toContain(`<a href="#mission">Mission must be one of the missions: ${MISSIONS}</a>`);
    expect(r.body).toMatch(/id="mission-error"/);
    // A select cannot show an id that is not one of its options: none is selected, so "Any mission" shows.
    expect(r.body).toContain('<option value="">Any mission</option>');
    expect(r.body).not.toMatch(/<option value="[a-z-]+" selected>/);
    expect(r.body).toMatch(/<input[^>]*id="months"[^>]*value="24"/);
    const csv = await get('/horizon.csv?mission=health');
    expect(csv.statusCode).toBe(400);
    expect(csv.body).toContain('Mission must be one of the missions');
  });

  it('serves the CSV and the Atom feed of the mission', async () => {
    const csv = await get(`/horizon.csv?${QS}`);
    expect(csv.statusCode).toBe(200);
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines).toHaveLength(1 + NHS_24.length);
    expect(lines[0]).toContain(',missions,');

    const atom = await get(`/horizon.atom?${QS}`);
    expect(atom.statusCode).toBe(200);
    expect(XMLValidator.validate(atom.body)).toBe(true);
    const doc = new XMLParser().parse(atom.body);
    expect(doc.feed.title).toBe(
      'Horizon scan: contracts ending within 24 months (mission: Build an NHS fit for the future)',
    );
    const entries = [doc.feed.entry].flat() as Json[];
    expect(entries.map((e) => String(e.id).replace(/^.*\/contracts\//, '')).sort()).toEqual(NHS_24);
    expect(
      entries.every((e) => /missions: [^.]*Build an NHS fit for the future/.test(String(e.summary))),
    ).toBe(true);
  });

  it('offers the filter on the JSON API, documented, with a 400 for a bad id', async () => {
    const r = await get(`/api/horizon?${QS}&pageSize=100`);
    expect(r.statusCode).toBe(200);
    const body = r.json() as Json;
    expect(body.filters).toEqual({ mission: 'nhs' });
    expect(body.total).toBe(5);
    expect((body.items as Json[]).map((i) => i.ocid).sort()).toEqual(NHS_24);
    expect((body.items as Json[]).every((i) => (i.missions as Json[]).some((m) => m.id === 'nhs'))).toBe(
      true,
    );

    const bad = await get('/api/horizon?mission=health');
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as Json).error).toMatchObject({ code: 'BAD_REQUEST' });
    expect((bad.json() as Json).error.message).toBe(
      `mission: Mission must be one of the missions: ${MISSIONS}`,
    );

    const openapi = (await get('/api/openapi.json')).json() as Json;
    const params = openapi.paths['/api/horizon'].get.parameters as Json[];
    expect(params.find((p) => p.name === 'mission')).toMatchObject({ in: 'query', required: false });
    const item =
      openapi.paths['/api/horizon'].get.responses['200'].content['application/json'].schema.properties.items
        .items;
    expect(Object.keys(item.properties)).toContain('missions');
  });

  it('saves the mission with a search from the page and replays it in the search’s feed', async () => {
    const accounts = createAccountsService({ db: sample.t.db });
    await accounts.createUser({ email: 'nhs@example.gov.uk', name: 'nhs', password: PASSWORD }, 'test');
    const s = await accounts.startSession(await accounts.authenticate('nhs@example.gov.uk', PASSWORD));
    const cookie = `missionbuy-session=${s.token}`;
    const page = await get(`/horizon?${QS}`, cookie);
    expect(page.body).toContain('name="query" value="asOf=2026-06-01&amp;months=24&amp;mission=nhs"');
    const saved = await sample.app.inject({
      method: 'POST',
      url: '/saved-searches',
      payload: new URLSearchParams({
        _csrf: s.csrfToken,
        name: 'NHS',
        query: 'months=24&mission=nhs',
      }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    });
    expect(saved.statusCode).toBe(303);
    const id = Number(/saved=(\d+)/.exec(saved.headers.location as string)![1]);
    const list = await get('/saved-searches', cookie);
    expect(list.body).toContain('ending within 24 months, mission nhs');
    const show = await get(`/saved-searches/${id}`, cookie);
    expect(show.body).toContain(
      'href="/horizon?months=24&amp;basis=next&amp;mission=nhs&amp;sort=decision&amp;order=asc"',
    );
    const token = /\/saved-searches\/feed\/([A-Za-z0-9_-]{43})/.exec(show.body)![1]!;
    const feed = await get(`/saved-searches/feed/${token}`);
    expect(feed.statusCode).toBe(200);
    const doc = new XMLParser().parse(feed.body);
    expect(doc.feed.title).toBe(
      'NHS: contracts ending within 24 months (mission: Build an NHS fit for the future)',
    );
    // As of today (not 1 June 2026): the feed's entries are exactly the API's scan with the same mission.
    const today = (await get('/api/horizon?months=24&mission=nhs&pageSize=100')).json() as Json;
    const entries = doc.feed.entry === undefined ? [] : ([doc.feed.entry].flat() as Json[]);
    expect(entries.length).toBe(today.items.length);
    expect(entries.length).toBe(today.total);
  });
});
