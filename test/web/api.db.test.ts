// The JSON API and the CSV export on the real Find a Tender sample, through Fastify's inject (no network).
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { ingestPaths } from '../../src/ocds/pipeline.js';
import { repoPath } from '../../src/paths.js';
import { createAccountsService } from '../../src/services/accounts.service.js';
import { createServices } from '../../src/services/index.js';
import { buildApp } from '../../src/web/app.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { signInAs } from '../support/web-session.js';

const PASSWORD = 'a long enough passphrase';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed responses

describe('API', () => {
  let t: TestDb;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createTestDb();
    await ingestPaths(t.db, [repoPath('data/sample/find-a-tender')], { source: 'fts' });
    const config = loadConfig({}, { databaseUrl: t.url });
    const log = createLogger('warn');
    app = await buildApp({ config, services: createServices({ db: t.db, config, log }), log });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const get = async (url: string) => {
    const r = await app.inject({ method: 'GET', url });
    return {
      status: r.statusCode,
      type: r.headers['content-type'],
      body: r.body,
      json: () => r.json() as Json,
    };
  };

  it('lists, filters and sorts contracts', async () => {
    const all = (await get('/api/contracts')).json();
    expect(all.total).toBe(all.items.length);
    const found = (await get('/api/contracts?q=district+heating')).json();
    expect(found.items.map((i: Json) => i.ocid)).toContain('ocds-h6vhtk-067fb8');
    const byValue = (await get('/api/contracts?sort=value&order=desc')).json();
    const amounts = byValue.items.filter((i: Json) => i.value).map((i: Json) => Number(i.value.amount));
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
  });

  it('answers one contract, its record package and its releases', async () => {
    const c = (await get('/api/contracts/ocds-h6vhtk-067fb8')).json();
    expect(c.title).toBe('HARROGATE TOWN DISTRICT HEATING PROJECT - Feasibility Study');
    expect(c.buyer.name).toBe('Harrogate Town Council');
    const pkg = (await get('/api/contracts/ocds-h6vhtk-067fb8/record')).json();
    expect(pkg.records[0].compiledRelease.ocid).toBe('ocds-h6vhtk-067fb8');
    expect(pkg.records[0].releases).toHaveLength(1);
  });

  it('says clearly what is wrong', async () => {
    const missing = await get('/api/contracts/ocds-nope-1');
    expect(missing.status).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
    const bad = await get('/api/contracts?sort=cheapest');
    expect(bad.status).toBe(400);
    expect(bad.json().error.message).toMatch(/sort/);
    const page = await get('/contracts/ocds-nope-1');
    expect(page.status).toBe(404);
    expect(page.body).toContain('ocds-nope-1');
  });

  it('describes itself in OpenAPI', async () => {
    const doc = (await get('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/contracts', '/api/contracts/{ocid}', '/api/contracts/{ocid}/record']),
    );
  });

  it('exports the filtered list as CSV', async () => {
    const csv = await get('/contracts.csv?q=district+heating');
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/text\/csv/);
    const lines = csv.body.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.some((l) => l.includes('ocds-h6vhtk-067fb8'))).toBe(true);
  });

  it('shows the sync status to central teams and admins only', async () => {
    expect((await get('/admin/sync')).status).toBe(303);
    expect((await get('/api/sync')).status).toBe(401);
    const accounts = createAccountsService({ db: t.db });
    for (const [email, role] of [
      ['central@example.gov.uk', 'central'],
      ['viewer@example.gov.uk', 'viewer'],
    ] as const) {
      await accounts.createUser({ email, name: role, password: PASSWORD }, 'test');
      await accounts.grant({ email, role, ...(role === 'viewer' ? { organisationId: 1 } : {}) }, 'test');
    }
    const viewer = await signInAs(app, PASSWORD)('viewer@example.gov.uk');
    expect((await viewer.get('/admin/sync')).statusCode).toBe(403);
    expect((await viewer.get('/api/sync')).statusCode).toBe(403);
    const central = await signInAs(app, PASSWORD)('central@example.gov.uk');
    const page = await central.get('/admin/sync');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Find a Tender');
    const api = await central.get('/api/sync');
    expect(api.statusCode).toBe(200);
    expect((JSON.parse(api.body) as { source: string }[]).map((s) => s.source)).toContain('fts');
  });
});
