// The compliance calendar on the real sample (data/sample ingested into a test database), worked out by hand:
// The Education Training Collective (one Find a Tender record, ocds-h6vhtk-06e832: UK6 of 6 Oct 2026 with an
// expected signature date of 19 Oct 2026, so its UK7 was due by 18 Nov 2026 and none was published) and Espo
// (its £400m framework puts estimated spend over £100m in FY 2025-26 to FY 2027-28; no UK1 published). Both are buyers, not
// private utilities, so payments compliance notices are listed from the first period (1 Oct 2025 – 31 Mar 2026).
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createCalendarService, type CalendarService } from '../../src/services/calendar.service.js';
import { createServices } from '../../src/services/index.js';
import { buildApp } from '../../src/web/app.js';
import { createSampleDb, type TestDb } from '../support/db.js';

const AS_OF = '2026-11-25';

describe('compliance calendar on the ingested sample', () => {
  let t: TestDb;
  let calendar: CalendarService;
  let app: FastifyInstance;
  const ids: Record<string, number> = {};
  beforeAll(async () => {
    t = await createSampleDb();
    calendar = createCalendarService({ db: t.db, today: () => AS_OF, pageSize: 100 });
    const config = loadConfig({}, { databaseUrl: t.url });
    const log = createLogger('warn');
    app = await buildApp({ config, services: createServices({ db: t.db, config, log }), log });
    for (const name of ['The Education Training Collective', 'Espo']) {
      const rows = await sql<{ id: number }>`select id from organisation where name = ${name}`.execute(t.db);
      expect(rows.rows).toHaveLength(1);
      ids[name] = Number(rows.rows[0]!.id);
    }
  }, 180_000);
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('gives The Education Training Collective its overdue UK7 and its payments compliance notices', async () => {
    const c = await calendar.calendar(ids['The Education Training Collective']!);
    expect(c.asOf).toBe(AS_OF);
    expect(c.horizon).toBe('2027-11-25');
    expect(c.records).toBe(1);
    expect(c.items.map((e) => `${e.dueDate} ${e.status} ${e.notice} ${e.subject}`)).toEqual([
      // 1 Oct 2025 – 31 Mar 2026 + 30 days; not in OCDS, so past due it cannot be confirmed.
      '2026-04-30 unconfirmable UK8 [?] 1 Oct 2025 – 31 Mar 2026',
      '2026-10-30 unconfirmable UK8 [?] 1 Apr 2026 – 30 Sep 2026',
      // 19 Oct 2026 (futureSignatureDate on the UK6) + 30 days.
      '2026-11-18 overdue UK7 award 1',
      '2027-04-30 upcoming UK8 [?] 1 Oct 2026 – 31 Mar 2027',
      '2027-10-30 upcoming UK8 [?] 1 Apr 2027 – 30 Sep 2027',
    ]);
    const uk7 = c.items[2]!;
    expect(uk7).toMatchObject({
      ocid: 'ocds-h6vhtk-06e832',
      recordTitle: 'Unified Communications and Mobile Services - Revised',
      recordPath: '/contracts/ocds-h6vhtk-06e832',
      daysUntilDue: -7,
      confirmable: true,
    });
    expect(c.counts).toEqual({
      overdue: 1,
      'due-soon': 0,
      upcoming: 2,
      done: 0,
      unconfirmable: 2,
      undated: 0,
    });
    // Its estimated spend is far below £100m in every year: no UK1, said so. Not central government: no PPN 001.
    expect(c.notes.map((n) => `${n.duty} ${n.subject ?? ''}`.trim())).toEqual([
      'uk1-pipeline FY 2025-26',
      'uk1-pipeline FY 2026-27',
      'uk1-pipeline FY 2027-28',
      'sme-vcse-report',
    ]);
    expect(c.assumptions.map((a) => a.ruleId)).toEqual(['calendar.due-soon-days']);
  });

  it('sees the UK7 as due soon before its due day, and nothing before the record was published', async () => {
    const id = ids['The Education Training Collective']!;
    const soon = await calendar.calendar(id, { asOf: '2026-10-19', status: 'due-soon,overdue' });
    expect(soon.items.map((e) => `${e.dueDate} ${e.status}`)).toEqual([
      '2026-10-30 due-soon',
      '2026-11-18 due-soon',
    ]);
    const before = await calendar.calendar(id, { asOf: '2026-10-05', status: 'overdue,due-soon' });
    expect(before.items.map((e) => `${e.dueDate} ${e.duty}`)).toEqual(['2026-10-30 payments-compliance']);
  });

  it('gives Espo its missed UK1 pipeline notice and the next window', async () => {
    const c = await calendar.calendar(ids.Espo!, { status: ['overdue', 'upcoming'] });
    expect(
      c.items.filter((e) => e.duty === 'uk1-pipeline').map((e) => `${e.dueDate} ${e.status} ${e.subject}`),
    ).toEqual([
      '2025-05-26 overdue FY 2025-26',
      '2026-05-26 overdue FY 2026-27',
      '2027-05-26 upcoming FY 2027-28',
    ]);
    expect(c.items.find((e) => e.subject === 'FY 2026-27')?.detail).toContain('£100068540 estimated');
  });

  it('filters, paginates and validates', async () => {
    const id = ids['The Education Training Collective']!;
    const p2 = await calendar.calendar(id, { pageSize: 2, page: 2 });
    expect(p2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(p2.items.map((e) => e.dueDate)).toEqual(['2026-11-18', '2027-04-30']);
    await expect(calendar.calendar(id, { asOf: '2026-02-30' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'asOf: must be a day (YYYY-MM-DD), got "2026-02-30"',
    });
    await expect(calendar.calendar(id, { status: 'late', pageSize: '0' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(
        /^status: must be one of .*got "late"; pageSize: must be a whole number/,
      ),
    });
    await expect(calendar.calendar(99_999_999)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('serves the calendar as JSON, CSV and iCalendar, with 404 and 400 as errors', async () => {
    const id = ids['The Education Training Collective']!;
    const json = await app.inject(`/api/calendar/organisations/${id}?asOf=${AS_OF}&status=overdue`);
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({
      total: 1,
      items: [{ duty: 'uk7-contract-details', status: 'overdue' }],
    });
    const csv = await app.inject(`/api/calendar/organisations/${id}.csv?asOf=${AS_OF}`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body.trim().split('\r\n')).toHaveLength(6);
    const ics = await app.inject(`/api/calendar/organisations/${id}.ics?asOf=${AS_OF}`);
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(ics.body.match(/BEGIN:VEVENT/g)).toHaveLength(5);
    expect((await app.inject('/api/calendar/organisations/99999999')).json()).toMatchObject({
      error: { code: 'NOT_FOUND' },
    });
    expect((await app.inject(`/api/calendar/organisations/${id}?asOf=tomorrow`)).statusCode).toBe(400);
    expect((await app.inject(`/api/calendar/organisations/${id}?status=late`)).statusCode).toBe(400);
    const docs = (await app.inject('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(docs.paths)).toEqual(
      expect.arrayContaining(['/api/calendar/organisations/{id}', '/api/calendar/organisations/{id}.ics']),
    );
  });
});
