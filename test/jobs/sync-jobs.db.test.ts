// The scheduled sync: with sources configured, pg-boss schedules each one and starts a first run at once; that
// run goes through the sync service to the (local replay) source and stores the real releases it serves.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startJobs, type Jobs } from '../../src/jobs/jobs.js';
import { createLogger } from '../../src/log.js';
import { contractsFinderFeed, ftsFeed } from '../../src/ocds/sources/replay-feeds.js';
import { startReplayServer, type ReplayServer } from '../../src/ocds/sources/replay-server.js';
import { SOURCES } from '../../src/ocds/sources/sources.js';
import { createSyncService } from '../../src/services/sync.service.js';
import { saveSyncState } from '../../src/store/sync.repository.js';
import { createTestDb, type TestDb } from '../support/db.js';

describe('scheduled sync on pg-boss', () => {
  let t: TestDb;
  let server: ReplayServer;
  let jobs: Jobs | undefined;
  beforeAll(async () => {
    t = await createTestDb();
    server = await startReplayServer({ fts: ftsFeed(), contractsFinder: contractsFinderFeed() });
  });
  afterAll(async () => {
    await jobs?.stop();
    await server.close();
    await t.drop();
  });

  it('schedules each source, runs a first sync at once, and stores what the source serves', async () => {
    const cf = SOURCES['contracts-finder'];
    // A previous sync ended in 2014: the scheduled one continues from there to now, so it covers the whole feed.
    await saveSyncState(t.db, {
      source: 'contracts-finder',
      baseUrl: server.contractsFinderUrl,
      windowFrom: cf.formatDate(new Date('2013-12-01T00:00:00Z')),
      windowTo: cf.formatDate(new Date('2014-01-01T00:00:00Z')),
      nextUrl: null,
      pages: 0,
      completed: true,
    });
    const config = loadConfig({ MISSIONBUY_CF_URL: server.contractsFinderUrl });
    const log = createLogger('silent', { pretty: false });
    const sync = createSyncService({ db: t.db, config, log });
    jobs = await startJobs({
      databaseUrl: t.url,
      sync: { sources: ['contracts-finder'], everyMinutes: 5, service: sync },
      log,
    });

    const schedules = await sql<{
      name: string;
      cron: string;
    }>`select name, cron from pgboss.schedule`.execute(t.db);
    expect(schedules.rows).toEqual([{ name: 'sync-contracts-finder', cron: '*/5 * * * *' }]);

    let run: { status: string; stored: number } | undefined;
    for (let i = 0; i < 120 && run?.status !== 'done'; i++) {
      await new Promise((r) => setTimeout(r, 500));
      run = await t.db
        .selectFrom('sync_run')
        .select(['status', 'stored'])
        .where('source', '=', 'contracts-finder')
        .executeTakeFirst();
    }
    expect(run?.status).toBe('done');
    const feed = contractsFinderFeed().releases.length;
    const stored = await t.db
      .selectFrom('release')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(run?.stored);
    expect(Number(stored.n)).toBeGreaterThan(0);
    expect(Number(stored.n)).toBeLessThanOrEqual(feed);
    const state = await t.db.selectFrom('sync_state').selectAll().executeTakeFirstOrThrow();
    expect(new Date(state.window_to!).getTime()).toBeGreaterThan(Date.now() - 5 * 60_000);
  }, 90_000);
});
