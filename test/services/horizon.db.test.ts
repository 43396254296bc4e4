// The horizon scan on the real sample (data/sample ingested into a test database). The golden answer is computed
// here, independently of the scan's SQL, from the compiled OCDS releases (table `record`): which processes have an
// active award or contract, their contract periods, values and suppliers. Then the JSON API, the CSV and the Atom
// feed over the same service.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { addMonths, ukDay } from '../../src/domain/rules/index.js';
import { createLogger } from '../../src/log.js';
import { createServices } from '../../src/services/index.js';
import { createHorizonService, type HorizonService } from '../../src/services/horizon/horizon.service.js';
import { buildApp } from '../../src/web/app.js';
import { createSampleDb, type TestDb } from '../support/db.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- OCDS and responses

// Real sample contracts end from 2024 to 2035; as of 1 June 2026, 33 of them end within 24 months.
const AS_OF = '2026-06-01';

interface Golden {
  ocid: string;
  end: string | null;
  maxExtent: string | null;
  /** Pounds, incl. VAT when every active award gives it. */
  value: number | null;
  suppliers: string[];
}

/** From one compiled release: null unless an award is active (the sample publishes no `contracts`). */
function golden(ocid: string, c: Json): Golden | null {
  if ((c.contracts ?? []).length > 0)
    throw new Error('the sample has no contracts: extend the golden calculation');
  const active = (c.awards ?? []).filter((a: Json) => a.status === 'active');
  if (active.length === 0) return null;
  // Contract dates from the best source that has an end: awards, else lots, else the tender (contract-model.md).
  const sources: Json[][] = [
    (c.awards ?? []).map((a: Json) => a.contractPeriod),
    (c.tender?.lots ?? []).map((l: Json) => l.contractPeriod),
    [c.tender?.contractPeriod],
  ];
  const periods = sources.map((s) => s.filter(Boolean)).find((s) => s.some((p) => p.endDate)) ?? [];
  const latest = (key: string) =>
    periods
      .map((p) => ukDay(p[key]))
      .filter((d): d is string => d !== null)
      .sort()
      .at(-1) ?? null;
  const gross = active.every((a: Json) => a.value?.amountGross !== undefined);
  const values = active.map((a: Json) => (gross ? a.value?.amountGross : a.value?.amount));
  const gbp =
    active.every((a: Json) => a.value?.currency === 'GBP') && values.every((v: unknown) => v !== undefined);
  return {
    ocid,
    end: latest('endDate'),
    maxExtent: latest('maxExtentDate'),
    value: gbp ? values.reduce((a: number, v: number) => a + Number(v), 0) : null,
    suppliers: [
      ...new Set<string>(active.flatMap((a: Json) => (a.suppliers ?? []).map((s: Json) => String(s.name)))),
    ].sort(),
  };
}

/** The independent "next end date" rule: the end while ahead, else the latest possible end. */
function nextEnd(g: Golden, asOf: string): string | null {
  if (g.end !== null && g.end >= asOf) return g.end;
  if (g.maxExtent !== null && g.maxExtent >= asOf) return g.maxExtent;
  return null;
}

