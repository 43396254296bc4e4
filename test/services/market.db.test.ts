// Market analytics on the real sample (data/sample ingested into a test database). The golden figures are computed
// here, independently of the analytic's SQL and of the contract model, from the compiled OCDS releases (table
// `record`): the main CPV, active awards dated in the period, their value in pounds and their suppliers' published
// scale, VCSE flag and region. Only who is the same supplier comes from the model (party → organisation). Then the JSON API over the same service.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ukDay } from '../../src/domain/rules/index.js';
import { createMarketService, type MarketService } from '../../src/services/market/market.service.js';
import { createSampleApp, type SampleApp } from '../support/sample-app.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- OCDS and responses

const FROM = '2021-04-01';
const TO = '2027-03-31';

interface Pair {
  ocid: string;
  award: string;
  cpv: string | null;
  buyer: string | null;
  day: string;
  /** Pounds split among the award's suppliers. */
  value: number;
  supplier: string;
  sme: boolean | null;
  vcse: boolean | null;
  local: boolean | null;
  /** The buyer's region and every place of performance, as published. */
  regions: string[];
}

const SME_SCALES = new Set(['sme', 'micro', 'small', 'medium']);
// ITL1 regions by name, as Contracts Finder writes them, and by code (NUTS `UKF…` or ITL `TLF…`).
const ITL1_NAMES: Record<string, string> = {
  'north east': 'UKC',
  'north west': 'UKD',
  'yorkshire and the humber': 'UKE',
  'east midlands': 'UKF',
  'west midlands': 'UKG',
  'east of england': 'UKH',
  london: 'UKI',
  'south east': 'UKJ',
  'south west': 'UKK',
  wales: 'UKL',
  scotland: 'UKM',
  'northern ireland': 'UKN',
};
const itl1 = (r: unknown): string | null => {
  if (typeof r !== 'string') return null;
  if (/^(UK|TL)[C-N]/.test(r)) return `UK${r[2]}`;
  return ITL1_NAMES[r.trim().toLowerCase()] ?? null;
};

/**
 * The main CPV as contract-model.md defines it: tender.classification when CPV, else the first CPV code of the
 * tender's items, else the first CPV code anywhere (awards', contracts' items).
 */
function firstCpv(c: Json): string | null {
  const items = (xs: Json[] | undefined) =>
    (xs ?? []).flatMap((i: Json) => [i.classification, ...(i.additionalClassifications ?? [])]);
  const candidates = [
    c.tender?.classification,
    ...items(c.tender?.items),
    ...(c.awards ?? []).flatMap((a: Json) => items(a.items)),
    ...(c.contracts ?? []).flatMap((x: Json) => items(x.items)),
  ];
  const cpv = candidates.find((x: Json | undefined) => x?.scheme === 'CPV' && /^\d{8}/.test(String(x.id)));
  return cpv ? String(cpv.id).slice(0, 8) : null;
}

/** Award × supplier pairs of one compiled record, from the OCDS as published. */
function pairsOf(ocid: string, c: Json, entity: (ocid: string, partyId: string) => number): Pair[] {
  const parties = new Map<string, Json>((c.parties ?? []).map((p: Json) => [String(p.id), p]));
  const mainCpv = firstCpv(c);
  const buyer = c.buyer ? (parties.get(String(c.buyer.id)) ?? c.buyer) : null;
  const addresses = [
    ...(c.tender?.deliveryAddresses ?? []),
    ...(c.tender?.items ?? []).flatMap((i: Json) => i.deliveryAddresses ?? []),
    ...(c.awards ?? []).flatMap((a: Json) => (a.items ?? []).flatMap((i: Json) => i.deliveryAddresses ?? [])),
  ];
  const places = addresses.map((a: Json) => itl1(a.region)).filter(Boolean);
  const regions = [buyer?.address?.region, ...addresses.map((a: Json) => a.region)].filter(
    (r): r is string => typeof r === 'string',
  );
  const out: Pair[] = [];
  for (const a of c.awards ?? []) {
    const day = ukDay(a.date);
    if (a.status !== 'active' || day === null || day < FROM || day > TO) continue;
    const amount = a.value?.amountGross ?? a.value?.amount;
    const value = a.value?.currency === 'GBP' && amount !== undefined ? Number(amount) : 0;
    // One entry per supplier: publishers list a supplier once per lot, under several party ids.
    const suppliers = new Map<string, Json>();
    for (const ref of (a.suppliers ?? []) as Json[]) {
      const p = parties.get(String(ref.id)) ?? ref;
      const key = String(entity(ocid, String(ref.id)));
      if (!suppliers.has(key)) suppliers.set(key, p);
    }
    for (const [id, p] of suppliers) {
      const scale = p.details?.scale;
      const mine = itl1(p.address?.region);
      const others = [itl1(buyer?.address?.region), ...places].filter(Boolean);
      out.push({
        ocid,
        award: String(a.id),
        cpv: mainCpv ?? null,
        buyer: buyer?.name ?? null,
        day,
        value: value / suppliers.size,
        supplier: id,
        sme: scale === undefined || scale === null ? null : SME_SCALES.has(scale),
        vcse: typeof p.details?.vcse === 'boolean' ? p.details.vcse : null,
        local: mine === null || others.length === 0 ? null : others.includes(mine),
        regions,
      });
    }
  }
  return out;
}

