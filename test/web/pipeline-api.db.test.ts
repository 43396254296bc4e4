// The pipeline JSON API on the real sample: published entries for anyone; writes need a session cookie and the
// session's CSRF token in X-CSRF-Token, an editor's role in that buyer, and the current version (409 otherwise).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountsService } from '../../src/services/accounts.service.js';
import { createSampleApp, organisationIdByName, type SampleApp } from '../support/sample-app.js';
import { cookieHeader, webSession } from '../support/web-session.js';

const PASSWORD = 'a long enough passphrase';

describe('pipeline API', () => {
  let sample: SampleApp;
  let derby: number;
  let etc: number;

  beforeAll(async () => {
    sample = await createSampleApp();
    derby = await organisationIdByName(sample.t, 'DERBY CITY COUNCIL');
    etc = await organisationIdByName(sample.t, 'The Education Training Collective');
    const accounts = createAccountsService({ db: sample.t.db });
    for (const [email, org] of [
      ['editor@derby.gov.uk', derby],
      ['editor@etc.ac.uk', etc],
    ] as const) {
      await accounts.createUser({ email, name: 'x', password: PASSWORD }, 'test');
      await accounts.grant({ email, role: 'editor', organisationId: org }, 'test');
    }
  }, 180_000);
  afterAll(() => sample.close());

  async function client(email: string) {
    const s = webSession(sample.app);
    await s.signIn(email, PASSWORD);
    const token = await s.token(`/organisations/${email.includes('derby') ? derby : etc}/pipeline/new`);
    return (method: 'POST' | 'PUT', url: string, body: object, csrf = token) =>
      sample.app.inject({
        method,
        url,
        payload: body,
        headers: { cookie: cookieHeader(s.jar), 'x-csrf-token': csrf },
      });
  }

  it('creates and updates entries for editors only, with CSRF and version checks', async () => {
    const derbyApi = await client('editor@derby.gov.uk');
    const body = {
      title: 'Library books',
      valueMax: '2500000',
      procurementStart: '2027-05-01',
      cpvCode: '22113000',
    };
    const anon = await sample.app.inject({
      method: 'POST',
      url: `/api/organisations/${derby}/pipeline`,
      payload: body,
    });
    expect(anon.statusCode).toBe(401);
    expect(
      (await derbyApi('POST', `/api/organisations/${derby}/pipeline`, body, 'x'.repeat(43))).statusCode,
    ).toBe(403);
    const bad = await derbyApi('POST', `/api/organisations/${derby}/pipeline`, { ...body, valueMax: 'lots' });
    expect(bad.statusCode).toBe(400);
    const created = await derbyApi('POST', `/api/organisations/${derby}/pipeline`, body);
    expect(created.statusCode).toBe(201);
    const entry = created.json();
    expect(entry).toMatchObject({
      title: 'Library books',
      version: 1,
      published: false,
      valueMax: '2500000',
    });
    expect(entry.createdBy).toBeUndefined();

    const etcApi = await client('editor@etc.ac.uk');
    expect(
      (await etcApi('PUT', `/api/pipeline/entries/${entry.id}`, { ...body, version: 1 })).statusCode,
    ).toBe(403);

    const hidden = await sample.app.inject({ method: 'GET', url: `/api/pipeline/entries/${entry.id}` });
    expect(hidden.statusCode).toBe(404);
    const v2 = await derbyApi('PUT', `/api/pipeline/entries/${entry.id}`, {
      ...body,
      published: true,
      version: 1,
    });
    expect(v2.statusCode).toBe(200);
    expect(v2.json().version).toBe(2);
    const stale = await derbyApi('PUT', `/api/pipeline/entries/${entry.id}`, {
      ...body,
      title: 'Lost?',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('CONFLICT');

    const pub = await sample.app.inject({ method: 'GET', url: `/api/pipeline/entries/${entry.id}` });
    expect(pub.json()).toMatchObject({ title: 'Library books', version: 2, published: true });
    const list = await sample.app.inject({ method: 'GET', url: `/api/organisations/${derby}/pipeline` });
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: entry.id }] });
    const central = await sample.app.inject({
      method: 'GET',
      url: '/api/pipeline?cpv=2211&valueFrom=2000000',
    });
    expect(central.json().items.map((i: { id: number }) => i.id)).toEqual([entry.id]);
    const none = await sample.app.inject({ method: 'GET', url: '/api/pipeline?startFrom=2028-01-01' });
    expect(none.json().total).toBe(0);
    expect((await sample.app.inject({ method: 'GET', url: '/api/pipeline?cpv=ab' })).statusCode).toBe(400);
    const openapi = (await sample.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        '/api/pipeline',
        '/api/pipeline/entries/{entryId}',
        '/api/organisations/{id}/pipeline',
      ]),
    );
  });
});
