// Contract-register contracts on the horizon scan (issue 9, item 1; docs/horizon-scan.md, "Sources"), beside the OCDS
// sample: Salford City Council's real register (test/fixtures/uk-more/contract-registers, a byte-for-byte copy of
// shared/data/uk-more/contract-registers/salford-contracts-register-2022-07.csv) imported for a buyer. The golden
// rows are read off the file by hand; the window's count is computed here from the stored register rows.
import { readFileSync } from 'node:fs';
import { text } from 'node:stream/consumers';
import { XMLValidator } from 'fast-xml-parser';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHorizon } from '../../src/cli/commands/horizon.js';
import { findHorizonAlerts } from '../../src/analytics/horizon/index.js';
import { leadTimesOn, ukDay } from '../../src/domain/rules/index.js';
import { importRegister } from '../../src/imports/register/import-register.js';
import { repoPath } from '../../src/paths.js';
import { createHorizonService, type HorizonService } from '../../src/services/horizon/horizon.service.js';
import { createSampleDb, type TestDb } from '../support/db.js';
import { addOrganisation } from '../support/organisations.js';
import { buildTestApp } from '../support/sample-app.js';

const FILE = repoPath('test/fixtures/uk-more/contract-registers/salford-contracts-register-2022-07.csv');
const AS_OF = '2022-07-01';

async function registerEntries(t: TestDb): Promise<number> {
  const r = await sql<{
    n: string;
  }>`select count(*) as n from horizon_entry where source = 'register'`.execute(t.db);
  return Number(r.rows[0]!.n);
}

type Input = Parameters<HorizonService['queryOrThrow']>[0];

/** Every item of a scan, page by page. */
async function allItems(horizon: HorizonService, input: Input) {
  const items = [];
  for (let page = 1; ; page += 1) {
    const s = await horizon.scan(horizon.queryOrThrow({ ...input, page, pageSize: 100 }));
    items.push(...s.items);
    if (page * 100 >= s.total) return { total: s.total, items };
  }
}

