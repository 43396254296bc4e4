// Rows sent as one JSON parameter (store/bulk-rows.ts) are stored as a plain parameter would store them, including
// strings that are not valid Unicode: a real release whose title and buyer name carry a lone surrogate escape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRealReleases } from '../../bench/lib/synthetic.js';
import { ingestPaths } from '../../src/ocds/pipeline.js';
import { repoPath } from '../../src/paths.js';
import { rowsJson } from '../../src/store/bulk-rows.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { tempDir, type TempDir } from '../support/files.js';

describe('bulk rows as one JSON parameter', () => {
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

  it('writes a lone surrogate as U+FFFD, the replacement the driver makes, and keeps escaped backslashes', () => {
    expect(rowsJson([{ a: 'x\ud800y', b: '\\ud800', c: '😀', d: '\\\udfff' }])).toBe(
      '[{"a":"x\\ufffdy","b":"\\\\ud800","c":"😀","d":"\\\\\\ufffd"}]',
    );
  });

  it('projects a real release whose title and buyer name hold a lone surrogate', async () => {
    type Party = { id?: unknown; name?: string; roles?: string[] };
    const buyerOf = (r: Record<string, unknown>) =>
      Array.isArray(r.parties)
        ? (r.parties as Party[]).find((p) => p.roles?.includes('buyer') && typeof p.id === 'string')
        : undefined;
    const release = loadRealReleases(repoPath('data', 'sample')).find(
      (r) => typeof (r.tender as { title?: unknown } | undefined)?.title === 'string' && buyerOf(r),
    )!;
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
});
