// Calderdale's real June 2022 payments file (test/fixtures/uk-more/spend/calderdale/2022-06.csv.gz) in a fresh
// database with no OCDS data: its "Voluntary Community and Social Enterprise Supplier" column feeds the VCSE share
// of paid money (a blank is not known, kept apart), and its Body column — the authority's statistics.data.gov.uk
// URI, `.../local-authority-district/00CY` — gives the council its local authority code, so that the place view by
// local authority (/places/00CY) finds it.
//
// Worked out by hand from the raw file (Python's csv module, Net Amount column, every row dated 2022-06-01..30):
// 1,652 payments, net £12,720,970.17. 70 rows carry `Y`, all of them to payees whose every row carries `Y`:
// 27 supplier ids under 25 names, £1,114,601.32 — the largest Community Foundation for Calderdale £583,807.09,
// Locala Community Partnerships CIC £169,121.92, Anchor Trust (S144 £58,767.41 + S140 £17,142.52), Calderdale
// Smartmove £52,500.00, Bridgewood Trust Ltd £41,508.64, Halifax Opportunities Trust (S197611 £37,926.76 + S12555
// £25,827.00), … down to Clifton Village Community Association £500.00. Every other row is blank (no `N` in the
// file) and there are no charity numbers, so VCSE share = £1,114,601.32 ÷ £1,114,601.32 = 100%, and the unknown
// money is £12,720,970.17 − £1,114,601.32 = £11,606,368.85.
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSpend } from '../../../src/imports/spend/import-spend.js';
import { createPaidService } from '../../../src/services/paid/paid.service.js';
import { createSuppliersService } from '../../../src/services/suppliers/suppliers.service.js';
import { createTestDb, type TestDb } from '../../support/db.js';
import { addOrganisation } from '../../support/organisations.js';
import { buildTestApp } from '../../support/sample-app.js';
import { sharedDataPath } from '../../support/shared-data.js';

const SPEND = 'uk-more/spend/calderdale/2022-06.csv.gz';
const JUNE = { from: '2022-06-01', to: '2022-06-30', periodKind: 'month' as const, slackDays: 31 };

