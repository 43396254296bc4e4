// The records behind scorecard figures on the real sample: one check for one organisation (its failing records,
// checked against the contract model queried directly), the same check across buyers, the league table as CSV,
// and the JSON API and pages over them, with their 404s and 400s.
import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createQualityDetailService,
  type QualityDetailService,
} from '../../src/services/quality-detail.service.js';
import { createQualityService, type QualityService } from '../../src/services/quality.service.js';
import { LEAGUE_CSV_COLUMNS } from '../../src/services/quality-csv.js';
import type { TestDb } from '../support/db.js';
import { createSampleApp, organisationIdByName, type SampleApp } from '../support/sample-app.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed responses

const AS_OF = '2026-11-25';
// The one check with a not-computable record on the sample (a Procurement Act record without what it needs).
const NOT_COMPUTABLE_CHECK = 'pa-market-engagement';

describe('data-quality check detail on the ingested sample', () => {
  let sample: SampleApp;
  let t: TestDb;
  let detail: QualityDetailService;
  let quality: QualityService;
  let app: FastifyInstance;
  let derby: number;
  beforeAll(async () => {
    sample = await createSampleApp();
    ({ t, app } = sample);
    detail = createQualityDetailService({ db: t.db, today: () => AS_OF, pageSize: 100 });
    quality = createQualityService({ db: t.db, today: () => AS_OF, pageSize: 100 });
    derby = await organisationIdByName(t, 'DERBY CITY COUNCIL');
  }, 180_000);
  afterAll(async () => sample.close());

  it('lists the records failing a check, as the contract model says', async () => {
    // Independently: Derby's records whose buyer party carries no identifier.
    const expected = await sql<{ ocid: string; title: string | null }>`
      select p.ocid, p.title from process p
      where p.buyer_id = ${derby}
        and not exists (select 1 from party b where b.ocid = p.ocid and 'buyer' = any(b.roles)
                        and cardinality(b.identifiers) > 0)
      order by p.ocid`.execute(t.db);
    expect(expected.rows).toHaveLength(5);
    const d = await detail.checkDetail(derby, 'coverage-buyer-identifier', { sort: 'ocid', pageSize: 100 });
    expect(d.organisation).toMatchObject({ id: derby, name: 'DERBY CITY COUNCIL' });
    expect(d.check).toMatchObject({ id: 'coverage-buyer-identifier', severity: 'medium', weight: 2 });
    expect(d.check.definition).toMatch(/organisation identifier/);
    expect(d.counts).toMatchObject({ passed: 1, failed: 5, applicable: 6, notComputable: 0 });
    expect(d.counts.passRate).toBeCloseTo(1 / 6);
    expect(d.records.total).toBe(5);
    expect(d.records.items.map((r) => [r.ocid, r.title])).toEqual(
      expected.rows.map((r) => [r.ocid, r.title]),
    );
    for (const r of d.records.items)
      expect(r.reasons.map((x) => x.detail)).toEqual([
        'DERBY CITY COUNCIL is named but carries no identifier.',
      ]);

    // The same counts as the scorecard's row for the check.
    const card = await quality.scorecard(derby);
    const row = card.checks.find((c) => c.checkId === 'coverage-buyer-identifier')!;
    expect(row.failingOcids).toEqual(d.records.items.map((r) => r.ocid));
  });

  it('pages and sorts the failing records', async () => {
    const all = (await detail.checkDetail(derby, 'coverage-buyer-identifier', { pageSize: 100 })).records;
    const titles = all.items.map((r) => r.title ?? '');
    expect(titles).toEqual([...titles].sort((a, b) => a.localeCompare(b, 'en-GB')));
    const pages = [];
    for (let page = 1; page <= 3; page++)
      pages.push(
        ...(await detail.checkDetail(derby, 'coverage-buyer-identifier', { pageSize: 2, page })).records
          .items,
      );
    expect(pages.map((r) => r.ocid)).toEqual(all.items.map((r) => r.ocid));
    const newest = (await detail.checkDetail(derby, 'coverage-buyer-identifier', { sort: 'published' }))
      .records;
    const times = newest.items.map((r) => r.firstPublished!.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(newest.order).toBe('desc');
  });

  it('lists the records a check could not judge, with the fields it needed', async () => {
    const across = await detail.checkAcross(NOT_COMPUTABLE_CHECK, { pageSize: 100 });
    const org = across.items.find((r) => r.notComputable > 0);
    expect(org, 'some buyer has records the check cannot judge').toBeDefined();
    const d = await detail.checkDetail(org!.id, NOT_COMPUTABLE_CHECK, { status: 'not-computable' });
    expect(d.records.total).toBe(org!.notComputable);
    expect(d.counts.notComputable).toBe(org!.notComputable);
    expect(d.missing.length).toBeGreaterThan(0);
    expect(d.records.items[0]!.reasons[0]!.missing.length).toBeGreaterThan(0);
  });

  it('shows one check across buyers, lowest pass rate first, agreeing with each scorecard', async () => {
    const first = await detail.checkAcross('coverage-buyer-identifier', { pageSize: 100 });
    const items = [...first.items];
    for (let page = 2; (page - 1) * 100 < first.total; page++)
      items.push(...(await detail.checkAcross('coverage-buyer-identifier', { pageSize: 100, page })).items);
    expect(items).toHaveLength(first.total);
    const rates = items.map((r) => r.passRate ?? 2);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    expect(items.find((r) => r.id === derby)).toMatchObject({ failed: 5, passed: 1 });
    // Every record has a buyer judged by this check, so every buyer in the league is in the list.
    expect(first.total).toBe((await quality.league()).total);
  });

  it('refuses an unknown check, organisation or query clearly', async () => {
    await expect(detail.checkDetail(derby, 'no-such-check')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/no data-quality check "no-such-check"; the checks are coverage-value/),
    });
    await expect(detail.checkDetail(999_999, 'coverage-cpv')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(detail.checkDetail(derby, 'coverage-cpv', { sort: 'value' })).rejects.toThrow(
      /sort: must be one of/,
    );
    await expect(detail.checkAcross('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  const get = async (url: string) => {
    const r = await app.inject({ method: 'GET', url });
    return {
      status: r.statusCode,
      body: r.body,
      type: r.headers['content-type'],
      json: () => r.json() as Json,
    };
  };

  it('serves check detail as JSON, with 404 and 400 answers', async () => {
    const ok = await get(
      `/api/quality/organisations/${derby}/checks/coverage-buyer-identifier?asOf=${AS_OF}&sort=ocid&pageSize=3`,
    );
    expect(ok.status).toBe(200);
    expect(ok.json()).toMatchObject({
      asOf: AS_OF,
      counts: { failed: 5, passed: 1 },
      records: { total: 5, page: 1, pageSize: 3, sort: 'ocid', order: 'asc', status: 'failed' },
    });
    expect(ok.json().records.items).toHaveLength(3);
    expect(ok.json().records.items[0].firstPublished).toMatch(/^\d{4}-\d\d-\d\dT/);
    const noCheck = await get(`/api/quality/organisations/${derby}/checks/no-such-check`);
    expect(noCheck.status).toBe(404);
    expect(noCheck.json().error.message).toMatch(/no-such-check/);
    expect((await get('/api/quality/organisations/999999/checks/coverage-cpv')).status).toBe(404);
    for (const q of ['sort=value', 'status=passed', 'pageSize=101', 'page=0', 'asOf=2026-02-30x'])
      expect((await get(`/api/quality/organisations/${derby}/checks/coverage-cpv?${q}`)).status, q).toBe(400);
    const across = await get('/api/quality/checks/coverage-buyer-identifier?pageSize=5');
    expect(across.status).toBe(200);
    expect(across.json().items).toHaveLength(5);
    expect((await get('/api/quality/checks/nope')).status).toBe(404);
    const doc = (await get('/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/quality/organisations/{id}/checks/{checkId}',
        '/api/quality/checks/{checkId}',
        '/api/quality/organisations.csv',
      ]),
    );
  });

  it('exports the whole league table as CSV, filtered and sorted like the JSON', async () => {
    const league = (await get(`/api/quality/organisations?asOf=${AS_OF}&sort=name&pageSize=5`)).json();
    const csv = await get(`/api/quality/organisations.csv?asOf=${AS_OF}&sort=name`);
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    const rows = parse(csv.body, { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...LEAGUE_CSV_COLUMNS]);
    expect(rows).toHaveLength(league.total);
    expect(rows.slice(0, 5).map((r) => Number(r.organisation_id))).toEqual(
      league.items.map((i: Json) => i.id),
    );
    const derbyRow = rows.find((r) => Number(r.organisation_id) === derby)!;
    expect(derbyRow).toMatchObject({ score: '87.9', failures: '6', as_of: AS_OF });
    expect(derbyRow.scorecard_url).toMatch(new RegExp(`/organisations/${derby}/quality$`));

    const type = league.buyerTypes[0];
    expect(type).toBeDefined();
    const typed = await get(`/api/quality/organisations.csv?asOf=${AS_OF}&buyerType=${type.buyerType}`);
    const typedRows = parse(typed.body, { columns: true, bom: true }) as Record<string, string>[];
    expect(typedRows).toHaveLength(type.organisations);
    expect(new Set(typedRows.map((r) => r.buyer_type))).toEqual(new Set([type.buyerType]));
    const typedJson = (
      await get(`/api/quality/organisations?asOf=${AS_OF}&buyerType=${type.buyerType}`)
    ).json();
    expect(typedJson).toMatchObject({ total: type.organisations, buyerType: type.buyerType });
    const unknown = await get('/api/quality/organisations.csv?buyerType=martian');
    expect(unknown.status).toBe(400);
    expect(unknown.json().error.message).toMatch(/buyerType: no buyer has the type "martian"/);
  });

  it('serves the pages, with 404 for unknown organisations and checks and 400 for bad parameters', async () => {
    const league = await get('/quality?sort=name&pageSize=10');
    expect(league.status).toBe(200);
    expect(league.body).toContain('href="/quality/method#score"');
    expect(league.body).toMatch(
      /href="\/api\/quality\/organisations\.csv\?sort=name&amp;order=asc&amp;asOf=\d{4}-\d\d-\d\d"/,
    );
    expect(league.body.match(/href="\/organisations\/\d+\/quality"/g)).toHaveLength(20);
    expect((await get('/quality/method')).body).toContain('id="coverage-buyer-identifier"');

    await quality.setOfficer(
      derby,
      { name: 'Jane Smith', role: 'Director of Finance', email: 'jane.smith@derby.gov.uk' },
      'test',
    );
    const card = await get(`/organisations/${derby}/quality`);
    expect(card.status).toBe(200);
    expect(card.body).toContain('Director of Finance');
    expect(card.body).toContain('href="mailto:jane.smith@derby.gov.uk"');
    expect(card.body).not.toContain('No accountable officer recorded');
    expect(card.body).toContain(`href="/organisations/${derby}/quality/checks/coverage-buyer-identifier"`);

    for (const [url, message] of [
      ['/organisations/999999/quality', 'There is no organisation with the id 999999'],
      ['/organisations/abc/quality', 'There is no organisation with the id abc'],
      [`/organisations/${derby}/quality/checks/no-such-check`, 'There is no data-quality check'],
      ['/quality/checks/no-such-check', 'There is no data-quality check'],
    ] as const) {
      const r = await get(url);
      expect(r.status, url).toBe(404);
      expect(r.body, url).toContain(message);
    }
    for (const [url, message] of [
      ['/quality?sort=cheapest', 'sort: must be one of score, name, failures'],
      ['/quality?buyerType=martian', 'no buyer has the type'],
      [`/organisations/${derby}/quality/checks/coverage-cpv?page=0`, 'page: must be a whole number'],
      [`/organisations/${derby}/quality/checks/coverage-cpv?status=passed`, 'status: must be one of'],
    ] as const) {
      const r = await get(url);
      expect(r.status, url).toBe(400);
      expect(r.body, url).toContain(message);
    }
  });
});
