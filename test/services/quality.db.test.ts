// Scorecards on the real sample (data/sample ingested into a test database): a golden scorecard computed by hand,
// the league table, the accountable officer with its audit trail, and the JSON API over the same services.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createServices } from '../../src/services/index.js';
import { createQualityService, type QualityService } from '../../src/services/quality.service.js';
import { listAudit } from '../../src/store/audit.repository.js';
import { buildApp } from '../../src/web/app.js';
import { createSampleDb, type TestDb } from '../support/db.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed responses

const AS_OF = '2026-11-25';

describe('quality scorecards on the ingested sample', () => {
  let t: TestDb;
  let quality: QualityService;
  let app: FastifyInstance;
  let derby: number;
  beforeAll(async () => {
    t = await createSampleDb();
    quality = createQualityService({ db: t.db, today: () => AS_OF, pageSize: 100 });
    const config = loadConfig({}, { databaseUrl: t.url });
    const log = createLogger('warn');
    app = await buildApp({ config, services: createServices({ db: t.db, config, log }), log });
    const rows = await sql<{
      id: number;
    }>`select id from organisation where name = ${'DERBY CITY COUNCIL'}`.execute(t.db);
    expect(rows.rows).toHaveLength(1);
    derby = Number(rows.rows[0]!.id);
  }, 180_000);
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('scores Derby City Council as computed by hand', async () => {
    // Derby has six records. Five are 2016 Contracts Finder notices closed without an award
    // (ocds-b5fd17-2c…/2d…-adc8-11e6-…): only coverage-cpv (valid CPV: pass) and coverage-buyer-identifier (the
    // buyer is named without an identifier: fail) apply to them. The sixth (ocds-b5fd17-6e414ecd-…, published
    // 11 Mar 2025) is an award to Senator International (GB-COH 01323955) of £1.5m, awarded 2 Jan 2025 for
    // 1 Feb 2025 – 31 Jan 2027, East Midlands, buyer GB-LAE-DER, selective procedure without a number of
    // tenderers: it passes every coverage and coherence check that applies except coverage-tenderers.
    // Checks that judged something (weight: medium 2, low 1):
    //   medium, pass rate 1: value, currency, contract period, end date, supplier id, end before start, value
    //   range (1/1 each) and CPV (6/6) → 8 checks; buyer identifier 1/6 (medium).
    //   low, pass rate 1: region, SME/VCSE flags, award after start (1/1); tenderers 0/1 (low).
    // Σ weights = 9×2 + 4×1 = 22; Σ weight × rate = 8×2×1 + 2×(1/6) + 3×1 + 1×0 = 19⅓.
    // Score = 100 × 19⅓ / 22 = 87.87… → 87.9. Pipeline (UK1): out of scope (no Procurement Act spend).
    const s = await quality.scorecard(derby);
    expect(s.score).toBe(87.9);
    expect(s.checksScored).toBe(13);
    expect(s.failures).toBe(6);
    expect(s.notComputable).toBe(0);
    const buyerId = s.checks.find((c) => c.checkId === 'coverage-buyer-identifier')!;
    expect(buyerId).toMatchObject({ applicable: 6, passed: 1, failed: 5 });
    expect(buyerId.failingOcids).toHaveLength(5);
    expect(buyerId.failingOcids.every((o) => o.endsWith('-adc8-11e6-9901-0019b9f3037b'))).toBe(true);
    expect(s.checks.find((c) => c.checkId === 'coverage-tenderers')).toMatchObject({
      applicable: 1,
      failed: 1,
      failingOcids: ['ocds-b5fd17-6e414ecd-9105-4a6d-a3ab-621c3440ffe1'],
    });
    expect(s.checks.find((c) => c.checkId === 'coverage-cpv')).toMatchObject({ applicable: 6, passed: 6 });
    // Derby's buyer type is not published: no peer group.
    expect(s.peers).toEqual({ buyerType: null, peers: 0, median: null, percentile: null });
  });

  it('follows the score back in time, quarter by quarter', async () => {
    // Before 11 Mar 2025 only the five 2016 notices exist: CPV 5/5 and buyer identifier 0/5, both medium:
    // 100 × (2×1 + 2×0) / 4 = 50. From the quarter ending 31 Mar 2025 the award record counts: 87.9.
    const s = await quality.scorecard(derby, { asOf: '2025-06-30' });
    expect(s.trend).toEqual([
      { quarter: '2024-Q2', asOf: '2024-06-30', score: 50 },
      { quarter: '2024-Q3', asOf: '2024-09-30', score: 50 },
      { quarter: '2024-Q4', asOf: '2024-12-31', score: 50 },
      { quarter: '2025-Q1', asOf: '2025-03-31', score: 87.9 },
    ]);
  });

  it('ranks every buyer in a league table, sorted and paginated', async () => {
    const all = await quality.league({ pageSize: 100, page: 1 });
    expect(all.total).toBe(296);
    const scores = all.items.map((i) => i.score ?? -1);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const derbyRows = [];
    for (let page = 1; page <= 3; page++)
      derbyRows.push(...(await quality.league({ page, pageSize: 100 })).items.filter((i) => i.id === derby));
    expect(derbyRows).toMatchObject([{ score: 87.9, failures: 6 }]);
    const byFailures = await quality.league({ sort: 'failures', order: 'desc', pageSize: 5 });
    const f = byFailures.items.map((i) => i.failures);
    expect(f).toEqual([...f].sort((a, b) => b - a));
    expect(() => quality.parseLeagueQuery({ sort: 'cheapest' })).toThrow(/sort/);
  });

  it('compares a typed buyer with the other buyers of its type', async () => {
    const league = await quality.league({ pageSize: 100 });
    const typed = [];
    for (let page = 1; page <= 3; page++)
      typed.push(
        ...(await quality.league({ page, pageSize: 100 })).items.filter((i) => i.buyerType !== null),
      );
    expect(league.total).toBe(296);
    expect(typed.length).toBeGreaterThan(2);
    const me = typed[0]!;
    const s = await quality.scorecard(me.id);
    const others = typed.filter((o) => o.id !== me.id && o.score !== null).map((o) => o.score!);
    expect(s.peers.buyerType).toBe(me.buyerType);
    expect(s.peers.peers).toBe(others.length);
    expect(s.score).toBe(me.score);
  });

  it('names the accountable officer, validates, and audits each change in the same transaction', async () => {
    await expect(
      quality.setOfficer(derby, { name: ' ', role: 'Director', email: 'not-an-email' }, 'test'),
    ).rejects.toThrow(/name: is required; email: "not-an-email" is not an email address/);
    await expect(
      quality.setOfficer(999_999, { name: 'A', role: 'B', email: 'a@b.uk' }, 'test'),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await quality.setOfficer(
      derby,
      { name: 'Jane  Smith', role: 'Director of Finance', email: 'jane.smith@derby.gov.uk' },
      'test:alice',
    );
    const saved = await quality.setOfficer(
      derby,
      {
        name: 'Jane Smith',
        role: 'Chief Executive',
        email: 'jane.smith@derby.gov.uk',
        phone: '01332 293111',
      },
      'test:bob',
    );
    expect(saved).toMatchObject({ name: 'Jane Smith', role: 'Chief Executive', updatedBy: 'test:bob' });
    expect((await quality.scorecard(derby)).officer).toMatchObject({ role: 'Chief Executive' });
    const log = await listAudit(t.db, 'accountable_officer', String(derby));
    expect(log.map((e) => [e.action, e.actor])).toEqual([
      ['update', 'test:bob'],
      ['create', 'test:alice'],
    ]);
    expect(log[0]!.before).toMatchObject({ role: 'Director of Finance' });
    expect(log[0]!.after).toMatchObject({ role: 'Chief Executive', phone: '01332 293111' });
    expect(log[1]!.before).toBeNull();
  });

  const get = async (url: string) => {
    const r = await app.inject({ method: 'GET', url });
    return { status: r.statusCode, json: () => r.json() as Json };
  };

  it('serves the league table and scorecards as JSON', async () => {
    const league = await get(
      `/api/quality/organisations?sort=name&order=asc&pageSize=10&page=2&asOf=${AS_OF}`,
    );
    expect(league.status).toBe(200);
    const body = league.json();
    expect(body).toMatchObject({
      total: 296,
      page: 2,
      pageSize: 10,
      sort: 'name',
      order: 'asc',
      asOf: AS_OF,
    });
    const names = body.items.map((i: Json) => i.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB')));
    const card = await get(`/api/quality/organisations/${derby}?asOf=${AS_OF}`);
    expect(card.status).toBe(200);
    expect(card.json()).toMatchObject({
      score: 87.9,
      organisation: { id: derby, name: 'DERBY CITY COUNCIL' },
    });
    expect(card.json().checks).toHaveLength(21);
    expect(card.json().trend).toHaveLength(4);
  });

  it('answers 404 for an unknown organisation and 400 for a bad query', async () => {
    const missing = await get('/api/quality/organisations/999999');
    expect(missing.status).toBe(404);
    expect(missing.json().error.code).toBe('NOT_FOUND');
    for (const q of ['sort=cheapest', 'pageSize=1000', 'page=0', 'asOf=2026-13-45', 'order=up']) {
      const bad = await get(`/api/quality/organisations?${q}`);
      expect(bad.status, q).toBe(400);
    }
    expect((await get('/api/quality/organisations/abc')).status).toBe(400);
    const doc = (await get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/quality/organisations', '/api/quality/organisations/{id}']),
    );
  });
});