describe('Calderdale: VCSE flag and local authority code from the real spend file', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let calderdale = 0;
  let other = 0;

  beforeAll(async () => {
    t = await createTestDb();
    calderdale = await addOrganisation(t.db, 'Calderdale Metropolitan Borough Council');
    other = await addOrganisation(t.db, 'Salford City Council');
    const summary = await importSpend(t.db, [sharedDataPath(SPEND)], { organisationId: calderdale });
    expect(summary).toMatchObject({ rowsRead: 1652, kept: 1652, quarantined: 0 });
    await createSuppliersService({ db: t.db }).resolve();
    app = await buildTestApp(t);
  }, 300_000);
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('stores the VCSE flag as published: Y on 70 payments, blank (not stated) on the rest', async () => {
    const rows = await t.db
      .selectFrom('spend_payment')
      .select(['vcse', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('vcse')
      .orderBy('vcse')
      .execute();
    expect(rows.map((r) => [r.vcse, Number(r.n)])).toEqual([
      [true, 70],
      [null, 1582],
    ]);
  });

  it('VCSE share of June 2022 paid money: the hand-worked golden figures, unknown apart', async () => {
    const p = await createPaidService({ db: t.db }).profile({
      ...JUNE,
      scope: { kind: 'buyer', buyerId: calderdale },
    });
    expect(p.figures.amount).toBeCloseTo(12_720_970.17, 2);
    expect(p.figures.vcse.byValue.numerator).toBeCloseTo(1_114_601.32, 2);
    expect(p.figures.vcse.byValue.denominator).toBeCloseTo(1_114_601.32, 2);
    expect(p.figures.vcse.unknownValue).toBeCloseTo(11_606_368.85, 2);
    const flagged = p.figures.suppliers.filter((s) => s.vcse === true);
    expect(flagged.find((s) => s.label === 'Community Foundation for Calderdale')?.amount).toBeCloseTo(
      583_807.09,
      2,
    );
    expect(p.figures.suppliers.some((s) => s.vcse === false)).toBe(false);
  });

  it('the VCSE share computed again from the raw file, grouped as resolution grouped the payees', async () => {
    let bytes = readFileSync(sharedDataPath(SPEND));
    bytes = gunzipSync(bytes);
    const raw = parse(bytes.toString('utf8'), { columns: true }) as Record<string, string>[];
    const sources = await t.db
      .selectFrom('supplier_source')
      .select(['local_id', 'supplier_id'])
      .where('kind', '=', 'spend')
      .execute();
    const supplierOf = new Map(sources.map((s) => [s.local_id, Number(s.supplier_id)]));
    const flagged = new Set<number>();
    for (const r of raw)
      if (r['Voluntary Community and Social Enterprise Supplier'] === 'Y')
        flagged.add(supplierOf.get(r['Supplier ID']!)!);
    let vcse = 0;
    let all = 0;
    for (const r of raw) {
      all += Number(r['Net Amount']);
      if (flagged.has(supplierOf.get(r['Supplier ID']!)!)) vcse += Number(r['Net Amount']);
    }
    const p = await createPaidService({ db: t.db }).profile({
      ...JUNE,
      scope: { kind: 'buyer', buyerId: calderdale },
    });
    expect(p.figures.vcse.byValue.numerator).toBeCloseTo(vcse, 2);
    expect(p.figures.vcse.unknownValue).toBeCloseTo(all - vcse, 2);
  });

  it("takes the council's local authority code from the Body column's URI, and no other organisation's", async () => {
    const orgs = await t.db
      .selectFrom('organisation')
      .select(['id', 'la_code'])
      .where('id', 'in', [calderdale, other])
      .orderBy('id')
      .execute();
    expect(orgs.map((o) => [Number(o.id), o.la_code])).toEqual([
      [calderdale, '00CY'],
      [other, null],
    ]);
  });

  it('a place by local authority code: the same paid money as the buyer; a GSS code with no organisation is empty', async () => {
    const service = createPaidService({ db: t.db });
    const q = service.queryOrThrow({ place: '00cy', from: JUNE.from, to: JUNE.to });
    expect(q.scope).toEqual({ kind: 'authority', laCode: '00CY' });
    const place = await service.profile(q);
    expect(place.scope.label).toBe('Local authority 00CY');
    expect(place.buyers.map((b) => b.id)).toEqual([calderdale]);
    expect(place.figures.amount).toBeCloseTo(12_720_970.17, 2);
    const none = await service.profile(service.queryOrThrow({ place: 'E08000006', ...JUNE }));
    expect(none.buyers).toEqual([]);
    expect(none.figures.payments).toBe(0);
    expect(service.checkQuery({ place: 'E0800000' }).problems.map((x) => x.field)).toEqual(['place']);
  });

  it('the place page and its CSVs by local authority code', async () => {
    const page = await app.inject('/places/00CY?from=2022-06-01&to=2022-06-30');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Local authority 00CY');
    expect(page.body).toContain(`/organisations/${calderdale}/spend`);
    expect(page.body).toContain('/places/00CY/spend/categories.csv?');
    const csv = await app.inject('/places/00CY/spend/categories.csv?from=2022-06-01&to=2022-06-30');
    expect(csv.statusCode).toBe(200);
    const rows = parse(csv.body, { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.reduce((a, r) => a + Number(r.paid_gbp), 0)).toBeCloseTo(12_720_970.17, 2);
    expect(rows.every((r) => r.scope === 'Local authority 00CY')).toBe(true);
    const api = await app.inject('/api/spend?place=00CY&from=2022-06-01&to=2022-06-30');
    expect(api.statusCode).toBe(200);
    expect(api.json().scope).toMatchObject({ kind: 'authority', laCode: '00CY' });
  });
});
