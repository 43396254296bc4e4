// missionbuy export records: an OCDS record package of what is stored, with compiled and versioned releases.
import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRecordPackage } from '../../src/ocds/export.js';
import { buildVersioned, ingestPaths } from '../../src/ocds/pipeline.js';
import { repoPath } from '../../src/paths.js';
import { createTestDb, type TestDb } from '../support/db.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed output

describe('export records', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await ingestPaths(t.db, [repoPath('data/sample/find-a-tender')], { source: 'fts' });
  });
  afterAll(() => t.drop());

  async function exported(options: Parameters<typeof writeRecordPackage>[2]): Promise<Json> {
    const out = new PassThrough();
    const body = text(out);
    await writeRecordPackage(t.db, out, options);
    out.end();
    return JSON.parse(await body) as Json;
  }

  it('prints one record per stored ocid, each with its releases and compiledRelease', async () => {
    const pkg = await exported({});
    expect(pkg.version).toBe('1.1');
    const ocids = pkg.records.map((r: Json) => r.ocid);
    expect(new Set(ocids).size).toBe(ocids.length);
    const harrogate = pkg.records.find((r: Json) => r.ocid === 'ocds-h6vhtk-067fb8');
    expect(harrogate.compiledRelease.tag).toEqual(['compiled']);
    expect(harrogate.compiledRelease.tender.title).toBe(
      'HARROGATE TOWN DISTRICT HEATING PROJECT - Feasibility Study',
    );
    expect(harrogate.releases).toHaveLength(1);
    expect(harrogate).not.toHaveProperty('versionedRelease');
  });

  it('adds versioned releases on request, and keeps to the ocids asked for', async () => {
    const pkg = await exported({ ocids: ['ocds-h6vhtk-067fb8'], versioned: buildVersioned });
    expect(pkg.records).toHaveLength(1);
    const title = pkg.records[0].versionedRelease.tender.title;
    expect(title).toEqual([
      expect.objectContaining({
        value: 'HARROGATE TOWN DISTRICT HEATING PROJECT - Feasibility Study',
        releaseTag: ['tender'],
      }),
    ]);
  });
});
