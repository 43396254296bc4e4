// Live sync against the local replay server (real recorded releases, no internet): equals file ingest, survives
// injected faults, resumes after a failure, and two concurrent syncs never duplicate anything.
import type { Kysely } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths, pipelineDeps } from '../../src/ocds/pipeline.js';
import { contractsFinderFeed, ftsFeed } from '../../src/ocds/sources/replay-feeds.js';
import { startReplayServer, type Fault, type ReplayServer } from '../../src/ocds/sources/replay-server.js';
import { SOURCES } from '../../src/ocds/sources/sources.js';
import { syncSource, type SyncOptions } from '../../src/ocds/sources/sync.js';
import { repoPath } from '../../src/paths.js';
import { createKysely } from '../../src/store/db.js';
import type { Database } from '../../src/store/database.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { fingerprint } from '../support/fingerprint.js';

const cf = SOURCES['contracts-finder'];
const window = { since: new Date('2014-01-01T00:00:00Z'), until: new Date('2027-01-01T00:00:00Z') };
const fast = { minIntervalMs: 0, backoffMs: 5, maxBackoffMs: 20, retries: 4, timeoutMs: 5000 };

async function replay(fault?: (n: number) => Fault | undefined, port?: number): Promise<ReplayServer> {
  return startReplayServer({
    fts: ftsFeed(),
    contractsFinder: contractsFinderFeed(),
    maxPageSize: 10,
    ...(fault ? { fault: (n) => fault(n) } : {}),
    ...(port ? { port } : {}),
  });
}

const syncCf = (db: Kysely<Database>, server: ReplayServer, extra: Partial<SyncOptions> = {}) =>
  syncSource(db, pipelineDeps(), cf, {
    baseUrl: server.contractsFinderUrl,
    ...window,
    policy: fast,
    ...extra,
  });

describe('sync from the Contracts Finder replay', () => {
  let reference: TestDb;
  let t: TestDb;
  let server: ReplayServer | undefined;
  beforeAll(async () => {
    reference = await createTestDb();
    await ingestPaths(reference.db, [repoPath('data/sample/contracts-finder/cf-2025-releases.jsonl')], {
      source: 'contracts-finder',
    });
  }, 60_000);
  afterAll(() => reference.drop());
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await t?.drop();
  });

  it('a full sync stores exactly what ingesting the same releases from a file stores', async () => {
    t = await createTestDb();
    server = await replay();
    const s = await syncCf(t.db, server);
    expect(s.status).toBe('done');
    expect(s.pages).toBe(15); // 148 releases, 10 a page
    expect(s.read).toBe(148);
    expect(await fingerprint(t.db)).toEqual(await fingerprint(reference.db));
    const state = await t.db.selectFrom('sync_state').selectAll().executeTakeFirstOrThrow();
    expect(state.next_url).toBeNull();
    expect(state.completed_at).not.toBeNull();
  });

  it('completes with the same result through 429 + Retry-After, 500, slow, reset and truncated responses', async () => {
    t = await createTestDb();
    const plan: Record<number, Fault> = {
      2: { kind: 'status', status: 429, retryAfter: '1' },
      4: { kind: 'status', status: 500 },
      5: { kind: 'slow', delayMs: 300 },
      7: { kind: 'reset' },
      9: { kind: 'truncate' },
      11: { kind: 'status', status: 503 },
    };
    server = await replay((n) => plan[n]);
    const retried: string[] = [];
    const started = Date.now();
    const s = await syncCf(t.db, server, { onRetry: (r) => retried.push(r.reason) });
    expect(s.status).toBe('done');
    expect(s.retries).toBe(5); // every fault but the slow one costs one retry
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000); // Retry-After: 1 was honoured
    expect(retried.some((r) => /HTTP 429/.test(r))).toBe(true);
    expect(retried.some((r) => /truncated|invalid/.test(r))).toBe(true);
    expect(await fingerprint(t.db)).toEqual(await fingerprint(reference.db));
  }, 30_000);

  it('a sync that gives up keeps its position and the next run resumes from it', async () => {
    t = await createTestDb();
    server = await replay((n) => (n >= 6 ? { kind: 'status', status: 500 } : undefined));
    await expect(syncCf(t.db, server, { policy: { ...fast, retries: 1 } })).rejects.toThrow(/gave up/);
    const state = await t.db.selectFrom('sync_state').selectAll().executeTakeFirstOrThrow();
    expect(state.pages).toBe(5);
    expect(state.next_url).toContain('cursor=');
    const failedRun = await t.db.selectFrom('sync_run').selectAll().executeTakeFirstOrThrow();
    expect(failedRun.status).toBe('failed');
    expect(failedRun.error).toMatch(/gave up/);
    const port = Number(new URL(server.contractsFinderUrl).port);
    await server.close();

    server = await replay(undefined, port); // the same source, back up at the same address
    const resumed = await syncSource(t.db, pipelineDeps(), cf, {
      baseUrl: server.contractsFinderUrl,
      policy: fast,
    });
    expect(resumed.resumed).toBe(true);
    expect(resumed.pages).toBe(10);
    expect(await fingerprint(t.db)).toEqual(await fingerprint(reference.db));
  }, 30_000);

  it('two concurrent syncs of one source: one runs, the other stands aside; nothing is stored twice', async () => {
    t = await createTestDb();
    server = await replay((n) => (n <= 3 ? { kind: 'slow', delayMs: 200 } : undefined));
    const other = createKysely(t.url, 4);
    try {
      const [a, b] = await Promise.all([syncCf(t.db, server), syncCf(other, server)]);
      expect([a.status, b.status].sort()).toEqual(['done', 'skipped']);
      expect(await fingerprint(t.db)).toEqual(await fingerprint(reference.db));
    } finally {
      await other.destroy();
    }
  }, 30_000);
});

describe('sync from the Find a Tender replay', () => {
  it('stores the real Find a Tender releases of the window', async () => {
    const t = await createTestDb();
    const server = await replay();
    try {
      const s = await syncSource(t.db, pipelineDeps(), SOURCES.fts, {
        baseUrl: server.ftsUrl,
        ...window,
        policy: fast,
      });
      expect(s.read).toBe(ftsFeed().releases.length);
      expect(s.stored).toBe(s.read);
      const processes = await t.db.selectFrom('process').select('ocid').execute();
      expect(processes.map((p) => p.ocid)).toContain('ocds-h6vhtk-068ae4'); // the UK1 pipeline notice
    } finally {
      await server.close();
      await t.drop();
    }
  });
});
