// The rolling pipeline service on the real sample's organisations (data/sample ingested): who may change what,
// optimistic concurrency (a save from an old version is refused and changes nothing; of ten simultaneous saves from
// one version exactly one lands), the change log and audit log, status moves, grouping by financial year, a new
// entry from an expiring contract, the UK1 CSV against a hand-checked file and OCDS planning releases that pass the
// schema validator ingest uses.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createValidator } from '../../src/ocds/validate/index.js';
import { repoPath } from '../../src/paths.js';
import type { Actor } from '../../src/services/authz.js';
import { uk1Csv, uk1Period, planningRelease } from '../../src/services/pipeline/pipeline-export.js';
import {
  createPipelineService,
  PIPELINE_ENTITY,
  type PipelineService,
} from '../../src/services/pipeline/pipeline.service.js';
import { listAudit } from '../../src/store/audit.repository.js';
import type { PipelineEntryRecord } from '../../src/store/pipeline.repository.js';
import { memberActor } from '../support/actors.js';
import { useSampleDb } from '../support/db.js';

const TODAY = '2026-12-06';

const actor = memberActor;

const errorCode = async (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: { code?: string }) => e.code,
  );

describe('pipeline service', () => {
  const sample = useSampleDb();
  let svc: PipelineService;
  let derby: number;
  let etc: number;
  let derbyEditor: Actor;
  let etcEditor: Actor;
  let derbyViewer: Actor;

  beforeAll(async () => {
    const { db } = sample();
    svc = createPipelineService({ db, today: () => TODAY });
    const id = async (name: string) =>
      Number(
        (await sql<{ id: string }>`select id from organisation where name = ${name}`.execute(db)).rows[0]!.id,
      );
    derby = await id('DERBY CITY COUNCIL');
    etc = await id('The Education Training Collective');
    derbyEditor = actor('editor@derby.gov.uk', [[derby, 'editor']]);
    etcEditor = actor('editor@etc.ac.uk', [[etc, 'editor']]);
    derbyViewer = actor('viewer@derby.gov.uk', [[derby, 'viewer']]);
  });

  const base = {
    title: 'Highways maintenance',
    cpvCode: '45233141-9',
    valueMin: '£2,400,000',
    valueMax: '3000000',
  };

  it('lets editors of the buyer create entries; not other buyers’ editors, viewers or signed-out users', async () => {
    const e = await svc.create(derbyEditor, derby, base);
    expect(e).toMatchObject({
      organisationId: derby,
      title: 'Highways maintenance',
      cpvCode: '45233141',
      valueMin: '2400000',
      valueMax: '3000000',
      status: 'idea',
      version: 1,
      published: false,
      createdBy: 'editor@derby.gov.uk',
    });
    expect(await errorCode(svc.create(etcEditor, derby, base))).toBe('FORBIDDEN');
    expect(await errorCode(svc.create(derbyViewer, derby, base))).toBe('FORBIDDEN');
    expect(await errorCode(svc.create(null, derby, base))).toBe('UNAUTHENTICATED');
    expect(await errorCode(svc.update(etcEditor, e.id, 1, { ...base, title: 'Taken over' }))).toBe(
      'FORBIDDEN',
    );
    expect(await errorCode(svc.update(derbyViewer, e.id, 1, { ...base, title: 'Taken over' }))).toBe(
      'FORBIDDEN',
    );
    // An unpublished entry is not found by outsiders; members (even viewers) read it.
    expect(await errorCode(svc.entry(null, e.id))).toBe('NOT_FOUND');
    expect(await errorCode(svc.entry(etcEditor, e.id))).toBe('NOT_FOUND');
    expect((await svc.entry(derbyViewer, e.id)).entry.title).toBe('Highways maintenance');
    const admin = actor('admin@example.org', [], 'admin');
    expect((await svc.update(admin, e.id, 1, { ...base, title: 'Fixed by admin' })).version).toBe(2);
    expect((await svc.entry(derbyViewer, e.id)).entry.title).toBe('Fixed by admin');
  });

  it('lists every problem of invalid input at once and writes nothing', async () => {
    const before = await svc.pipeline(derbyEditor, derby);
    const err = await svc
      .create(derbyEditor, derby, {
        title: '',
        cpvCode: '4523',
        valueMin: '5m',
        valueMax: '1000',
        contractStart: '2027-02-30',
        linkedOcids: 'not-an-ocid',
        status: 'in market',
      })
      .catch((e: Error) => e);
    expect(err).toMatchObject({ code: 'BAD_REQUEST' });
    expect((err as Error).message.split('; ').map((p) => p.split(':')[0])).toEqual([
      'title',
      'cpvCode',
      'valueMin',
      'contractStart',
      'status',
      'linkedOcids',
    ]);
    expect((await svc.pipeline(derbyEditor, derby)).total).toBe(before.total);
    const range = await svc
      .create(derbyEditor, derby, { title: 'x', valueMin: '3000000', valueMax: '2000000.01' })
      .catch((e: Error) => e.message);
    expect(range).toBe('valueMax: must be the same as or more than the lowest estimate');
  });

  it('refuses a save made from an old version, keeps the first save and logs it once', async () => {
    const e = await svc.create(derbyEditor, derby, { ...base, title: 'Parks grounds maintenance' });
    const second = actor('second@derby.gov.uk', [[derby, 'editor']]);
    const first = await svc.update(derbyEditor, e.id, 1, { ...base, title: 'Parks and cemeteries' });
    expect(first.version).toBe(2);
    const stale = await svc.update(second, e.id, 1, { ...base, title: 'Parks only' }).catch((x: Error) => x);
    expect(stale).toMatchObject({ code: 'CONFLICT' });
    expect((stale as Error).message).toContain('changed by editor@derby.gov.uk');
    expect((stale as Error).message).toContain('you had version 1; it is now version 2');
    const now = (await svc.entry(derbyEditor, e.id)).entry;
    expect(now).toMatchObject({
      title: 'Parks and cemeteries',
      version: 2,
      updatedBy: 'editor@derby.gov.uk',
    });
    const audit = await listAudit(sample().db, PIPELINE_ENTITY, String(e.id));
    expect(audit.map((a) => a.action)).toEqual(['pipeline.update', 'pipeline.create']);
    expect(audit[0]!.before).toMatchObject({ title: 'Parks grounds maintenance', version: 1 });
    expect(audit[0]!.after).toMatchObject({ title: 'Parks and cemeteries', version: 2 });
    // A save that changes nothing keeps the version and logs nothing.
    expect((await svc.update(derbyEditor, e.id, 2, { ...base, title: 'Parks and cemeteries' })).version).toBe(
      2,
    );
    expect((await svc.entry(derbyEditor, e.id)).changes.items).toHaveLength(2);
  });

  it('lets exactly one of ten simultaneous saves from the same version through', async () => {
    const e = await svc.create(derbyEditor, derby, { ...base, title: 'Race' });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => svc.update(derbyEditor, e.id, 1, { ...base, title: `Race ${i}` })),
    );
    const won = results.filter((r) => r.status === 'fulfilled');
    expect(won).toHaveLength(1);
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.code),
    ).toEqual(Array(9).fill('CONFLICT'));
    const now = (await svc.entry(derbyEditor, e.id)).entry;
    expect(now.title).toBe((won[0] as PromiseFulfilledResult<PipelineEntryRecord>).value.title);
    expect(now.version).toBe(2);
  });

  it('moves status only along the lifecycle', async () => {
    const e = await svc.create(derbyEditor, derby, { ...base, title: 'Lifecycle' });
    const move = (v: number, status: string) =>
      svc.update(derbyEditor, e.id, v, { ...base, title: 'Lifecycle', status });
    expect((await move(1, 'planned')).status).toBe('planned');
    expect(await move(2, 'awarded').catch((x: Error) => x.message)).toBe(
      'status: cannot move from Planned to Awarded',
    );
    expect((await move(2, 'in-market')).status).toBe('in-market');
    expect((await move(3, 'awarded')).status).toBe('awarded');
    expect(await move(4, 'idea').catch((x: Error) => x.message)).toBe(
      'status: cannot move from Awarded to Idea',
    );
    expect(await errorCode(svc.create(derbyEditor, derby, { title: 'x', status: 'awarded' }))).toBe(
      'BAD_REQUEST',
    );
  });

  it('keeps a change log per entry and per pipeline, since a date, public readers seeing published entries only', async () => {
    const { db } = sample();
    const e = await svc.create(etcEditor, etc, { title: 'Catering', valueMax: '900000' });
    await svc.update(etcEditor, e.id, 1, { title: 'Catering', valueMax: '950000', published: 'on' });
    const hidden = await svc.create(etcEditor, etc, { title: 'Not yet public' });
    // Date the first two changes in the past so "since" has something to cut.
    await sql`update pipeline_change set at = '2026-01-10T12:00:00Z' where entry_id = ${e.id} and version = 1`.execute(
      db,
    );
    const all = await svc.changes(etcEditor, etc);
    expect(all.items.map((c) => [c.entryTitle, c.version, c.action])).toEqual([
      ['Not yet public', 1, 'created'],
      ['Catering', 2, 'updated'],
      ['Catering', 1, 'created'],
    ]);
    expect(all.items[1]!.changes).toEqual([
      { field: 'valueMax', before: '900000', after: '950000' },
      { field: 'published', before: false, after: true },
    ]);
    expect(all.items[2]!.changes.map((c) => c.field)).toEqual([
      'title',
      'valueMax',
      'status',
      'linkedOcids',
      'innovation',
      'published',
    ]);
    const since = await svc.changes(etcEditor, etc, { since: new Date('2026-06-01') });
    expect(since.items.map((c) => c.version)).toEqual([1, 2]);
    expect(since.items[0]!.entryId).toBe(hidden.id);
    const anyone = await svc.changes(null, etc);
    expect(anyone.publishedOnly).toBe(true);
    expect(anyone.items.map((c) => [c.entryTitle, c.version])).toEqual([['Catering', 2]]);
  });

  it('groups a pipeline by financial year of procurement start, three years rolling', async () => {
    const { db } = sample();
    const svc2 = createPipelineService({ db, today: () => '2027-03-31' });
    const org = etc;
    for (const [title, start] of [
      ['Before', '2026-03-31'],
      ['First year', '2026-04-01'],
      ['Third year', '2029-03-31'],
      ['Later', '2029-04-01'],
    ] as const)
      await svc.create(etcEditor, org, { title, procurementStart: start });
    const view = await svc2.pipeline(etcEditor, org, { pageSize: 200 });
    expect(view.years.map((y) => y.label)).toEqual(['FY 2026-27', 'FY 2027-28', 'FY 2028-29']);
    const groups = Object.fromEntries(view.groups.map((g) => [g.label, g.items.map((i) => i.title)]));
    expect(groups['FY 2026-27']).toEqual(['First year']);
    expect(groups['FY 2028-29']).toEqual(['Third year']);
    expect(groups['Procurement starting before FY 2026-27']).toEqual(['Before']);
    expect(groups['Procurement starting after FY 2028-29']).toEqual(['Later']);
    expect(groups['Procurement start not yet known']).toEqual(
      expect.arrayContaining(['Catering', 'Not yet public']),
    );
  });

  it('prefills a new entry from one of the buyer’s expiring contracts, for that buyer’s editors only', async () => {
    const { db } = sample();
    const row = (
      await sql<{ ocid: string; end_day: string; gbp: string | null }>`
        select h.ocid, to_char(h.end_day, 'YYYY-MM-DD') as end_day, h.gbp_value::text as gbp
        from horizon_entry h where h.buyer_id = ${derby} and h.end_day is not null order by h.end_day desc, h.ocid limit 1`.execute(
        db,
      )
    ).rows[0]!;
    expect(await errorCode(svc.fromContract(etcEditor, row.ocid))).toBe('FORBIDDEN');
    const p = await svc.fromContract(derbyEditor, row.ocid);
    const nextDay = new Date(Date.parse(`${row.end_day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(p).toMatchObject({ organisationId: derby, ocid: row.ocid });
    expect(p.values).toMatchObject({ linkedOcids: [row.ocid], contractStart: nextDay, status: 'idea' });
    expect(p.values.title).toMatch(/^Re-procurement: /);
    if (row.gbp !== null) expect(p.values.valueMax).toBe(row.gbp);
  });

  // Hand-checked: as of 6 Dec 2026 the UK1 reporting period is 1 Apr 2026 – 30 Sep 2027; listed are entries not
  // awarded or cancelled, expected to go to market in it, whose estimate can be over £2m (the top of the range).
  it('writes the UK1-ready CSV exactly as the hand-checked fixture', async () => {
    const { db } = sample();
    // A buyer with no entries yet, so the fixture's ids are the first ids it gets.
    const devon = Number(
      (
        await sql<{ id: string }>`select id from organisation
          where lower(name) = 'devon county council' and merged_into is null order by id limit 1`.execute(db)
      ).rows[0]!.id,
    );
    const ed = actor('editor@devon.gov.uk', [[devon, 'editor']]);
    const rows: [string, Record<string, string>][] = [
      [
        'In: over £2m in period',
        {
          valueMin: '2500000',
          valueMax: '3100000.50',
          procurementStart: '2027-01-15',
          route: 'open',
          cpvCode: '90911200',
          deliveryRegion: 'UKE32',
          contractStart: '2027-07-01',
          contractEnd: '2030-06-30',
          confidence: 'high',
          status: 'planned',
        },
      ],
      [
        'In: range reaches over £2m; direct award',
        {
          valueMin: '1500000',
          valueMax: '2000000.01',
          procurementStart: '2027-09-30',
          route: 'direct-award',
        },
      ],
      ['Out: exactly £2m', { valueMax: '2000000', procurementStart: '2027-01-15' }],
      ['Out: after the period', { valueMax: '9000000', procurementStart: '2027-10-01' }],
      ['Out: before the period', { valueMax: '9000000', procurementStart: '2026-03-31' }],
      ['Out: no value', { procurementStart: '2027-01-15' }],
      [
        'In: first day of the period',
        { valueMin: '4000000', procurementStart: '2026-04-01', status: 'in-market' },
      ],
    ];
    for (const [title, v] of rows) await svc.create(ed, devon, { title, ...v });
    const cancelled = await svc.create(ed, devon, {
      title: 'Out: cancelled',
      valueMax: '9000000',
      procurementStart: '2027-01-15',
    });
    await svc.update(ed, cancelled.id, 1, {
      title: 'Out: cancelled',
      valueMax: '9000000',
      procurementStart: '2027-01-15',
      status: 'cancelled',
    });
    expect(uk1Period(TODAY)).toEqual({ from: '2026-04-01', to: '2027-09-30', over: '2000000' });
    const file = await svc.exportFile(ed, devon, 'uk1', { baseUrl: 'http://x', publisherName: 'missionbuy' });
    const ids = (await svc.pipeline(ed, devon, { pageSize: 200 })).items.map((i) => i.id);
    const expected = readFileSync(repoPath('test/fixtures/pipeline/uk1-expected.csv'), 'utf8')
      .replace(/\{org\}/g, String(devon))
      .replace(/\{(\d)\}/g, (_, n: string) => String(Math.min(...ids) + Number(n)));
    expect(file.body).toBe(`\uFEFF${expected.replace(/\n/g, '\r\n')}`);
    expect(file.filename).toBe(`pipeline-${devon}-uk1-${TODAY}.csv`);
    // Pure function agrees with the service.
    const entries = (await svc.pipeline(ed, devon, { pageSize: 200 })).items;
    expect(uk1Csv(entries, uk1Period(TODAY))).toBe(file.body);
  });

  it('exports OCDS planning releases that pass the OCDS 1.1 schema validator', async () => {
    const e = await svc.create(derbyEditor, derby, {
      title: 'Schools catering',
      description: 'Meals for 40 primary schools',
      cpvCode: '55524000',
      valueMin: '1200000',
      valueMax: '1800000.25',
      procurementStart: '2027-05-01',
      contractStart: '2028-01-01',
      contractEnd: '2031-12-31',
      route: 'competitive-flexible',
      linkedOcids: 'ocds-h6vhtk-04f1ad',
    });
    const release = planningRelease(e);
    expect(release).toMatchObject({
      ocid: `ocds-mbpipe-${derby}-${e.id}`,
      tag: ['planning'],
      tender: {
        status: 'planning',
        value: { amount: 1800000.25, currency: 'GBP' },
        minValue: { amount: 1200000, currency: 'GBP' },
        procurementMethod: 'selective',
        communication: { futureNoticeDate: '2027-05-01T00:00:00Z' },
      },
    });
    const findings = createValidator().validate(release);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const file = await svc.exportFile(null, derby, 'ocds', {
      baseUrl: 'http://x',
      publisherName: 'missionbuy',
    });
    // Signed out: published entries only, and none of Derby's are published.
    expect(JSON.parse(file.body).releases).toEqual([]);
  });

  it('filters the central pipeline by region in either form: ITL (TLF1) and NUTS (UKF1) prefixes match both', async () => {
    const made = [
      ['Region test NUTS', 'UKF11'],
      ['Region test ITL', 'TLF12'],
      ['Region test elsewhere', 'TLC1'],
    ] as const;
    for (const [title, deliveryRegion] of made)
      await svc.create(derbyEditor, derby, { title, deliveryRegion, published: true });
    const found = async (regionPrefix: string) =>
      (await svc.central({ regionPrefix }, { pageSize: 200 })).items
        .map((e) => e.title)
        .filter((t) => t.startsWith('Region test'))
        .sort();
    expect(await found('UKF')).toEqual(['Region test ITL', 'Region test NUTS']);
    expect(await found('TLF1')).toEqual(['Region test ITL', 'Region test NUTS']);
    expect(await found('TLF11')).toEqual(['Region test NUTS']);
    expect(await found('UKF12')).toEqual(['Region test ITL']);
    expect(await found('UKC')).toEqual(['Region test elsewhere']);
    expect(await found('TLD')).toEqual([]);
  });
});
