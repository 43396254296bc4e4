// Saved searches through the web app (Fastify inject) on the real sample: saving the horizon page's filters with
// the form (and not without its CSRF token), the list and the header, the Atom feed read by its token alone and
// revoked by a new one, another user kept out of my search on the pages and the API, and the signed-in JSON API
// with its X-CSRF-Token header.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountsService } from '../../src/services/accounts.service.js';
import { createSampleApp, type SampleApp } from '../support/sample-app.js';

const PASSWORD = 'a long enough passphrase';

interface Session {
  cookie: string;
  csrf: string;
}

describe('saved searches on the web', () => {
  let sample: SampleApp;
  let alice: Session;
  let bob: Session;

  async function signIn(email: string): Promise<Session> {
    const accounts = createAccountsService({ db: sample.t.db });
    await accounts.createUser({ email, name: email.split('@')[0]!, password: PASSWORD }, 'test');
    const s = await accounts.startSession(await accounts.authenticate(email, PASSWORD));
    return { cookie: `missionbuy-session=${s.token}`, csrf: s.csrfToken };
  }

  const get = (url: string, who?: Session) =>
    sample.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
  const post = (url: string, who: Session, fields: Record<string, string>) =>
    sample.app.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams(fields).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: who.cookie },
    });
  const api = (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    who?: Session,
    body?: object,
    csrf = true,
  ) =>
    sample.app.inject({
      method,
      url,
      ...(body ? { payload: body } : {}),
      headers: {
        ...(who ? { cookie: who.cookie } : {}),
        ...(who && csrf ? { 'x-csrf-token': who.csrf } : {}),
      },
    });

  beforeAll(async () => {
    sample = await createSampleApp();
    alice = await signIn('alice@example.gov.uk');
    bob = await signIn('bob@example.gov.uk');
  }, 180_000);
  afterAll(() => sample?.close());

  let id = 0;
  let feed = '';

  it('saves the horizon page’s filters from its form, only with the CSRF token', async () => {
    const page = await get('/horizon?months=24&cpv=45', alice);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="query" value="months=24&amp;cpv=45"');
    expect(page.body).toMatch(/href="\/alerts">Alerts/);
    const signedOut = await get('/horizon?months=24');
    expect(signedOut.body).toContain('to save this search');

    const forged = await post('/saved-searches', alice, { name: 'Works', query: 'months=24&cpv=45' });
    expect(forged.statusCode).toBe(403);
    const empty = await post('/saved-searches', alice, { _csrf: alice.csrf, name: ' ', query: 'months=24' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter a name for the search');

    const r = await post('/saved-searches', alice, {
      _csrf: alice.csrf,
      name: 'Works',
      query: 'months=24&cpv=45',
    });
    expect(r.statusCode).toBe(303);
    id = Number(/saved=(\d+)/.exec(r.headers.location as string)![1]);
    const list = await get('/saved-searches', alice);
    expect(list.body).toContain(`<a class="govuk-link" href="/saved-searches/${id}">Works</a>`);
    expect(list.body).toContain('ending within 24 months, CPV 45');
    const show = await get(`/saved-searches/${id}`, alice);
    expect(show.statusCode).toBe(200);
    expect(show.body).toContain(
      'href="/horizon?months=24&amp;basis=next&amp;cpv=45&amp;sort=decision&amp;order=asc"',
    );
    feed = /\/saved-searches\/feed\/([A-Za-z0-9_-]{43})/.exec(show.body)![1]!;
  });

  it('serves the feed to anyone with its address, and a new address revokes the old', async () => {
    const r = await get(`/saved-searches/feed/${feed}`);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/^application\/atom\+xml/);
    expect(XMLValidator.validate(r.body)).toBe(true);
    const doc = new XMLParser().parse(r.body);
    expect(doc.feed.title).toBe('Works: contracts ending within 24 months');
    const scan = JSON.parse((await get('/api/horizon?months=24&cpv=45&pageSize=100')).body);
    const entries = doc.feed.entry === undefined ? [] : [doc.feed.entry].flat();
    expect(entries.length).toBe(scan.items.length);

    expect((await post(`/saved-searches/${id}/feed-token`, alice, { _csrf: alice.csrf })).statusCode).toBe(
      303,
    );
    expect((await get(`/saved-searches/feed/${feed}`)).statusCode).toBe(404);
  });

  it('keeps another user out of my search on the pages', async () => {
    expect((await get(`/saved-searches/${id}`, bob)).statusCode).toBe(403);
    expect((await post(`/saved-searches/${id}/delete`, bob, { _csrf: bob.csrf })).statusCode).toBe(403);
    expect(
      (await post(`/saved-searches/${id}/rename`, bob, { _csrf: bob.csrf, name: 'Bob’s' })).statusCode,
    ).toBe(403);
    expect((await get('/saved-searches', bob)).body).not.toContain('Works');
    expect((await get(`/saved-searches/${id}`, alice)).body).toContain('Works');
    expect((await get('/saved-searches')).statusCode).toBe(303);
  });

  it('offers the same through the signed-in JSON API, with X-CSRF-Token for changes', async () => {
    expect((await api('GET', '/api/saved-searches')).statusCode).toBe(401);
    const list = await api('GET', '/api/saved-searches', alice);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((s: { name: string }) => s.name)).toEqual(['Works']);
    expect(list.json().csrfToken).toBe(alice.csrf);

    const body = { name: 'Digital, UKE', query: { months: 18, cpv: '72', region: 'TLE' } };
    expect((await api('POST', '/api/saved-searches', alice, body, false)).statusCode).toBe(403);
    const made = await api('POST', '/api/saved-searches', alice, body);
    expect(made.statusCode).toBe(201);
    const s = made.json();
    expect(s.query).toMatchObject({ months: 18, cpv: '72', region: 'UKE' });
    expect(s.feedUrl).toMatch(/\/saved-searches\/feed\/[A-Za-z0-9_-]{43}$/);
    expect((await api('POST', '/api/saved-searches', alice, body)).statusCode).toBe(409);
    expect(
      (await api('POST', '/api/saved-searches', alice, { name: 'x', query: { months: 99 } })).statusCode,
    ).toBe(400);

    expect((await api('GET', `/api/saved-searches/${s.id}`, bob)).statusCode).toBe(403);
    expect((await api('DELETE', `/api/saved-searches/${s.id}`, bob)).statusCode).toBe(403);
    const renamed = await api('PATCH', `/api/saved-searches/${s.id}`, alice, { name: 'Digital' });
    expect(renamed.json().name).toBe('Digital');
    const alerts = await api('GET', `/api/saved-searches/${s.id}/alerts`, alice);
    expect(alerts.statusCode).toBe(200);
    expect(alerts.json()).toMatchObject({ total: 0, items: [] });
    expect((await api('DELETE', `/api/saved-searches/${s.id}`, alice)).statusCode).toBe(204);
    expect((await api('GET', `/api/saved-searches/${s.id}`, alice)).statusCode).toBe(404);
  });
});
