// File ingest on a real PostgreSQL: the real sample, re-runs, bad input next to good input.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compilePending, ingestPaths } from '../../src/ocds/pipeline.js';
import { repoPath } from '../../src/paths.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { tempDir, type TempDir } from '../support/files.js';

const cf2025 = repoPath('data/sample/contracts-finder/cf-2025-releases.jsonl');
const realLines = readFileSync(cf2025, 'utf8').split('\n').filter(Boolean);

describe('ingest of the real sample', () => {
  let t: TestDb;
  let first: Awaited<ReturnType<typeof ingestPaths>>;
  beforeAll(async () => {
    t = await createTestDb();
    first = await ingestPaths(t.db, [repoPath('data/sample')], { source: 'sample' });
  }, 120_000);
  afterAll(() => t.drop());

  it('reads every item and stores each distinct release once', async () => {
    const n = await sql<{ n: number; distinct_content: number }>`
      select count(*)::int as n, count(distinct (ocid, release_id, hash))::int as distinct_content from release`.execute(
      t.db,
    );
    expect(first.read).toBe(first.stored + first.duplicates + first.quarantined);
    expect(n.rows[0]!.n).toBe(first.stored);
    expect(n.rows[0]!.distinct_content).toBe(first.stored);
    // Measured on data/sample: 544 release items; 32 repeat an identical release from another file (search pages
    // repeat the JSON Lines); 62 Public Contracts Scotland releases have no `id` and so cannot be used.
    expect(first.read).toBe(544);
    expect(first.stored).toBe(450);
    expect(first.duplicates).toBe(32);
    expect(first.quarantined).toBe(62);
    const q = await sql<{ reason: string; file: string; n: number }>`
      select reason, file, count(*)::int as n from quarantine group by 1, 2`.execute(t.db);
    expect(q.rows).toEqual([
      {
        reason: 'missing-id',
        file: repoPath('data/sample/public-contracts-scotland/pcs-scotland-releases.jsonl'),
        n: 62,
      },
    ]);
  });

  it('keeps both versions of a re-issued notice and flags the clash on the record', async () => {
    // cf-2025-releases.jsonl holds one (ocid, id) pair twice with different content (shared/data SOURCES.md).
    const clash = await sql<{ ocid: string; release_id: string; n: number }>`
      select ocid, release_id, count(*)::int as n from release where ocid like 'ocds-b5fd17-%'
      group by 1, 2 having count(distinct hash) > 1`.execute(t.db);
    expect(clash.rows.length).toBeGreaterThanOrEqual(1);
    const rec = await t.db
      .selectFrom('record')
      .select(['findings', 'release_count'])
      .where('ocid', '=', clash.rows[0]!.ocid)
      .executeTakeFirstOrThrow();
    const findings = rec.findings as { keyword: string; message: string }[];
    expect(
      findings.some((f) => f.keyword === 'release-clash' && f.message.includes(clash.rows[0]!.release_id)),
    ).toBe(true);
  });

  it('compiles one record per ocid and projects each into the contract model', async () => {
    const counts = await sql<{ ocids: number; records: number; processes: number; queued: number }>`
      select (select count(distinct ocid)::int from release) as ocids, (select count(*)::int from record) as records,
             (select count(*)::int from process) as processes, (select count(*)::int from compile_queue) as queued`.execute(
      t.db,
    );
    const c = counts.rows[0]!;
    expect(c.records).toBe(c.ocids);
    expect(c.processes).toBe(c.ocids);
    expect(c.queued).toBe(0);
  });

  it('upgrades the OCDS 1.0 Contracts Finder packages to 1.1 (parties) on the way in', async () => {
    const up = await sql<{ n: number; with_parties: number }>`
      select count(*)::int as n, count(*) filter (where data::jsonb ? 'parties')::int as with_parties
      from release where upgraded_from = '1.0'`.execute(t.db);
    expect(up.rows[0]!.n).toBe(164);
    expect(up.rows[0]!.with_parties).toBe(164);
  });

  it('resolves each buyer and supplier to one organisation, and re-projecting changes nothing', async () => {
    const orgs = async () =>
      (
        await sql<{ organisations: number; identifiers: number; parties: number; harrogate: number }>`
          select (select count(*)::int from organisation where merged_into is null) as organisations,
                 (select count(*)::int from organisation_identifier) as identifiers,
                 (select count(*)::int from party) as parties,
                 (select count(*)::int from organisation where name = 'Harrogate Town Council') as harrogate`.execute(
          t.db,
        )
      ).rows[0]!;
    const before = await orgs();
    expect(before.harrogate).toBe(1);
    expect(before.organisations).toBeGreaterThan(100);
    expect(before.organisations).toBeLessThan(before.parties); // buyers and suppliers recur across processes
    // Every party of one process points at a live organisation.
    const dangling = await sql<{ n: number }>`
      select count(*)::int as n from party p join organisation o on o.id = p.organisation_id where o.merged_into is not null`.execute(
      t.db,
    );
    expect(dangling.rows[0]!.n).toBe(0);

    await sql`insert into compile_queue (ocid) select distinct ocid from release on conflict do nothing`.execute(
      t.db,
    );
    expect(await compilePending(t.db)).toBe(378);
    expect(await orgs()).toEqual(before);
  });

  it('stores validation findings with the release rather than hiding it', async () => {
    const f = await sql<{
      n: number;
    }>`select count(*)::int as n from release where finding_count > 0`.execute(t.db);
    expect(f.rows[0]!.n).toBeGreaterThan(0);
  });

  it('stores nothing new when the same input is ingested again', async () => {
    const again = await ingestPaths(t.db, [repoPath('data/sample')], { source: 'sample' });
    expect(again.stored).toBe(0);
    expect(again.read).toBe(first.read);
    expect(again.duplicates).toBe(first.stored + first.duplicates);
    const q = await sql<{ n: number }>`select count(*)::int as n from quarantine`.execute(t.db);
    expect(q.rows[0]!.n).toBe(62); // the same unusable items, not quarantined twice
  });
});

