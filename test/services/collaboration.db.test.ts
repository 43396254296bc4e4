// The collaboration finder on the real sample (data/sample ingested into a test database). One group is worked out
// here, independently of the finder's SQL, from the compiled OCDS releases (table `record`): which processes are
// let, their ends, values in pounds, CPV codes and regions, the lead time of their value band, and so which are due
// in the window and fall in the group around East Midlands for CPV group 853. Then the JSON API, the CSV and the
// pages over the same service.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/domain/csv.js';
import { addMonths, ukDay } from '../../src/domain/rules/index.js';
import { repoPath } from '../../src/paths.js';
import {
  createCollaborationService,
  type CollaborationService,
} from '../../src/services/collaboration/collaboration.service.js';
import { loadCpvLabels } from '../../src/services/reference/cpv-labels.js';
import { createSampleApp, organisationIdByName, type SampleApp } from '../support/sample-app.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- OCDS

const AS_OF = '2026-12-06';
const LAST = '2027-12-06'; // 12 months on

// The reference lists, read here: valid CPV codes, and NUTS codes by (unambiguous) name.
const cpvCodes = new Set(
  readFileSync(repoPath('data/reference/cpv-2008-en.csv'), 'utf8')
    .split('\n')
    .map((l) => l.slice(0, 8))
    .filter((c) => /^\d{8}$/.test(c)),
);
const nutsRows = readFileSync(repoPath('data/reference/uk-nuts2016-regions.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((l) => [l.slice(0, l.indexOf(',')), l.slice(l.indexOf(',') + 1).replace(/^"|"$/g, '')] as const);
const key = (name: string) =>
  name
    .toLowerCase()
    .replace('(england)', '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const byName = new Map<string, string | null>();
for (const [code, name] of nutsRows) byName.set(key(name), byName.has(key(name)) ? null : code);

/** ITL1 of a published region: a NUTS/ITL code, or a name that belongs to one code only. */
function itl1(region: unknown): string | null {
  if (typeof region !== 'string') return null;
  const code = /^(UK|TL)[C-N]/i.test(region.trim())
    ? `UK${region.trim().slice(2, 3).toUpperCase()}`
    : byName.get(key(region))?.slice(0, 3);
  return code && code.length === 3 ? code : null;
}

/** Every value under `name` anywhere in a JSON tree. */
function collect(node: unknown, name: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) for (const x of node) collect(x, name, out);
  else if (node && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (k === name) out.push(v);
      collect(v, name, out);
    }
  return out;
}

/** The 8-digit codes of every classification with scheme CPV anywhere in a JSON tree. */
function cpvIds(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const x of node) cpvIds(x, out);
  else if (node && typeof node === 'object') {
    const o = node as Json;
    const m = o.scheme === 'CPV' ? /^(\d{8})/.exec(String(o.id ?? '')) : null;
    if (m) out.push(m[1]!);
    for (const v of Object.values(o)) cpvIds(v, out);
  }
  return out;
}

interface Golden {
  ocid: string;
  buyer: string;
  value: number | null;
  due: string;
  markets: string[];
  area: string[];
}

function lead(value: number | null): number {
  if (value === null || value >= 10_000_000) return 18;
  return value >= 1_000_000 ? 12 : 6;
}

/** The golden row of one compiled release, or null when it is not a let contract due in the window. */
function golden(ocid: string, c: Json): Golden | null {
  if ((c.contracts ?? []).length > 0)
    throw new Error('the sample has no contracts: extend the golden calculation');
  const active = (c.awards ?? []).filter((a: Json) => a.status === 'active');
  if (active.length === 0 || !c.buyer?.name) return null;
  const periods =
    [
      (c.awards ?? []).map((a: Json) => a.contractPeriod),
      (c.tender?.lots ?? []).map((l: Json) => l.contractPeriod),
      [c.tender?.contractPeriod],
    ]
      .map((s) => s.filter(Boolean))
      .find((s) => s.some((p: Json) => p.endDate)) ?? [];
  const latest = (k: string) =>
    periods
      .map((p: Json) => ukDay(p[k]))
      .filter((d: string | null): d is string => d !== null)
      .sort()
      .at(-1) ?? null;
  const end = latest('endDate');
  const max = latest('maxExtentDate');
  const day = end !== null && end >= AS_OF ? end : max !== null && max >= AS_OF ? max : null;
  if (day === null) return null;
  const gross = active.every((a: Json) => a.value?.amountGross !== undefined);
  const amounts = active.map((a: Json) => (gross ? a.value?.amountGross : a.value?.amount));
  const gbp =
    active.every((a: Json) => a.value?.currency === 'GBP') && amounts.every((v: unknown) => v !== undefined);
  const value = gbp ? amounts.reduce((s: number, v: number) => s + Number(v), 0) : null;
  const due = addMonths(day, -lead(value));
  if (due < AS_OF || due > LAST) return null;
  const codes = cpvIds(c).filter((x) => cpvCodes.has(x));
  const markets = [
    ...new Set(codes.filter((x) => x.replace(/0+$/, '').length >= 3).map((x) => x.slice(0, 3))),
  ];
  const buyerParty = (c.parties ?? []).find((p: Json) => p.id === c.buyer.id);
  const regions = [...collect(c.tender?.items ?? [], 'region'), buyerParty?.address?.region];
  const area = [...new Set(regions.map(itl1).filter((r): r is string => r !== null))].sort();
  return { ocid, buyer: String(c.buyer.name), value, due, markets, area };
}

describe('collaboration finder on the ingested sample', () => {
  let s: SampleApp;
  let app: FastifyInstance;
  let service: CollaborationService;
  let due: Golden[];
  beforeAll(async () => {
    s = await createSampleApp();
    app = s.app;
    service = createCollaborationService({ db: s.t.db, cpv: loadCpvLabels(), today: () => AS_OF });
    const records = await sql<{ ocid: string; compiled: string }>`select ocid, compiled from record`.execute(
      s.t.db,
    );
    due = records.rows.map((r) => golden(r.ocid, JSON.parse(r.compiled) as Json)).filter((g) => g !== null);
  }, 180_000);
  afterAll(async () => s?.close());

  it('finds the group around East Midlands for CPV group 853 exactly as worked out from the releases', async () => {
    // East Midlands and the regions sharing a land border with it; no region = national, joins any group.
    const hood = ['UKD', 'UKE', 'UKF', 'UKG', 'UKH', 'UKJ'];
    const expected = due.filter(
      (g) => g.markets.includes('853') && (g.area.length === 0 || g.area.some((r) => hood.includes(r))),
    );
    expect(new Set(expected.map((g) => g.buyer)).size).toBeGreaterThanOrEqual(2);
    const result = await service.find(service.queryOrThrow({ cpv: '853', pageSize: 100 }));
    const group = result.groups.find((g) => g.id === '853-UKF');
    expect(group, JSON.stringify(result.groups.map((g) => g.id))).toBeDefined();
    expect(group!.contracts.map((c) => c.ocid).sort()).toEqual(expected.map((g) => g.ocid).sort());
    expect(group!.buyers.map((b) => b.name).sort()).toEqual(
      [...new Set(expected.map((g) => g.buyer))].sort(),
    );
    expect(group!.buyerCount).toBe(new Set(expected.map((g) => g.buyer)).size);
    expect(Number(group!.valueGbp)).toBeCloseTo(
      expected.reduce((a, g) => a + (g.value ?? 0), 0),
      2,
    );
    expect(group!.firstDecisionDue).toBe(expected.map((g) => g.due).sort()[0]);
    for (const c of group!.contracts)
      expect(c.decisionDueBy).toBe(expected.find((g) => g.ocid === c.ocid)!.due);
    expect(group!.market.label).toBe('Social work and related services');
    expect(group!.explanation).toMatch(/^\d buyers have \d let contracts in CPV group 853/);
  });

  it('ranks groups by combined value, keeps only groups of two or more buyers, and pages them', async () => {
    const all = await service.find(service.queryOrThrow({ windowMonths: 24, pageSize: 100 }));
    expect(all.total).toBeGreaterThan(1);
    const values = all.groups.map((g) => Number(g.valueGbp));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    for (const g of all.groups) expect(g.buyerCount).toBeGreaterThanOrEqual(2);
    const page2 = await service.find(service.queryOrThrow({ windowMonths: 24, pageSize: 1, page: 2 }));
    expect(page2.groups.map((g) => g.id)).toEqual([all.groups[1]!.id]);
    const soonest = await service.find(
      service.queryOrThrow({ windowMonths: 24, sort: 'decision', pageSize: 100 }),
    );
    const firsts = soonest.groups.map((g) => g.firstDecisionDue);
    expect(firsts).toEqual([...firsts].sort());
  });

  it('for one buyer, shows only the groups it is in, with that buyer first', async () => {
    const id = await organisationIdByName(s.t, 'The Police and Crime Commissioner for Nottinghamshire');
    const r = await service.find(service.queryOrThrow({ buyerId: id }));
    expect(r.buyer?.id).toBe(id);
    expect(r.groups.length).toBeGreaterThan(0);
    for (const g of r.groups) expect(g.buyers[0]!.id).toBe(id);
    const none = await service.find(service.queryOrThrow({ buyerId: id, cpv: '03' }));
    expect(none.total).toBe(0);
  });

  it('serves the JSON API, the CSV with every contract of every group, and explains bad input', async () => {
    const api = await app.inject({ url: `/api/collaborate?asOf=${AS_OF}&windowMonths=24` });
    expect(api.statusCode).toBe(200);
    const body = api.json();
    const direct = await service.find(service.queryOrThrow({ windowMonths: 24 }));
    expect(body.total).toBe(direct.total);
    expect(body.groups.map((g: Json) => g.id)).toEqual(direct.groups.map((g) => g.id));
    const csv = await app.inject({ url: `/api/collaborate.csv?asOf=${AS_OF}&windowMonths=24` });
    expect(csv.statusCode).toBe(200);
    const lines = parseCsv(csv.body.replace(/^\uFEFF/, '')).filter((r) => r.length > 1);
    expect(lines[0]!.slice(0, 3)).toEqual(['rank', 'group', 'cpv_level']);
    expect(lines.length - 1).toBe(direct.groups.reduce((a, g) => a + g.contractCount, 0));
    const bad = await app.inject({ url: '/api/collaborate?windowMonths=0' });
    expect(bad.statusCode).toBe(400);
    const badRegion = await app.inject({ url: '/api/collaborate?region=York' });
    expect(badRegion.statusCode).toBe(400);
    expect(badRegion.body).toMatch(/Region must be an ITL or NUTS code/);
  });

  it('renders the pages: national, per buyer, errors and an unknown buyer', async () => {
    const page = await app.inject({ url: `/collaborate?asOf=${AS_OF}&windowMonths=24` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<h1 class="govuk-heading-l">Collaboration finder<\/h1>/);
    expect(page.body).toMatch(/groups? of buyers with decisions due by 6 December 2028/);
    // Decision days are <time> elements in words, not escaped markup.
    expect(page.body).toMatch(
      /<time datetime="\d{4}-\d{2}-\d{2}">\d{1,2} [A-Z][a-z]+ \d{4}<\/time> to <time/,
    );
    expect(page.body).not.toContain('&lt;time');
    const id = await organisationIdByName(s.t, 'The Police and Crime Commissioner for Nottinghamshire');
    const mine = await app.inject({ url: `/organisations/${id}/collaborate?asOf=${AS_OF}` });
    expect(mine.statusCode).toBe(200);
    expect(mine.body).toMatch(/Who could you buy with\?/);
    expect(mine.body).toMatch(/This buyer/);
    const bad = await app.inject({ url: '/collaborate?windowMonths=99&minBuyers=1' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toMatch(/Window must be a whole number of months from 1 to 60/);
    expect(bad.body).toMatch(/Minimum buyers must be a whole number from 2 to 50/);
    const missing = await app.inject({ url: '/organisations/999999999/collaborate' });
    expect(missing.statusCode).toBe(404);
  });
});
