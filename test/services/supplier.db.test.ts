// The supplier profile on the real sample (data/sample ingested). Expected figures are worked out here from the
// contract model's own tables with plain SQL (awards, their suppliers, buyers and main CPV), independently of the
// profile's query and pure functions, and each market share is checked against the market analytics' own figure for
// that market (the same supplier's share on /api/market?cpv=…). Then the JSON API and the page.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupplierService, type SupplierService } from '../../src/services/market/supplier.service.js';
import { createSampleApp, organisationIdByName, type SampleApp } from '../support/sample-app.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- API responses

const FROM = '2021-04-01';
const TO = '2027-03-31';

describe('supplier profile on the sample', () => {
  let sample: SampleApp;
  let supplier: SupplierService;
  let seddon: number;
  let axis: number;
  beforeAll(async () => {
    sample = await createSampleApp();
    supplier = createSupplierService({ db: sample.t.db, today: () => '2026-12-06' });
    seddon = await organisationIdByName(sample.t, 'Seddon Construction Limited');
    axis = await organisationIdByName(sample.t, 'Axis Europe plc');
  }, 180_000);
  afterAll(async () => sample?.close());

  /** Per buyer: the supplier's part of each active GBP award in the period (value ÷ the award's suppliers). */
  async function expectedByBuyer(id: number) {
    const r = await sql<{ buyer_id: string; value: string; awards: string }>`
      select p.buyer_id, sum(coalesce(a.value_gross, a.value) / n.k)::text as value, count(*)::text as awards
      from award_supplier s join award a using (ocid, award_id) join process p using (ocid)
      cross join lateral (select count(*) as k from award_supplier x where x.ocid = a.ocid and x.award_id = a.award_id) n
      where s.organisation_id = ${id} and a.status = 'active' and a.currency = 'GBP'
        and a.award_date >= ${FROM}::date and a.award_date < ${TO}::date + 1
      group by 1 order by 2 desc`.execute(sample.t.db);
    return r.rows.map((x) => ({ id: Number(x.buyer_id), value: Number(x.value), awards: Number(x.awards) }));
  }

  const profileOf = async (id: number, level?: string) => {
    const p = await supplier.profile(supplier.queryOrThrow(id, { from: FROM, to: TO, level }));
    if ('mergedInto' in p) throw new Error('merged');
    return p;
  };

  it('totals a supplier by buyer as the contract model records it, with its published flags', async () => {
    const p = await profileOf(seddon);
    const expected = await expectedByBuyer(seddon);
    expect(expected.length).toBe(2);
    expect(p.figures.buyers.map((b) => ({ id: b.id, awards: b.awards }))).toEqual(
      expected.map((e) => ({ id: e.id, awards: e.awards })),
    );
    p.figures.buyers.forEach((b, i) => expect(b.value).toBeCloseTo(expected[i]!.value, 2));
    const total = expected.reduce((a, e) => a + e.value, 0);
    expect(p.figures.valueGbp).toBeCloseTo(total, 2);
    expect(p.figures.buyers[0]!.share).toBeCloseTo(expected[0]!.value / total, 6);
    expect(p.figures.awards).toBe(3);
    expect(p.supplier).toMatchObject({ name: 'Seddon Construction Limited', scale: 'large', vcse: false });
    // Every award is open: no direct award; the years add up to the whole.
    expect(p.figures.directAward.byCount).toEqual({ share: 0, numerator: 0, denominator: 3 });
    expect(p.figures.years.reduce((a, y) => a + y.awards, 0)).toBe(3);
    expect(p.figures.years.reduce((a, y) => a + y.value, 0)).toBeCloseTo(total, 2);
  });

  it('gives each market share as the market analytics do, at every CPV level', async () => {
    for (const level of ['division', 'group', 'class'] as const) {
      const p = await profileOf(axis, level);
      expect(p.figures.markets.length).toBeGreaterThan(0);
      for (const m of p.figures.markets) {
        expect(m.cpvPrefix).toHaveLength({ division: 2, group: 3, class: 4 }[level]);
        const res = await sample.app.inject({ url: `/api/market?cpv=${m.cpvPrefix}&from=${FROM}&to=${TO}` });
        const market = res.json() as Json;
        const row = (market.figures.suppliers as Json[]).find((s) => s.id === axis)!;
        expect(m.marketShare).toBeCloseTo(row.share as number, 9);
        expect(m.value).toBeCloseTo(row.value as number, 2);
      }
    }
  });

  it('splits an award among its suppliers and keeps an unpublished VCSE flag unknown', async () => {
    const p = await profileOf(axis);
    const expected = await expectedByBuyer(axis);
    expect(p.figures.valueGbp).toBeCloseTo(
      expected.reduce((a, e) => a + e.value, 0),
      2,
    );
    const shared = await sql<{ n: string }>`
      select count(*)::text as n from award_supplier s
      where s.organisation_id = ${axis}
        and (select count(*) from award_supplier x where x.ocid = s.ocid and x.award_id = s.award_id) > 1`.execute(
      sample.t.db,
    );
    expect(Number(shared.rows[0]!.n)).toBe(1);
    expect(p.supplier.vcse).toBeNull();
    const res = await sample.app.inject({ url: `/organisations/${axis}/supplier?from=${FROM}&to=${TO}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Not known (not published)');
  });

  it('serves the same profile as JSON, and explains bad input and unknown ids', async () => {
    const res = await sample.app.inject({ url: `/api/market/suppliers/${seddon}?from=${FROM}&to=${TO}` });
    expect(res.statusCode).toBe(200);
    const body = res.json() as Json;
    expect(body.figures.awards).toBe(3);
    expect(body.level).toBe('group');
    const bad = await sample.app.inject({ url: `/api/market/suppliers/${seddon}?from=2025-02-30` });
    expect(bad.statusCode).toBe(400);
    expect((await sample.app.inject({ url: '/api/market/suppliers/999999999' })).statusCode).toBe(404);
    const page = await sample.app.inject({
      url: `/organisations/${seddon}/supplier?to=2020-01-01&from=2021-01-01`,
    });
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('To must be on or after From');
    expect((await sample.app.inject({ url: '/organisations/999999999/supplier' })).statusCode).toBe(404);
    expect((await sample.app.inject({ url: '/organisations/x/supplier' })).statusCode).toBe(404);
  });

  it('draws three charts, each with a table beside it, and links buyers to their market profile', async () => {
    const res = await sample.app.inject({ url: `/organisations/${seddon}/supplier?from=${FROM}&to=${TO}` });
    expect(res.body.match(/<svg[^>]*class="app-chart"/g)).toHaveLength(3);
    expect(res.body).toContain('Largest 2 buyers by value won (the chart’s figures)');
    expect(res.body).toMatch(/href="\/market\?from=2021-04-01&amp;to=2027-03-31&amp;buyerId=\d+"/);
  });

  it('is linked from the contract page of each of its awards and from the market page', async () => {
    const ocid = await sql<{ ocid: string }>`
      select s.ocid from award_supplier s where s.organisation_id = ${seddon} limit 1`.execute(sample.t.db);
    const res = await sample.app.inject({ url: `/contracts/${encodeURIComponent(ocid.rows[0]!.ocid)}` });
    expect(res.body).toContain(`href="/organisations/${seddon}/supplier"`);
    const market = await sample.app.inject({ url: `/market?cpv=45&from=${FROM}&to=${TO}` });
    expect(market.body).toContain(`href="/organisations/${seddon}/supplier?from=${FROM}&amp;to=${TO}"`);
  });
});