describe('horizon scan: contract-register contracts', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let horizon: HorizonService;
  let salford: number;
  let importedOn: string;

  beforeAll(async () => {
    t = await createSampleDb();
    salford = await addOrganisation(t.db, 'Salford City Council');
    const s = await importRegister(t.db, FILE, { organisationId: salford });
    expect(s.status).toBe('imported');
    importedOn = ukDay(new Date())!;
    horizon = createHorizonService({ db: t.db, today: () => AS_OF });
    app = await buildTestApp(t);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('writes one horizon row per register contract with an end or current expiry, at import', async () => {
    const dated = await sql<{ n: string }>`select count(*) as n from register_contract
      where buyer_id = ${salford} and coalesce(current_expiry, end_date) is not null`.execute(t.db);
    expect(Number(dated.rows[0]!.n)).toBeGreaterThan(100);
    expect(await registerEntries(t)).toBe(Number(dated.rows[0]!.n));
  });

  it('lists the buyer’s register contracts ending in the window, with their source, value and decision date', async () => {
    const last = '2023-07-01';
    const expected = await sql<{ id: string }>`select id from register_contract
      where buyer_id = ${salford} and coalesce(current_expiry, end_date) between ${AS_OF}::date and ${last}::date`.execute(
      t.db,
    );
    const scan = await allItems(horizon, { buyerId: salford, basis: 'end', months: 12 });
    expect(scan.total).toBe(expected.rows.length);
    expect(scan.items).toHaveLength(expected.rows.length);
    const ids = scan.items.map((i) => (i.source.kind === 'register' ? i.source.registerContractId : null));
    expect(ids.sort()).toEqual(expected.rows.map((r) => Number(r.id)).sort());

    // Line 10: Place,Other,Salford City Council,S1157,Appointment of a Project and Programme Manager,…,AECOM,M1 4HD,
    // 100000.00,180000.00,No,2019-04-01,2022-10-31,24,12,1,Yes,N/A,2022-10-31,… — ends 31 Oct 2022, option to extend
    // 12 months: latest possible end 31 Oct 2023; £180,000 is under £1m, so the decision is due 6 months before.
    const s1157 = scan.items.find((i) => i.source.kind === 'register' && i.source.reference === 'S1157');
    expect(s1157).toMatchObject({
      ocid: null,
      title: 'Appointment of a Project and Programme Manager',
      buyer: { id: salford, name: 'Salford City Council' },
      source: {
        kind: 'register',
        label: `Contract register (Salford City Council, imported ${importedOn})`,
        supplierName: 'AECOM',
        importedOn,
      },
      value: { amount: '180000', currency: 'GBP', basis: 'register', includesVat: false },
      end: '2022-10-31',
      maxExtent: '2023-10-31',
      horizon: { day: '2022-10-31', from: 'end' },
      headroom: { months: 12, extraDays: 0 },
      options: { hasOptions: true },
      leadTime: { months: 6 },
      decisionDueBy: '2022-04-30',
      decisionOverdue: true,
      suppliers: [],
    });
    const line = s1157!.source.kind === 'register' ? s1157!.source.line : 0;
    expect(readFileSync(FILE, 'utf8').split('\n')[line - 1]).toContain(',S1157,');
  });

  it('counts the current expiry as the end and a large register value in its band', async () => {
    // S1037: ends 31 Mar 2022, extension 1 taken, current expiry 31 Mar 2023; £2,135,000 (£1m–£10m: 12 months).
    const scan = await horizon.scan(horizon.queryOrThrow({ buyerId: salford, months: 12, pageSize: 100 }));
    expect(
      scan.items.find((i) => i.source.kind === 'register' && i.source.reference === 'S1037'),
    ).toMatchObject({
      end: '2023-03-31',
      maxExtent: '2023-03-31',
      value: { amount: '2135000', basis: 'register' },
      leadTime: { months: 12 },
      decisionDueBy: '2022-03-31',
    });
  });

  it('mixes register and OCDS contracts in one national scan, in one order', async () => {
    const scan = await allItems(horizon, { months: 60, sort: 'end' });
    const kinds = new Set(scan.items.map((i) => i.source.kind));
    expect(kinds).toEqual(new Set(['ocds', 'register']));
    const days = scan.items.map((i) => i.horizon.day);
    expect(days).toEqual([...days].sort());
    for (const i of scan.items) expect(i.ocid === null).toBe(i.source.kind === 'register');
  });

  it('shows the source in CSV, API, Atom, page and CLI, with no contract link for register rows', async () => {
    const q = horizon.queryOrThrow({ buyerId: salford, basis: 'end', months: 12, pageSize: 100 });
    const csv = await text(horizon.exportCsv(q, 'https://example.test'));
    const header = csv.replace(/^\uFEFF/, '').split('\n')[0]!;
    expect(header).toMatch(/,synthetic,source,register_reference,url$/);
    const row = csv.split('\n').find((l) => l.includes('Appointment of a Project and Programme Manager'))!;
    expect(row).toMatch(/,"Contract register \(Salford City Council, imported \d{4}-\d\d-\d\d\)",S1157,$/);
    expect(row).not.toContain('/contracts/');

    const qs = `buyerId=${salford}&asOf=${AS_OF}&months=12&basis=end&pageSize=100`;
    const api = await app.inject({ url: `/api/horizon?${qs}` });
    expect(api.statusCode).toBe(200);
    const item = api
      .json()
      .items.find((i: { title: string }) => i.title.startsWith('Appointment of a Project'));
    expect(item).toMatchObject({ ocid: null, source: { kind: 'register', reference: 'S1157', line: 10 } });

    const atom = await app.inject({ url: `/horizon.atom?${qs}` });
    expect(XMLValidator.validate(atom.body)).toBe(true);
    expect(atom.body).toContain('urn:missionbuy:register-contract:');
    expect(atom.body).not.toContain('/contracts/');

    const page = await app.inject({ url: `/horizon?${qs}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Contract register (Salford City Council, imported');
    expect(page.body).not.toMatch(/href="\/contracts\//);

    expect(formatHorizon(await horizon.scan(q))).toContain('register S1157 (line 10)');
  });

  it('a saved search’s alerts include register contracts written since it was last seen, with their title', async () => {
    const alerts = await findHorizonAlerts(
      t.db,
      {
        scope: { asOf: AS_OF, basis: 'end', buyerId: salford },
        months: 12,
        policy: leadTimesOn(AS_OF).value,
        seenAt: new Date('2000-01-01T00:00:00Z'),
        seenDay: AS_OF,
      },
      { limit: 200, offset: 0 },
    );
    expect(alerts).toHaveLength(
      (await allItems(horizon, { buyerId: salford, basis: 'end', months: 12 })).total,
    );
    expect(alerts.find((a) => a.title === 'Appointment of a Project and Programme Manager')).toMatchObject({
      ocid: null,
      horizon_day: '2022-10-31',
      decision_due: '2022-04-30',
      gbp_value: '180000',
      new_data: true,
    });
    expect(alerts.every((a) => a.ocid === null && a.register_contract_id !== null)).toBe(true);
  });

  it('re-importing the register adds nothing; removing its import removes its horizon rows', async () => {
    const before = await registerEntries(t);
    const again = await importRegister(t.db, FILE, { organisationId: salford });
    expect(again.status).toBe('duplicate');
    expect(await registerEntries(t)).toBe(before);
    await t.db.deleteFrom('import_run').where('organisation_id', '=', salford).execute();
    expect(await registerEntries(t)).toBe(0);
  });
});
