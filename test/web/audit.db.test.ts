// The audit log page (docs/accounts.md, "Audit"): admins only; filters; each change with the fields it touched.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedFields, parseAuditQuery } from '../../src/services/audit.service.js';
import { createAccountsService } from '../../src/services/accounts.service.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { buildTestApp } from '../support/sample-app.js';
import { webSession } from '../support/web-session.js';

const PASSWORD = 'correct horse battery staple';

describe('which fields a change touched', () => {
  it('compares the top-level fields as JSON, creation and deletion included', () => {
    expect(changedFields({ role: 'viewer', at: 1 }, { role: 'editor', at: 1 })).toEqual([
      { field: 'role', before: 'viewer', after: 'editor' },
    ]);
    expect(changedFields(null, { a: 1 })).toEqual([{ field: 'a', before: undefined, after: 1 }]);
    expect(changedFields({ a: [1, 2] }, null)).toEqual([{ field: 'a', before: [1, 2], after: undefined }]);
    expect(changedFields({ a: { x: 1 } }, { a: { x: 1 } })).toEqual([]);
    expect(changedFields('draft', 'published')).toEqual([
      { field: 'value', before: 'draft', after: 'published' },
    ]);
  });

  it('checks the query', () => {
    expect(parseAuditQuery({ entityType: ' user ', page: '2' })).toEqual({
      entityType: 'user',
      entityId: undefined,
      actor: undefined,
      page: 2,
    });
    expect(() => parseAuditQuery({ page: '0' })).toThrow(/page/);
    expect(() => parseAuditQuery({ actor: 'x'.repeat(301) })).toThrow(/actor: at most 300/);
  });
});

describe('the audit log page', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let centralId: number;

  beforeAll(async () => {
    t = await createTestDb();
    app = await buildTestApp(t);
    const accounts = createAccountsService({ db: t.db });
    await accounts.createUser(
      { email: 'admin@example.gov.uk', name: 'Admin', password: PASSWORD },
      'cli:test',
    );
    await accounts.grant({ email: 'admin@example.gov.uk', role: 'admin' }, 'cli:test');
    const central = await accounts.createUser(
      { email: 'central@example.gov.uk', name: 'Central', password: PASSWORD },
      'cli:test',
    );
    centralId = central.id;
    await accounts.grant({ email: 'central@example.gov.uk', role: 'central' }, 'admin@example.gov.uk');
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('sends a signed-out visitor to sign in and refuses anyone but an admin', async () => {
    const anonymous = await webSession(app).get('/admin/audit');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/login?next=%2Fadmin%2Faudit');
    const central = webSession(app);
    await central.signIn('central@example.gov.uk', PASSWORD);
    expect((await central.get('/admin/audit')).statusCode).toBe(403);
  });

  it('shows every change, newest first, filtered by entity and by who made it', async () => {
    const admin = webSession(app);
    await admin.signIn('admin@example.gov.uk', PASSWORD);
    const all = await admin.get('/admin/audit');
    expect(all.statusCode).toBe(200);
    // 2 users created, 2 roles granted, and the two sign-ins.
    expect(all.body).toContain('6 change(s).');
    const one = await admin.get(`/admin/audit?entityType=user&entityId=${centralId}&actor=ADMIN@`);
    expect(one.body).toContain('1 change(s).');
    expect(one.body).toMatch(/grant/);
    expect(one.body).toContain('central');
    expect((await admin.get('/admin/audit?actor=nobody')).body).toContain('No changes match.');
    const bad = await admin.get('/admin/audit?page=0');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('There is a problem');
  });
});
