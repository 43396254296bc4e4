// Paid-money pages, CSV, API and the LM3 form through the web app (Fastify inject), on Salford's real register and
// June 2022 spend file (test/fixtures/uk-more) in a fresh database: the page shows paid shares beside awarded
// shares with the chart's table; CSV has one row per supplier; the API validates and matches the page; bad input
// is a 400 with an error summary; the LM3 form needs an editor and the session's CSRF token, and is audited.
import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRegister } from '../../src/imports/register/import-register.js';
import { importSpend } from '../../src/imports/spend/import-spend.js';
import { createSuppliersService } from '../../src/services/suppliers/suppliers.service.js';
import { listAudit } from '../../src/store/audit.repository.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { addMembers, addOrganisation } from '../support/organisations.js';
import { buildTestApp } from '../support/sample-app.js';
import { sharedDataPath } from '../support/shared-data.js';
import { webSession } from '../support/web-session.js';

const PASSWORD = 'a long enough passphrase';
const JUNE = 'from=2022-06-01&to=2022-06-30';

describe('paid-money pages', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let salford = 0;

  beforeAll(async () => {
    t = await createTestDb();
    salford = await addOrganisation(t.db, 'Salford City Council');
    await t.db.updateTable('organisation').set({ region_code: 'UKD34' }).where('id', '=', salford).execute();
    await importRegister(
      t.db,
      sharedDataPath('uk-more/contract-registers/salford-contracts-register-2022-07.csv'),
      {
        organisationId: salford,
      },
    );
    await importSpend(t.db, [sharedDataPath('uk-more/spend/salford/2022-06.csv.gz')], {
      organisationId: salford,
    });
    await createSuppliersService({ db: t.db }).resolve();
    await addMembers(t.db, PASSWORD, [
      ['editor@salford.gov.uk', 'editor', salford],
      ['viewer@salford.gov.uk', 'viewer', salford],
    ]);
    app = await buildTestApp(t);
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('shows a buyer-month with shares, chart and table, and the same figures as CSV and JSON', async () => {
    const page = await app.inject(`/organisations/${salford}/spend?${JUNE}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Shares of paid money beside shares of awarded value');
    expect(page.body).toContain('<svg');
    expect(page.body).toContain('Largest suppliers (the chart’s figures)');
    expect(page.body).toContain('Largest off-contract suppliers');
    const api = await app.inject(`/api/spend?buyerId=${salford}&${JUNE}`);
    expect(api.statusCode).toBe(200);
    const profile = api.json();
    expect(profile.scope.label).toBe('Salford City Council');
    expect(profile.figures.payments).toBe(1809);
    const csv = await app.inject(`/organisations/${salford}/spend.csv?${JUNE}`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = parse(csv.body.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
    expect(rows.length).toBe(profile.figures.suppliers.length);
    const sum = rows.reduce((a, r) => a + Number(r.paid_gbp), 0);
    expect(sum).toBeCloseTo(profile.figures.amount, 0);
    // Unknown flags are empty cells, never "false".
    expect(rows.filter((r) => r.sme === '').length).toBe(
      profile.figures.suppliers.filter((s: { sme: unknown }) => s.sme === null).length,
    );
  });

  it('every table as CSV: categories, periods, regions and off-contract, each summing to the page’s figures', async () => {
    const profile = (await app.inject(`/api/spend?buyerId=${salford}&${JUNE}&period=quarter`)).json();
    const get = async (table: string) => {
      const r = await app.inject(`/organisations/${salford}/spend/${table}.csv?${JUNE}&period=quarter`);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-disposition']).toBe(`attachment; filename="paid-${table}.csv"`);
      return parse(r.body, { columns: true, bom: true }) as Record<string, string>[];
    };
    const total = (rows: Record<string, string>[], column = 'paid_gbp') =>
      rows.reduce((a, r) => a + Number(r[column]), 0);
    const categories = await get('categories');
    expect(categories.length).toBe(profile.figures.byCategory.length);
    expect(total(categories)).toBeCloseTo(profile.figures.amount, 2);
    const regions = await get('regions');
    expect(total(regions)).toBeCloseTo(profile.figures.amount, 2);
    const periods = await get('periods');
    expect(periods.map((r) => r.period)).toEqual(['2022-Q2']);
    expect(Number(periods[0]!.sme_paid_gbp)).toBeCloseTo(profile.figures.sme.byValue.numerator, 2);
    expect(Number(periods[0]!.local_unknown_gbp)).toBeCloseTo(profile.figures.local.unknownValue, 2);
    const off = await get('off-contract');
    expect(off.length).toBe(profile.matching.topOffContract.length);
    expect(total(off, 'paid_off_contract_gbp')).toBeCloseTo(profile.matching.offContract.amount, 2);
    expect(off.every((r) => r.scope === 'Salford City Council' && r.from === '2022-06-01')).toBe(true);
    const bad = await app.inject(`/organisations/${salford}/spend/periods.csv?period=week`);
    expect(bad.statusCode).toBe(400);
  });

  it('shows the place view and refuses bad input with an error summary', async () => {
    const place = await app.inject(`/places/TLD?${JUNE}`);
    expect(place.statusCode).toBe(200);
    expect(place.body).toContain('ITL region TLD');
    expect(place.body).toContain(`/organisations/${salford}/spend`);
    const bad = await app.inject(`/organisations/${salford}/spend?from=2022-13-01&period=week`);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('Period must be month, quarter or fy');
    expect((await app.inject('/places/XX9?from=2022-06-01')).statusCode).toBe(400);
    expect((await app.inject('/api/spend?place=TLD&buyerId=1')).statusCode).toBe(400);
    expect((await app.inject(`/api/spend?buyerId=999999&${JUNE}`)).statusCode).toBe(404);
  });

  it('LM3 form: sign-in required, viewers refused, CSRF checked, editors save (audited)', async () => {
    const url = `/organisations/${salford}/spend/lm3`;
    expect((await app.inject(url)).statusCode).toBe(303);
    const viewer = webSession(app);
    await viewer.signIn('viewer@salford.gov.uk', PASSWORD);
    expect((await viewer.get(url)).statusCode).toBe(403);
    const editor = webSession(app);
    await editor.signIn('editor@salford.gov.uk', PASSWORD);
    const form = await editor.get(`${url}?year=2022`);
    expect(form.statusCode).toBe(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const fields = {
      year: '2022',
      staffCosts: '1000000',
      localStaffCosts: '700000',
      defaultShare: '20',
      staffShare: '',
      shares: '',
    };
    expect((await editor.post(url, fields)).statusCode).toBe(403); // no CSRF token
    const invalid = await editor.post(url, { ...fields, _csrf: token, defaultShare: '120' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('Default re-spend share must be a per cent from 0 to 100');
    const saved = await editor.post(url, { ...fields, _csrf: token });
    expect(saved.statusCode).toBe(303);
    const again = await editor.get(saved.headers.location as string);
    expect(again.body).toContain('value="700000"');
    expect(again.body).toContain('value="20"');
    const audit = await listAudit(t.db, 'lm3', `${salford}/2022`);
    expect(audit.map((a) => a.actor)).toEqual(['editor@salford.gov.uk']);
    const api = (await app.inject(`/api/spend?buyerId=${salford}&${JUNE}`)).json();
    expect(api.lm3[0]).toMatchObject({ financialYear: 2022, entered: true, defaultShare: 0.2 });
  });
});
