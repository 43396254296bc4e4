// Red flags on the ingested sample (data/sample in a test database): a buyer's direct-award share checked against
// a count made here straight from the contract model, one record's flags, validation and not-found errors.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createServices } from '../../src/services/index.js';
import { buildApp } from '../../src/web/app.js';
import { createRedFlagsService } from '../../src/services/redflags.service.js';
import { createSampleDb, type TestDb } from '../support/db.js';

describe('red flags on the ingested sample', () => {
  let t: TestDb;
  let flags: ReturnType<typeof createRedFlagsService>;
  let app: FastifyInstance;
  beforeAll(async () => {
    t = await createSampleDb();
    flags = createRedFlagsService({ db: t.db, today: () => '2026-11-25' });
    const config = loadConfig({}, { databaseUrl: t.url });
    const log = createLogger('warn');
    app = await buildApp({ config, services: createServices({ db: t.db, config, log }), log });
  }, 180_000);
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  /** Per buyer, counted here from the contract model: awarded procedures with a method, and the uncompeted ones. */
  async function methodCounts() {
    const rows = await sql<{ buyer_id: number; n: number; direct: number; ocids: string[] }>`
      select p.buyer_id, count(*)::int as n,
        count(*) filter (where p.procurement_method in ('limited', 'direct'))::int as direct,
        coalesce(array_agg(p.ocid order by p.ocid) filter (where p.procurement_method in ('limited', 'direct')), '{}') as ocids
      from process p
      where p.procurement_method in ('open', 'selective', 'limited', 'direct')
        and exists (select 1 from award a where a.ocid = p.ocid
                    and (a.status is null or a.status in ('active', 'pending')))
      group by p.buyer_id
      order by direct desc, n desc, p.buyer_id`.execute(t.db);
    return rows.rows.map((r) => ({ ...r, buyer_id: Number(r.buyer_id) }));
  }

  it('gives each buyer the direct-award counts the contract model holds', async () => {
    const counts = await methodCounts();
    expect(counts.length).toBeGreaterThan(5);
    for (const c of counts.slice(0, 4)) {
      const a = await flags.flags({ buyerId: c.buyer_id, status: 'all', pageSize: 200 });
      if (a.kind !== 'buyer') throw new Error('expected a buyer report');
      const share = a.items.find((r) => r.flagId === 'direct-award-share')!;
      expect(share.evidence.slice(0, 2)).toEqual([
        { label: 'awarded procedures with a method', value: String(c.n) },
        { label: 'without competition', value: String(c.direct) },
      ]);
      expect(share.ocids).toEqual(c.ocids);
      // No sample buyer has the 5 awarded procedures a share needs: not computable, never "clear".
      expect(share).toMatchObject({ status: 'not-applicable', reason: 'not-computable' });
      expect(a.summary.find((s) => s.flagId === 'direct-award-share')).toMatchObject({ notComputable: 1 });
      expect(a.records).toBeGreaterThanOrEqual(c.n);
    }
  });

  it('flags one record: the real UK4 078219 meets the 25-day minimum (6 Oct – 5 Nov 2026)', async () => {
    const a = await flags.flags({ ocid: 'ocds-h6vhtk-078219', status: 'all' });
    if (a.kind !== 'record') throw new Error('expected a record report');
    expect(a.buyer).not.toBeNull();
    expect(a.summary.map((s) => s.flagId)).toEqual([
      'single-bid',
      'short-tender-period',
      'award-over-estimate',
      'modification-increase',
    ]);
    expect(a.items.find((r) => r.flagId === 'short-tender-period')).toMatchObject({
      status: 'clear',
      evidence: [
        { label: 'tender period', value: '2026-10-06 to 2026-11-05 (30 days)' },
        expect.anything(),
        expect.anything(),
      ],
    });
    const flagged = await flags.flags({ ocid: 'ocds-h6vhtk-078219' });
    expect(flagged).toMatchObject({ status: 'flagged', total: 0, items: [] });
  });

  it('lists the definitions with thresholds in force, and rejects bad input', async () => {
    const d = await flags.flags({});
    if (d.kind !== 'definitions') throw new Error('expected definitions');
    expect(d.flags).toHaveLength(7);
    expect(d.flags.find((f) => f.id === 'short-tender-period')!.thresholds[0]).toMatchObject({
      value: '25',
      configurableDefault: false,
    });
    await expect(flags.flags({ buyerId: 'x' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(flags.flags({ ocid: 'ocds-h6vhtk 1' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(flags.flags({ buyerId: 1, ocid: 'ocds-h6vhtk-078219' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(flags.flags({ status: 'bad', buyerId: 1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(flags.flags({ buyerId: 999999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(flags.flags({ ocid: 'ocds-h6vhtk-000000' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('pages the results', async () => {
    const [c] = await methodCounts();
    const all = await flags.flags({ buyerId: c!.buyer_id, status: 'all', pageSize: 200 });
    const p2 = await flags.flags({ buyerId: c!.buyer_id, status: 'all', page: 2, pageSize: 2 });
    if (all.kind !== 'buyer' || p2.kind !== 'buyer') throw new Error('expected buyer reports');
    expect(p2.total).toBe(all.total);
    expect(p2.items).toEqual(all.items.slice(2, 4));
  });

  it('serves the same figures at GET /api/flags, with 400 and 404 errors', async () => {
    const [c] = await methodCounts();
    const get = (url: string) => app.inject({ method: 'GET', url });
    const r = await get(`/api/flags?buyerId=${c!.buyer_id}&status=all&pageSize=200`);
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual(
      JSON.parse(JSON.stringify(await flags.flags({ buyerId: c!.buyer_id, status: 'all', pageSize: 200 }))),
    );
    const rec = await get('/api/flags?ocid=ocds-h6vhtk-078219&status=all');
    expect(rec.statusCode).toBe(200);
    expect(rec.json()).toMatchObject({ kind: 'record', ocid: 'ocds-h6vhtk-078219', records: 1 });
    const defs = await get('/api/flags');
    expect(defs.statusCode).toBe(200);
    expect((defs.json() as { flags: unknown[] }).flags).toHaveLength(7);
    expect((await get('/api/flags?buyerId=abc')).statusCode).toBe(400);
    expect((await get('/api/flags?status=nope&buyerId=1')).statusCode).toBe(400);
    expect((await get('/api/flags?buyerId=999999')).statusCode).toBe(404);
  });

  it('shows the record’s red flags on its contract page', async () => {
    const r = await app.inject({ method: 'GET', url: '/contracts/ocds-h6vhtk-078219' });
    expect(r.statusCode).toBe(200);
    const page = r.body;
    expect(page).toContain('<h2 class="govuk-heading-m" id="red-flags">Red flags</h2>');
    expect(page).toMatch(
      /Tender period below statutory minimum<\/td>\s*<td class="govuk-table__cell">Clear<\/td>/,
    );
    expect(page).toContain('tender period: 2026-10-06 to 2026-11-05 (30 days)');
    expect(page).toContain('href="/api/flags?ocid=ocds-h6vhtk-078219&amp;status=all"');
    // 078219 has no award yet: single bid, award vs estimate and modification do not apply.
    expect(page).toContain('3 flag judgement(s) do not apply here');
  });

  it('shows a buyer’s red flags page, its status filter, and the CSV of the same results', async () => {
    const [c] = await methodCounts();
    const page = await app.inject({
      method: 'GET',
      url: `/organisations/${c!.buyer_id}/flags?status=not-computable`,
    });
    expect(page.statusCode).toBe(200);
    const a = await flags.export({ buyerId: c!.buyer_id, status: 'not-computable' });
    expect(page.body).toContain('<h1 class="govuk-heading-l">Red flags</h1>');
    expect(page.body).toContain(`${a.total} result(s).`);
    expect(page.body).toContain('id="flag-direct-award-share"');
    const csv = await app.inject({
      method: 'GET',
      url: `/organisations/${c!.buyer_id}/flags.csv?status=not-computable`,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'flag,status,ocid,record_url,subject,detail,missing,evidence,rules,configurable_defaults',
    );
    expect(lines).toHaveLength(a.total + 1);
    expect(lines.filter((l) => l.startsWith('direct-award-share,not-computable,,'))).toHaveLength(1);
    expect(
      (await app.inject({ method: 'GET', url: `/organisations/${c!.buyer_id}/flags?status=bad` })).statusCode,
    ).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/organisations/999999/flags' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/organisations/x/flags' })).statusCode).toBe(404);
  });
});