describe('bad input next to good input', () => {
  let t: TestDb;
  let files: TempDir;
  beforeAll(async () => {
    t = await createTestDb();
    files = tempDir();
  });
  afterAll(async () => {
    files.remove();
    await t.drop();
  });

  it('quarantines each bad item with file, position and reason, and stores every good one', async () => {
    const good = realLines.slice(0, 6);
    const noDate = JSON.parse(good[1]!) as Record<string, unknown>;
    delete noDate.date;
    const noOcid = JSON.parse(good[2]!) as Record<string, unknown>;
    delete noOcid.ocid;
    const lines = [
      good[0],
      '{"ocid": "ocds-b5fd17-broken", "id": "x", "date": ', // malformed JSON mid-file
      JSON.stringify(noDate),
      JSON.stringify(noOcid),
      '42', // not an object
      good[3],
      JSON.stringify({ ...(JSON.parse(good[4]!) as object), tender: 'should be an object' }), // wrong type: usable, with a finding
      good[5],
    ];
    const mixed = files.write('mixed.jsonl', `${lines.join('\n')}\n`);
    const empty = files.write('empty.json', '');
    const notOcds = files.write('package.json', JSON.stringify({ name: 'not-ocds', version: '1.0.0' }));
    const s = await ingestPaths(t.db, [mixed, empty, notOcds], { source: 'test' });
    expect(s.stored).toBe(4);
    expect(s.quarantined).toBe(6);

    const q = await t.db.selectFrom('quarantine').selectAll().orderBy('file').orderBy('line').execute();
    const byReason = Object.fromEntries(q.map((r) => [r.reason, r]));
    expect(Object.keys(byReason).sort()).toEqual([
      'empty',
      'invalid-json',
      'missing-date',
      'missing-ocid',
      'not-object',
      'not-ocds',
    ]);
    expect(byReason['invalid-json']!.file).toBe(mixed);
    expect(byReason['invalid-json']!.line).toBe(2);
    expect(byReason['missing-date']!.line).toBe(3);
    expect(byReason['not-object']!.line).toBe(5);
    expect(byReason['empty']!.file).toBe(empty);
    expect(byReason['not-ocds']!.file).toBe(notOcds);
    for (const r of q) expect(r.message.length).toBeGreaterThan(10);

    const wrongType = await t.db
      .selectFrom('release')
      .select(['findings'])
      .where('ocid', '=', (JSON.parse(good[4]!) as { ocid: string }).ocid)
      .executeTakeFirstOrThrow();
    const findings = wrongType.findings as { pointer: string; keyword: string }[];
    expect(findings.some((f) => f.pointer === '/tender' && f.keyword === 'type')).toBe(true);
  });

  it('stores a lone surrogate (not valid Unicode) in a title or party name as U+FFFD, as the driver sends it', async () => {
    type Party = { id?: unknown; name?: string; roles?: string[] };
    const buyerOf = (r: Record<string, unknown>) =>
      Array.isArray(r.parties)
        ? (r.parties as Party[]).find((p) => p.roles?.includes('buyer') && typeof p.id === 'string')
        : undefined;
    const release = realLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((r) => typeof (r.tender as { title?: unknown } | undefined)?.title === 'string' && buyerOf(r))!;
    const tender = release.tender as { title: string };
    tender.title = `${tender.title} \ud83d`;
    const buyer = buyerOf(release)!;
    buyer.name = `${buyer.name ?? ''} \\ud800 \udc00`;
    // JSON.stringify escapes the lone surrogates: the file is valid JSON, and JSON.parse gives them back.
    const file = files.write('surrogate.jsonl', `${JSON.stringify(release)}\n`);
    const summary = await ingestPaths(t.db, [file], { source: 'test' });
    expect(summary.compiled).toBe(1);
    const row = await t.db
      .selectFrom('process')
      .select('title')
      .where('ocid', '=', String(release.ocid))
      .executeTakeFirstOrThrow();
    expect(row.title?.endsWith(' \ufffd')).toBe(true);
    const party = await t.db
      .selectFrom('party')
      .select('name')
      .where('ocid', '=', String(release.ocid))
      .where('party_id', '=', String(buyer.id))
      .executeTakeFirstOrThrow();
    // What the driver stores for the same string: UTF-8 encoding turns each lone surrogate into U+FFFD.
    expect(party.name).toBe(Buffer.from(buyer.name, 'utf8').toString('utf8').trim());
    expect(party.name).toContain('\\ud800 \ufffd');
  });

  it('refuses an oversized release (a 50 MB string) with a clear reason and keeps its neighbours', async () => {
    const huge = JSON.stringify({
      ...(JSON.parse(realLines[10]!) as object),
      description: 'x'.repeat(50 * 1024 * 1024),
    });
    const p = files.write('huge.jsonl', `${realLines[11]}\n${huge}\n${realLines[12]}\n`);
    const s = await ingestPaths(t.db, [p], { source: 'test' });
    expect(s.stored).toBe(2);
    expect(s.quarantined).toBe(1);
    const q = await t.db.selectFrom('quarantine').selectAll().where('file', '=', p).executeTakeFirstOrThrow();
    expect(q.reason).toBe('too-large');
    expect(q.line).toBe(2);
  });
});