function golden(pairs: Pair[]) {
  const bySupplier = new Map<string, number>();
  for (const p of pairs) bySupplier.set(p.supplier, (bySupplier.get(p.supplier) ?? 0) + p.value);
  const total = [...bySupplier.values()].reduce((a, v) => a + v, 0);
  const shares = [...bySupplier.values()].map((v) => v / total).sort((a, b) => b - a);
  const flag = (key: 'sme' | 'vcse' | 'local') => {
    const known = pairs.filter((p) => p[key] !== null);
    const knownValue = known.reduce((a, p) => a + p.value, 0);
    return {
      byValue:
        knownValue > 0 ? known.filter((p) => p[key]).reduce((a, p) => a + p.value, 0) / knownValue : null,
      byCount: known.length > 0 ? known.filter((p) => p[key]).length / known.length : null,
      unknownCount: pairs.length - known.length,
    };
  };
  return {
    suppliers: bySupplier.size,
    total,
    hhi: shares.reduce((a, s) => a + (100 * s) ** 2, 0),
    top1: shares[0]!,
    top3: shares.slice(0, 3).reduce((a, s) => a + s, 0),
    sme: flag('sme'),
    vcse: flag('vcse'),
    local: flag('local'),
  };
}

describe('market analytics on the ingested sample', () => {
  let sample: SampleApp;
  let market: MarketService;
  let pairs: Pair[];
  beforeAll(async () => {
    sample = await createSampleApp();
    const t = sample.t;
    market = createMarketService({ db: t.db, today: () => '2026-06-01' });
    const records = await sql<{ ocid: string; compiled: string }>`select ocid, compiled from record`.execute(
      t.db,
    );
    // Who is the same supplier is entity resolution's answer (tested on its own): party → organisation.
    const parties = await sql<{ ocid: string; party_id: string; org: number }>`
      select p.ocid, p.party_id, coalesce(o.merged_into, o.id) as org
      from party p join organisation o on o.id = p.organisation_id`.execute(t.db);
    const orgOf = new Map(parties.rows.map((r) => [`${r.ocid}\u0000${r.party_id}`, Number(r.org)]));
    const entity = (ocid: string, partyId: string) => {
      const org = orgOf.get(`${ocid}\u0000${partyId}`);
      if (org === undefined) throw new Error(`no party ${partyId} in ${ocid}`);
      return org;
    };
    pairs = records.rows.flatMap((r) => pairsOf(r.ocid, JSON.parse(r.compiled) as Json, entity));
  }, 180_000);
  afterAll(async () => sample.close());

  const check = async (input: { cpv?: string; buyerId?: number; region?: string }, mine: Pair[]) => {
    const p = await market.profile(market.queryOrThrow({ ...input, from: FROM, to: TO }));
    const g = golden(mine);
    const f = p.figures;
    expect(f.suppliers).toHaveLength(g.suppliers);
    expect(f.valueGbp).toBeCloseTo(g.total, 2);
    expect(f.hhi!).toBeCloseTo(g.hhi, 6);
    expect(f.top1Share!).toBeCloseTo(g.top1, 9);
    expect(f.top3Share!).toBeCloseTo(g.top3, 9);
    for (const key of ['sme', 'vcse', 'local'] as const) {
      const [value, count] = [f[key].byValue.share, f[key].byCount.share];
      if (g[key].byValue === null) expect(value, `${key} by value`).toBeNull();
      else expect(value, `${key} by value`).toBeCloseTo(g[key].byValue, 9);
      if (g[key].byCount === null) expect(count, `${key} by count`).toBeNull();
      else expect(count, `${key} by count`).toBeCloseTo(g[key].byCount, 9);
      expect(f[key].unknownCount, `${key} unknown`).toBe(g[key].unknownCount);
    }
    return { p, g };
  };

  it('matches golden HHI, top shares and SME/VCSE shares for CPV division 34 (transport equipment)', async () => {
    const mine = pairs.filter((x) => x.cpv?.startsWith('34'));
    expect(mine.length).toBeGreaterThan(20);
    const { p, g } = await check({ cpv: '34' }, mine);
    expect(g.sme.byValue).toBeGreaterThan(0);
    expect(p.figures.hhiBand?.label).toBe(g.hhi > 1800 ? 'highly concentrated' : 'not highly concentrated');
  });

  it('keeps unknown scale apart and finds the one local supplier in CPV division 85 (health and social work)', async () => {
    const mine = pairs.filter((x) => x.cpv?.startsWith('85'));
    const { p, g } = await check({ cpv: '85' }, mine);
    // Most of this market publishes no scale: unknown, never counted as "not SME".
    expect(g.sme.unknownCount).toBeGreaterThan(mine.length / 2);
    expect(p.figures.sme.byCount.denominator).toBe(mine.length - g.sme.unknownCount);
    expect(p.figures.local.byCount.numerator).toBeGreaterThanOrEqual(1);
  });

  it('matches the golden figures for the buyer with the most award suppliers', async () => {
    const buyers = await sql<{ id: number; name: string }>`
      select o.id, o.name from process p join award a on a.ocid = p.ocid
        join award_supplier s on s.ocid = a.ocid and s.award_id = a.award_id join organisation o on o.id = p.buyer_id
      where a.status = 'active' group by o.id, o.name order by count(*) desc, o.id limit 1`.execute(
      sample.t.db,
    );
    const b = buyers.rows[0]!;
    const mine = pairs.filter((x) => x.buyer?.toLowerCase() === b.name.toLowerCase());
    expect(mine.length).toBeGreaterThan(10);
    const { p } = await check({ buyerId: Number(b.id) }, mine);
    expect(p.scope.label).toBe(b.name);
  });

  it('matches the golden figures for a region (buyer or place of performance in ITL1 UKF, East Midlands)', async () => {
    const mine = pairs.filter((x) => x.regions.some((r) => itl1(r) === 'UKF'));
    expect(mine.length).toBeGreaterThan(0);
    const { p } = await check({ region: 'TLF' }, mine);
    expect(p.scope).toMatchObject({ kind: 'region', region: 'UKF' });
    expect(p.figures.local.byCount.numerator).toBeGreaterThanOrEqual(1);
  });

  it('matches the golden figures for combined slices: a CPV division within a buyer and within a region', async () => {
    // The buyer with the largest CPV division among buyers with awards in two divisions or more.
    const divisions = new Map<string, Map<string, number>>();
    for (const x of pairs) {
      if (x.buyer === null || x.cpv === null) continue;
      const m = divisions.get(x.buyer.toLowerCase()) ?? new Map<string, number>();
      m.set(x.cpv.slice(0, 2), (m.get(x.cpv.slice(0, 2)) ?? 0) + 1);
      divisions.set(x.buyer.toLowerCase(), m);
    }
    const [name, cpvs] = [...divisions]
      .filter(([, m]) => m.size > 1)
      .sort((x, y) => Math.max(...y[1].values()) - Math.max(...x[1].values()))[0]!;
    const ids = await sql<{ id: number; name: string }>`
      select o.id, o.name from organisation o
      where lower(o.name) = ${name} and exists (select 1 from process p where p.buyer_id = o.id)`.execute(
      sample.t.db,
    );
    expect(ids.rows).toHaveLength(1);
    const b = { ...ids.rows[0]!, cpv: [...cpvs].sort((x, y) => y[1] - x[1])[0]![0] };
    const mine = pairs.filter(
      (x) => x.buyer?.toLowerCase() === b.name.toLowerCase() && x.cpv?.startsWith(b.cpv),
    );
    const all = pairs.filter((x) => x.buyer?.toLowerCase() === b.name.toLowerCase());
    expect(mine.length).toBeGreaterThan(1);
    expect(mine.length).toBeLessThan(all.length);
    const { p } = await check({ buyerId: Number(b.id), cpv: b.cpv }, mine);
    expect(p.scope).toMatchObject({ kind: 'buyer', buyerId: Number(b.id), cpvPrefix: b.cpv });
    expect(p.scope.label).toBe(`${b.name}, CPV ${b.cpv}`);
    const inRegion = pairs.filter((x) => x.regions.some((r) => itl1(r) === 'UKF'));
    const cpv = inRegion.find((x) => x.cpv !== null)!.cpv!.slice(0, 2);
    await check(
      { region: 'TLF', cpv },
      inRegion.filter((x) => x.cpv?.startsWith(cpv)),
    );
  });

  it('splits the period into financial years whose awards add up to the whole', async () => {
    const p = await market.profile(market.queryOrThrow({ cpv: '85', from: FROM, to: TO }));
    expect(p.periods.map((y) => y.from)).toEqual([
      '2021-04-01',
      '2022-04-01',
      '2023-04-01',
      '2024-04-01',
      '2025-04-01',
      '2026-04-01',
    ]);
    expect(p.periods.reduce((a, y) => a + y.awards, 0)).toBe(p.figures.awards);
    expect(p.periods.reduce((a, y) => a + y.valueGbp, 0)).toBeCloseTo(p.figures.valueGbp, 2);
  });

  it('counts as new entrants the suppliers with no award in the market in the 3 years before each year', async () => {
    // Financial years from April 2024: their 3-year look-back starts on or after FROM, inside the golden pairs.
    for (const cpv of ['34', '45', '72', '79', '85']) {
      const p = await market.profile(market.queryOrThrow({ cpv, from: FROM, to: TO }));
      for (const y of p.periods.filter((x) => x.from >= '2024-04-01')) {
        const mine = pairs.filter((x) => x.cpv?.startsWith(cpv));
        const back = `${Number(y.from.slice(0, 4)) - 3}${y.from.slice(4)}`;
        const inYear = new Set(mine.filter((x) => x.day >= y.from && x.day <= y.to).map((x) => x.supplier));
        const before = new Set(mine.filter((x) => x.day >= back && x.day < y.from).map((x) => x.supplier));
        const entrants = [...inYear].filter((x) => !before.has(x));
        expect(y.newEntrants.count, `${cpv} ${y.from}`).toBe(entrants.length);
        expect(y.newEntrants.ofSuppliers, `${cpv} ${y.from}`).toBe(inYear.size);
      }
    }
  });

  it('serves the same profile at GET /api/market and rejects bad scopes', async () => {
    const res = await sample.app.inject({ url: `/api/market?cpv=34&from=${FROM}&to=${TO}` });
    expect(res.statusCode).toBe(200);
    const q = market.queryOrThrow({ cpv: '34', from: FROM, to: TO });
    const { largestSuppliers: _chart, ...direct } = await market.profile(q, { offset: 0, limit: 100 });
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(direct)));
    // The supplier list in pages: the second page of two is the whole list's third and fourth suppliers.
    const all = await market.profile(q);
    expect(all.figures.suppliers.length).toBe(all.supplierCount);
    expect(all.supplierCount).toBeGreaterThan(4);
    const paged = await sample.app.inject({
      url: `/api/market?cpv=34&from=${FROM}&to=${TO}&page=2&pageSize=2`,
    });
    expect((paged.json() as Json).figures.suppliers).toEqual(
      JSON.parse(JSON.stringify(all.figures.suppliers.slice(2, 4))),
    );
    expect((paged.json() as Json).supplierCount).toBe(all.supplierCount);
    const tooBig = await sample.app.inject({ url: `/api/market?cpv=34&pageSize=1001` });
    expect(tooBig.statusCode).toBe(400);
    const none = await sample.app.inject({ url: '/api/market' });
    expect(none.statusCode).toBe(400);
    expect((none.json() as Json).error.message).toMatch(/Give a buyer, a CPV code or a region/);
    const two = await sample.app.inject({ url: '/api/market?buyerId=1&region=TLE' });
    expect(two.statusCode).toBe(400);
    expect((two.json() as Json).error.message).toMatch(/a buyer or a region, not both/);
    const backwards = await sample.app.inject({ url: '/api/market?cpv=34&from=2025-01-01&to=2024-01-01' });
    expect(backwards.statusCode).toBe(400);
    const cma = await sample.app.inject({ url: `/api/market?cpv=34&from=${FROM}&to=${TO}&bands=cma-2010` });
    const hhi = (cma.json() as Json).figures.hhi as number;
    expect((cma.json() as Json).policy.hhiBandSet).toBe('UK CMA 2010 Merger Assessment Guidelines');
    expect((cma.json() as Json).figures.hhiBand.label).toBe(
      hhi > 2000 ? 'highly concentrated' : hhi > 1000 ? 'concentrated' : 'not concentrated',
    );
    const badBands = await sample.app.inject({ url: '/api/market?cpv=34&bands=eu' });
    expect(badBands.statusCode).toBe(400);
    const missing = await sample.app.inject({ url: '/api/market?buyerId=999999' });
    expect(missing.statusCode).toBe(404);
  });
});