describe('horizon scan on the ingested sample', () => {
  let t: TestDb;
  let horizon: HorizonService;
  let app: FastifyInstance;
  let all: Golden[];
  beforeAll(async () => {
    t = await createSampleDb();
    horizon = createHorizonService({ db: t.db, today: () => AS_OF });
    const config = loadConfig({}, { databaseUrl: t.url });
    const log = createLogger('warn');
    app = await buildApp({ config, services: createServices({ db: t.db, config, log }), log });
    const records = await sql<{ ocid: string; compiled: string }>`select ocid, compiled from record`.execute(
      t.db,
    );
    all = records.rows.map((r) => golden(r.ocid, JSON.parse(r.compiled) as Json)).filter((g) => g !== null);
  }, 180_000);
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  const inWindow = (asOf: string, months: number) =>
    all.filter((g) => {
      const d = nextEnd(g, asOf);
      return d !== null && d <= addMonths(asOf, months);
    });

  it('finds exactly the let contracts whose next end falls in each window, with their counts and values', async () => {
    const scan = await horizon.scan(horizon.queryOrThrow({ months: 24, pageSize: 100 }));
    const expected = inWindow(AS_OF, 24);
    expect(expected.length).toBeGreaterThan(20);
    expect(scan.total).toBe(expected.length);
    expect(scan.items.map((i) => i.ocid).sort()).toEqual(expected.map((g) => g.ocid).sort());
    for (const i of scan.items) {
      const g = expected.find((x) => x.ocid === i.ocid)!;
      expect({
        ocid: i.ocid,
        end: i.end,
        max: i.maxExtent,
        suppliers: i.suppliers.map((s) => s.name).sort(),
      }).toEqual({
        ocid: g.ocid,
        end: g.end,
        max: g.maxExtent,
        suppliers: g.suppliers,
      });
      expect(i.value === null ? null : Number(i.value.amount)).toBe(g.value);
    }
    for (const w of scan.summary) {
      const inW = inWindow(AS_OF, w.months);
      expect(w.contracts, `${w.months} months`).toBe(inW.length);
      expect(Number(w.valueGbp)).toBeCloseTo(
        inW.reduce((a, g) => a + (g.value ?? 0), 0),
        2,
      );
      expect(w.valueNotKnown).toBe(inW.filter((g) => g.value === null).length);
    }
    expect(scan.summary.map((w) => w.months)).toEqual([6, 12, 18, 24]);
  });

  it('orders by decision due (end minus the lead time of the value band), then pages without overlap', async () => {
    const full = await horizon.scan(horizon.queryOrThrow({ months: 24, pageSize: 100 }));
    const due = full.items.map((i) => i.decisionDueBy);
    expect(due).toEqual([...due].sort());
    // ocds-b5fd17-6d483bbb…: £14m works ending 3 Jun 2027 → 18 months → due 3 Dec 2025, overdue as of 1 Jun 2026.
    expect(full.items[0]).toMatchObject({
      ocid: 'ocds-b5fd17-6d483bbb-1abd-4f4e-aead-88d2c31bed26',
      end: '2027-06-03',
      leadTime: { months: 18, band: '£10m or more' },
      decisionDueBy: '2025-12-03',
      decisionOverdue: true,
    });
    const page2 = await horizon.scan(horizon.queryOrThrow({ months: 24, pageSize: 10, page: 2 }));
    expect(page2.items.map((i) => i.ocid)).toEqual(full.items.slice(10, 20).map((i) => i.ocid));
    const byValue = await horizon.scan(horizon.queryOrThrow({ months: 24, pageSize: 100, sort: 'value' }));
    const values = byValue.items.map((i) => Number(i.value?.amount ?? -1));
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('shows extension headroom, renewal terms and, once the end has passed, the latest possible end', async () => {
    // ocds-h6vhtk-06d285: UK6 award, ends 31 Mar 2028, "2 x 12 month optional extensions" to 31 Mar 2030, £253,478
    // incl. VAT (under £1m: 6 months).
    const before = await horizon.scan(horizon.queryOrThrow({ months: 24, pageSize: 100 }));
    expect(before.items.find((i) => i.ocid === 'ocds-h6vhtk-06d285')).toMatchObject({
      horizon: { day: '2028-03-31', from: 'end' },
      maxExtent: '2030-03-31',
      headroom: { months: 24, extraDays: 0 },
      renewal: { hasRenewal: true, description: '2 x 12 month optional extensions.' },
      value: { amount: '253478', currency: 'GBP', basis: 'award', includesVat: true },
      decisionDueBy: '2027-09-30',
      procedure: { directAward: false },
    });
    const later = await horizon.scan(horizon.queryOrThrow({ asOf: '2028-06-01', months: 24, pageSize: 100 }));
    expect(later.items.map((i) => i.ocid).sort()).toEqual(
      inWindow('2028-06-01', 24)
        .map((g) => g.ocid)
        .sort(),
    );
    expect(later.items.find((i) => i.ocid === 'ocds-h6vhtk-06d285')).toMatchObject({
      horizon: { day: '2030-03-31', from: 'max-extent' },
      decisionDueBy: '2029-09-30',
    });
    const endOnly = await horizon.scan(
      horizon.queryOrThrow({ asOf: '2028-06-01', months: 24, basis: 'end', pageSize: 100 }),
    );
    expect(endOnly.items.some((i) => i.ocid === 'ocds-h6vhtk-06d285')).toBe(false);
  });

  it('filters by buyer, supplier, CPV, region and minimum value', async () => {
    const base = await horizon.scan(horizon.queryOrThrow({ months: 60, pageSize: 100 }));
    const first = base.items.find((i) => i.buyer && i.suppliers.length > 0)!;
    const byBuyer = await horizon.scan(
      horizon.queryOrThrow({ months: 60, buyerId: first.buyer!.id, pageSize: 100 }),
    );
    expect(byBuyer.items.length).toBeGreaterThan(0);
    expect(byBuyer.items.map((i) => i.ocid)).toEqual(
      base.items.filter((i) => i.buyer?.id === first.buyer!.id).map((i) => i.ocid),
    );
    const supplier = first.suppliers[0]!.id;
    const bySupplier = await horizon.scan(
      horizon.queryOrThrow({ months: 60, supplierId: supplier, pageSize: 100 }),
    );
    expect(bySupplier.items.map((i) => i.ocid)).toEqual(
      base.items.filter((i) => i.suppliers.some((s) => s.id === supplier)).map((i) => i.ocid),
    );
    const cpv = await horizon.scan(horizon.queryOrThrow({ months: 60, cpv: '45000000', pageSize: 100 }));
    const codes = await sql<{ ocid: string }>`select ocid from process where exists (
      select 1 from unnest(cpv_codes) c where c like '45%')`.execute(t.db);
    const works = new Set(codes.rows.map((r) => r.ocid));
    expect(cpv.items.length).toBeGreaterThan(0);
    expect(cpv.items.map((i) => i.ocid)).toEqual(
      base.items.filter((i) => i.ocid !== null && works.has(i.ocid)).map((i) => i.ocid),
    );
    // TLE (ITL) = UKE (NUTS): Yorkshire and The Humber, by delivery region or the buyer's region.
    const region = await horizon.scan(horizon.queryOrThrow({ months: 60, region: 'TLE', pageSize: 100 }));
    expect(region.filters.region).toBe('UKE');
    expect(region.items.length).toBeGreaterThan(0);
    expect(region.items.length).toBeLessThan(base.items.length);
    const big = await horizon.scan(
      horizon.queryOrThrow({ months: 60, minValue: '£1,000,000', pageSize: 100 }),
    );
    expect(big.items.map((i) => i.ocid)).toEqual(
      base.items
        .filter((i) => i.value?.currency === 'GBP' && Number(i.value.amount) >= 1_000_000)
        .map((i) => i.ocid),
    );
  });

  it('rejects bad input with a clear BAD_REQUEST naming each field', () => {
    expect(() =>
      horizon.queryOrThrow({ months: 61, region: 'Yorkshire', cpv: '7', asOf: '2026-02-30' }),
    ).toThrow(/months: .*1 to 60.*cpv: .*region: .*asOf: /);
    expect(() => horizon.queryOrThrow({ sort: 'title' })).toThrow(
      expect.objectContaining({ code: 'BAD_REQUEST' }),
    );
  });

  it('GET /api/horizon returns the same figures; bad input is a 400', async () => {
    const api = await app.inject({ url: `/api/horizon?asOf=${AS_OF}&months=24&pageSize=100` });
    expect(api.statusCode).toBe(200);
    const body = api.json() as Json;
    const direct = await horizon.scan(horizon.queryOrThrow({ months: 24, pageSize: 100 }));
    expect(body.total).toBe(direct.total);
    expect(body.summary).toEqual(direct.summary);
    expect(body.items[0]).toEqual(JSON.parse(JSON.stringify(direct.items[0])));
    const bad = await app.inject({ url: '/api/horizon?months=0' });
    expect(bad.statusCode).toBe(400);
    expect((bad.json() as Json).error.code).toBe('BAD_REQUEST');
    const badRegion = await app.inject({ url: '/api/horizon?region=XX' });
    expect(badRegion.statusCode).toBe(400);
    expect((badRegion.json() as Json).error.message).toMatch(/ITL or NUTS/);
  });

  it('exports every contract of the scan as CSV, page and API alike', async () => {
    for (const url of [`/horizon.csv?asOf=${AS_OF}&months=24`, `/api/horizon.csv?asOf=${AS_OF}&months=24`]) {
      const r = await app.inject({ url });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toMatch(/text\/csv/);
      const lines = r.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n');
      expect(lines[0]).toMatch(/^ocid,title,buyer_id,buyer,suppliers,value/);
      expect(lines).toHaveLength(1 + inWindow(AS_OF, 24).length);
    }
  });

  it('serves a well-formed Atom feed per query string, escaping hostile titles', async () => {
    const target = 'ocds-h6vhtk-06d285';
    await sql`update process set title = ${'Mentoring <script>alert("x")</script> & \u0001 ]]> co'} where ocid = ${target}`.execute(
      t.db,
    );
    const r = await app.inject({ url: `/horizon.atom?asOf=${AS_OF}&months=24` });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toMatch(/application\/atom\+xml/);
    expect(XMLValidator.validate(r.body)).toBe(true);
    expect(r.body).not.toContain('<script>');
    const feed = new XMLParser({ ignoreAttributes: false }).parse(r.body).feed as Json;
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.entry).toHaveLength(inWindow(AS_OF, 24).length);
    const hostile = (feed.entry as Json[]).find((e) => String(e.id).endsWith(`/contracts/${target}`))!;
    // The text round-trips exactly, less the control character XML 1.0 cannot carry.
    expect(hostile.title).toBe('Mentoring <script>alert("x")</script> &  ]]> co');
    const bad = await app.inject({ url: '/horizon.atom?months=abc' });
    expect(bad.statusCode).toBe(400);
  });

  it('renders the page with summary, table and an empty state', async () => {
    const page = await app.inject({ url: `/horizon?asOf=${AS_OF}&months=6` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`${inWindow(AS_OF, 6).length} contracts ending by 1 December 2026`);
    expect(page.body).toContain('Configurable default');
    const none = await app.inject({ url: `/horizon?asOf=${AS_OF}&months=6&cpv=03` });
    expect(none.body).toContain('No contracts end in this window.');
    const bad = await app.inject({ url: '/horizon?months=99&asOf-day=12' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('There is a problem');
    expect(bad.body).toContain('href="#months"');
    expect(bad.body).toContain('href="#asOf-month"');
  });
});
