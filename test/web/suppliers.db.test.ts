// Supplier pages and API on the real sample plus Salford's contract register 2022-07 and one Salford spend file
// (test/fixtures/uk-more): list, review list, one supplier with its evidence, and the merge/split form — shown only
// to the central team and admins, CSRF-checked, validated with an error summary, and applied at once.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRegister } from '../../src/imports/register/import-register.js';
import { importSpend } from '../../src/imports/spend/import-spend.js';
import { createAccountsService } from '../../src/services/accounts.service.js';
import { createSuppliersService } from '../../src/services/suppliers/suppliers.service.js';
import { addOrganisation } from '../support/organisations.js';
import { createSampleApp, type SampleApp } from '../support/sample-app.js';
import { sharedDataPath } from '../support/shared-data.js';
import { csrfOf, webSession } from '../support/web-session.js';

const PASSWORD = 'a long enough passphrase';

describe('supplier pages and API', () => {
  let sample: SampleApp;
  let whistl: { key: string; supplier_id: number };

  beforeAll(async () => {
    sample = await createSampleApp();
    const db = sample.t.db;
    const salford = await addOrganisation(db, 'Salford City Council');
    await importRegister(
      db,
      sharedDataPath('uk-more/contract-registers/salford-contracts-register-2022-07.csv'),
      {
        organisationId: salford,
      },
    );
    await importSpend(db, [sharedDataPath('uk-more/spend/salford/2021-06.csv.gz')], {
      organisationId: salford,
    });
    await createSuppliersService({ db }).resolve();
    whistl = await db
      .selectFrom('supplier_source')
      .select(['key', 'supplier_id'])
      .where('kind', '=', 'register')
      .where('name', '=', 'Whistl UK Limited')
      .executeTakeFirstOrThrow();
    const accounts = createAccountsService({ db });
    await accounts.createUser({ email: 'admin@example.gov.uk', name: 'Admin', password: PASSWORD }, 'test');
    await accounts.grant({ email: 'admin@example.gov.uk', role: 'admin' }, 'test');
  }, 300_000);
  afterAll(() => sample.close());

  it('lists suppliers with sortable headers and pages, and rejects an unknown sort', async () => {
    const r = await sample.app.inject({ method: 'GET', url: '/suppliers?sort=name' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<h1 class="govuk-heading-l">Suppliers</h1>');
    expect(r.body).toContain('aria-sort="ascending"');
    expect(r.body).toContain('Suppliers pages');
    expect((await sample.app.inject({ method: 'GET', url: '/suppliers?sort=size' })).statusCode).toBe(400);
    const found = await sample.app.inject({ method: 'GET', url: '/suppliers?q=whistl' });
    expect(found.body).toContain(`/suppliers/${whistl.supplier_id}`);
  });

  it('lists unresolved payees for review, most money first', async () => {
    const r = await sample.app.inject({ method: 'GET', url: '/suppliers/unresolved' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('Unresolved payees');
    expect(r.body).toMatch(/Review supplier \d+/);
    const api = (
      await sample.app.inject({ method: 'GET', url: '/api/suppliers/unresolved?pageSize=5' })
    ).json();
    expect(api.rows).toHaveLength(5);
    const amounts = api.rows.map((x: { amount: string }) => Number(x.amount));
    expect([...amounts].sort((a, b) => b - a)).toEqual(amounts);
  });

  it('both lists as CSV, every row in the page’s order and filter', async () => {
    const csv = async (url: string) => {
      const r = await sample.app.inject({ method: 'GET', url });
      expect(r.statusCode).toBe(200);
      return parse(r.body, { columns: true, bom: true }) as Record<string, string>[];
    };
    const api = (await sample.app.inject({ method: 'GET', url: '/api/suppliers?q=whistl' })).json();
    const found = await csv('/suppliers.csv?q=whistl');
    expect(found.map((r) => Number(r.supplier_id))).toEqual(api.rows.map((x: { id: number }) => x.id));
    expect(found.length).toBe(api.total);
    const all = await csv('/suppliers.csv?sort=name');
    const total = (await sample.app.inject({ method: 'GET', url: '/api/suppliers?pageSize=1' })).json().total;
    expect(all.length).toBe(total);
    expect(total).toBeGreaterThan(200); // more than the largest page
    const payees = await csv('/suppliers/unresolved.csv');
    const first = (
      await sample.app.inject({ method: 'GET', url: '/api/suppliers/unresolved?pageSize=5' })
    ).json();
    expect(payees.length).toBe(first.total);
    expect(payees.slice(0, 5).map((r) => r.source_key)).toEqual(
      first.rows.map((x: { key: string }) => x.key),
    );
    expect((await sample.app.inject({ method: 'GET', url: '/suppliers.csv?sort=size' })).statusCode).toBe(
      400,
    );
  });

  it('shows a supplier with its names, identifiers, sources and evidence; no form when signed out', async () => {
    const r = await sample.app.inject({ method: 'GET', url: `/suppliers/${whistl.supplier_id}` });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('GB-COH-04417047');
    expect(r.body).toContain('Whistl Uk Ltd');
    expect(r.body).toContain('Same name at the same buyer: name whistl uk');
    expect(r.body).not.toContain('Merge or split');
    const api = (
      await sample.app.inject({ method: 'GET', url: `/api/suppliers/${whistl.supplier_id}` })
    ).json();
    expect(api.supplier.identifiers).toContain('GB-COH-04417047');
    expect(api.sources.find((s: { kind: string }) => s.kind === 'spend').evidence.rule).toBe(
      'name-same-buyer',
    );
    expect((await sample.app.inject({ method: 'GET', url: '/api/suppliers/999999999' })).statusCode).toBe(
      404,
    );
  });

  it('lets an admin split a source out with a CSRF-checked, validated form', async () => {
    const pay = await sample.t.db
      .selectFrom('supplier_source')
      .select('key')
      .where('kind', '=', 'spend')
      .where('supplier_id', '=', whistl.supplier_id)
      .executeTakeFirstOrThrow();
    const anonymous = webSession(sample.app);
    const url = `/suppliers/${whistl.supplier_id}/overrides`;
    const fields = { kind: 'split', sourceKey: pay.key, otherKey: '', reason: 'A different Whistl (test)' };
    expect((await anonymous.post(url, fields)).statusCode).toBe(403); // no CSRF token

    const admin = webSession(sample.app);
    await admin.signIn('admin@example.gov.uk', PASSWORD);
    const page = await admin.get(`/suppliers/${whistl.supplier_id}`);
    expect(page.body).toContain('Merge or split');
    const token = csrfOf(page.body) ?? '';
    const invalid = await admin.post(url, { ...fields, reason: '', _csrf: token });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('There is a problem');
    expect(invalid.body).toContain('href="#reason"');

    const done = await admin.post(url, { ...fields, _csrf: token });
    expect(done.statusCode).toBe(303);
    const target = String(done.headers.location);
    expect(target).not.toContain(`/suppliers/${whistl.supplier_id}#`);
    const after = await admin.get(target.split('#')[0]!);
    expect(after.body).toContain('Split out by an admin');
    expect(after.body).toContain('admin@example.gov.uk');
  });
});
