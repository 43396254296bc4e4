// The national red-flag list through the web app (Fastify inject) on the real sample, once the stored results are
// refreshed: the page, its CSV and the API give the same results as the service; bad filters are a 400 with an
// error summary (page), a plain-text list (CSV) or the API's error; no match is an empty state, not an empty table.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedFlagsService } from '../../src/services/redflags.service.js';
import { createSampleApp, type SampleApp } from '../support/sample-app.js';

describe('national red flags pages and API', () => {
  let s: SampleApp;
  let service: ReturnType<typeof createRedFlagsService>;
  let flag = '';
  beforeAll(async () => {
    s = await createSampleApp();
    service = createRedFlagsService({ db: s.t.db });
    await service.refresh();
    flag = (await service.national({ pageSize: 1 })).items[0]!.flagId;
  }, 180_000);
  afterAll(async () => s?.close());

  it('shows every buyer’s flagged results with buyer and record links, and the download links', async () => {
    const a = await service.national({});
    expect(a.total).toBeGreaterThan(0);
    const r = await s.app.inject({ url: '/flags' });
    expect(r.statusCode).toBe(200);
    expect(r.body).toContain('<h1 class="govuk-heading-l">Red flags across buyers</h1>');
    expect(r.body).toContain(`${a.total} result(s), page 1 of 1.`);
    for (const i of a.items) {
      expect(r.body).toContain(`href="/organisations/${i.buyer.id}/flags"`);
      if (i.ocid) expect(r.body).toContain(`href="/contracts/${encodeURIComponent(i.ocid)}"`);
    }
    expect(r.body).toContain('href="/flags.csv"');
    expect(r.body).toContain('href="/api/flags/national"');
  });

  it('gives the same results as CSV and JSON, filters kept', async () => {
    const a = await service.national({ flag: flag });
    const csv = await s.app.inject({ url: `/flags.csv?flag=${flag}` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="red-flags-national.csv"');
    const rows = parse(csv.body, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((x) => [Number(x.buyer_id), x.flag, x.ocid, x.detail, x.stale])).toEqual(
      a.items.map((i) => [i.buyer.id, i.flagId, i.ocid ?? '', i.detail, 'no']),
    );
    const api = await s.app.inject({ url: `/api/flags/national?flag=${flag}` });
    expect(api.statusCode).toBe(200);
    expect(api.json()).toEqual(JSON.parse(JSON.stringify(a)));
  });

  it('answers bad filters with 400 and an error summary, and no match with an empty state', async () => {
    const bad = await s.app.inject({ url: '/flags?region=XX9&cpv=abc' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('There is a problem');
    expect(bad.body).toContain('href="#region"');
    expect(bad.body).toContain('href="#cpv"');
    const badCsv = await s.app.inject({ url: '/flags.csv?severity=urgent' });
    expect(badCsv.statusCode).toBe(400);
    expect(badCsv.body).toBe('Severity must be one of high, medium, low');
    expect((await s.app.inject({ url: '/api/flags/national?severity=urgent' })).statusCode).toBe(400);
    // Every flag is high or medium: none is low.
    const none = await s.app.inject({ url: '/flags?severity=low' });
    expect(none.statusCode).toBe(200);
    expect(none.body).toContain('No flagged results match these filters.');
    expect(none.body).not.toContain('govuk-table');
  });
});
