// The import pages and API through the web app (Fastify inject) on real files: the Lancashire councils' Contracts
// Finder export (test/fixtures/uk-more, from shared/data/uk-more) and Salford's contract register. Who sees what
// (imports.read): central sees every run, a member sees their organisation's runs only, signed out sees none.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importNotices } from '../../src/imports/notices/import-notices.js';
import { importRegister } from '../../src/imports/register/import-register.js';
import { createAccountsService } from '../../src/services/accounts.service.js';
import type { FastifyInstance } from 'fastify';
import { createTestDb, type TestDb } from '../support/db.js';
import { addOrganisation } from '../support/organisations.js';
import { buildTestApp } from '../support/sample-app.js';
import { sharedDataPath } from '../support/shared-data.js';

const PASSWORD = 'a long enough passphrase';
const cf = (name: string) => sharedDataPath('uk-more', 'contracts-finder-lancashire', name);

describe('import pages and API', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let lancs: number;
  let salford: number;
  const runs: Record<string, number> = {};
  const cookies: Record<string, string> = {};

  const get = (url: string, who?: string) =>
    app.inject({ method: 'GET', url, headers: who ? { cookie: `missionbuy-session=${cookies[who]}` } : {} });

  beforeAll(async () => {
    t = await createTestDb();
    lancs = await addOrganisation(t.db, 'Lancashire County Council');
    salford = await addOrganisation(t.db, 'Salford City Council');
    await importNotices(t.db, cf('cf-notices-lancashire-councils.csv'), { organisationId: lancs });
    // The same notices again in the other serialisation: every one of its 978 rows is quarantined as stored.
    await importNotices(t.db, cf('cf-notices-lancashire-councils.jsonl.gz'), { organisationId: lancs });
    await importRegister(
      t.db,
      sharedDataPath('uk-more', 'contract-registers', 'salford-contracts-register-2022-07.csv'),
      {
        organisationId: salford,
      },
    );
    for (const r of await t.db.selectFrom('import_run').select(['id', 'kind', 'file']).execute()) {
      runs[r.file.endsWith('.gz') ? 'jsonl' : r.kind] = Number(r.id);
    }
    const accounts = createAccountsService({ db: t.db });
    for (const [email, role, organisationId] of [
      ['central@cabinetoffice.gov.uk', 'central', undefined],
      ['viewer@lancashire.gov.uk', 'viewer', lancs],
      ['nobody@example.gov.uk', null, undefined],
    ] as const) {
      await accounts.createUser({ email, name: email.split('@')[0]!, password: PASSWORD }, 'test');
      if (role) await accounts.grant({ email, role, ...(organisationId ? { organisationId } : {}) }, 'test');
      const session = await accounts.startSession(await accounts.authenticate(email, PASSWORD));
      cookies[email.split('@')[0]!] = session.token;
    }
    app = await buildTestApp(t);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('signed out: the pages send you to sign in, the API answers 401', async () => {
    const page = await get('/imports');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/login?next=%2Fimports');
    expect((await get(`/api/imports/${runs.notices}`)).statusCode).toBe(401);
  });

  it('central sees every organisation’s runs; kind filters', async () => {
    const all = (await get('/api/imports', 'central')).json();
    expect(all).toMatchObject({ scope: 'all', total: 3 });
    for (const r of all.runs) expect(r.kept + r.quarantined).toBe(r.rows);
    const notices = (await get('/api/imports?kind=notices', 'central')).json();
    expect(notices.runs.map((r: { id: number }) => r.id).sort()).toEqual([runs.notices, runs.jsonl].sort());
    const page = await get('/imports', 'central');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('salford-contracts-register-2022-07.csv');
    expect(page.body).toContain('cf-notices-lancashire-councils.jsonl.gz');
  });

  it('a member sees their organisation’s runs only, and not another organisation’s run', async () => {
    const own = (await get('/api/imports', 'viewer')).json();
    expect(own.scope).toBe('own');
    expect(own.runs.map((r: { organisation: { id: number } }) => r.organisation.id)).toEqual([lancs, lancs]);
    expect((await get(`/api/imports/${runs.register}`, 'viewer')).statusCode).toBe(403);
    expect((await get(`/imports/${runs.register}`, 'viewer')).statusCode).toBe(403);
    expect((await get(`/api/imports?organisationId=${salford}`, 'viewer')).statusCode).toBe(403);
    expect((await get(`/api/imports/${runs.notices}`, 'viewer')).statusCode).toBe(200);
    expect((await get('/api/imports', 'nobody')).statusCode).toBe(403);
  });

  it('a run shows how each column was mapped, its counts, and every rejected row page by page', async () => {
    const first = (await get(`/api/imports/${runs.jsonl}?pageSize=500`, 'central')).json();
    expect(first.run).toMatchObject({ kind: 'notices', rows: 978, kept: 0, quarantined: 978 });
    expect(first.mapping.find((m: { header: string }) => m.header === 'awarded_supplier')).toMatchObject({
      field: 'supplierName',
    });
    expect(first.reasons).toEqual([{ reason: 'notice … already stored for this buyer …', rows: 978 }]);
    expect(first.rejected.rows).toHaveLength(500);
    expect(first.rejected.rows[0].excerpt).toMatch(/^\{"id": ?"[0-9a-f-]{36}", ?"title"/); // the row as published
    const second = (await get(`/api/imports/${runs.jsonl}?pageSize=500&page=2`, 'central')).json();
    const lines = [...first.rejected.rows, ...second.rejected.rows].map((r: { line: number }) => r.line);
    expect(lines).toEqual(Array.from({ length: 978 }, (_, i) => i + 1)); // one JSON object per line
    const page = await get(`/imports/${runs.jsonl}?page=20`, 'central');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Rows 951 to 978 of 978.');
    expect((await get(`/imports/${runs.jsonl}?page=21`, 'central')).statusCode).toBe(400);
    expect(page.body).toContain('How each column was mapped');
    expect(page.body).toMatch(/awarded_supplier<\/td>\s*<td class="govuk-table__cell">supplierName/);
  });

  it('as CSV, every row: the runs one may read, a run’s 978 rejected rows, a buyer’s 83 local contracts', async () => {
    const csv = (body: string) => parse(body, { columns: true, bom: true }) as Record<string, string>[];
    expect((await get('/imports.csv')).statusCode).toBe(303);
    const all = csv((await get('/imports.csv', 'central')).body);
    expect(all.map((r) => Number(r.run_id)).sort()).toEqual(Object.values(runs).sort());
    const own = csv((await get('/imports.csv', 'viewer')).body);
    expect(new Set(own.map((r) => Number(r.organisation_id)))).toEqual(new Set([lancs]));
    const byKind = csv((await get('/imports.csv?kind=register', 'central')).body);
    expect(byKind.map((r) => [Number(r.run_id), r.kind, r.rows])).toEqual([
      [runs.register, 'register', '280'],
    ]);

    const rejected = await get(`/imports/${runs.jsonl}/rejected.csv`, 'central');
    expect(rejected.headers['content-disposition']).toBe(
      `attachment; filename="import-${runs.jsonl}-rejected.csv"`,
    );
    const rows = csv(rejected.body);
    expect(rows.map((r) => Number(r.line))).toEqual(Array.from({ length: 978 }, (_, i) => i + 1));
    expect(rows[0]!.excerpt).toMatch(/^\{"id": ?"[0-9a-f-]{36}", ?"title"/);
    expect((await get(`/imports/${runs.register}/rejected.csv`, 'viewer')).statusCode).toBe(403);

    // The export's rows go to the council each names (docs/local-data.md): 83 name Lancashire County Council.
    const contracts = csv((await get(`/organisations/${lancs}/local-contracts.csv`)).body);
    expect(contracts).toHaveLength(83);
    expect(contracts.every((c) => c.source === 'contracts-finder-export')).toBe(true);
  });

  it('a run with no rejected rows says so; bad paging is a 400', async () => {
    const register = await get(`/imports/${runs.register}`, 'central');
    expect(register.body).toContain('Contract register');
    const notices = (await get(`/api/imports/${runs.notices}`, 'central')).json();
    expect(notices.rejected.rows).toEqual([
      expect.objectContaining({
        reason: expect.stringMatching(/^notice b8258fbe-\S+ repeats line \d+ of this file$/),
      }),
    ]);
    expect((await get(`/api/imports/${runs.notices}?pageSize=7`, 'central')).statusCode).toBe(400);
    expect((await get(`/imports/${runs.notices}?page=0`, 'central')).statusCode).toBe(400);
    expect((await get('/api/imports/999999', 'central')).statusCode).toBe(404);
  });

  it('lists a buyer’s contracts from registers and notice exports with their source, public', async () => {
    const lan = (await get(`/api/organisations/${lancs}/local-contracts?pageSize=25`)).json();
    // The export's rows that name Lancashire County Council (the other councils' rows are theirs).
    expect(lan).toMatchObject({ total: 83, page: 1, pageSize: 25 });
    expect(lan.contracts[0]).toMatchObject({ source: 'contracts-finder-export', ocds_ocid: null });
    expect(lan.contracts[0].source_file).toMatch(/cf-notices-lancashire-councils\.csv$/);
    const sal = (await get(`/api/organisations/${salford}/local-contracts`)).json();
    expect(sal.total).toBe(
      Number(
        (
          await t.db
            .selectFrom('register_contract')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('buyer_id', '=', salford)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
    expect(sal.contracts.every((c: { source: string }) => c.source === 'register')).toBe(true);
    const page = await get(`/organisations/${lancs}/local-contracts`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Contracts from local files, newest first (83)');
    expect((await get('/organisations/999999/local-contracts')).statusCode).toBe(404);
  });
});
