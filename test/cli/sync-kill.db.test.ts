// SIGKILL `missionbuy sync` at random points and restart it: the final set equals a clean sync's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ocds/pipeline.js';
import { contractsFinderFeed } from '../../src/ocds/sources/replay-feeds.js';
import { startReplayServer, type ReplayServer } from '../../src/ocds/sources/replay-server.js';
import { repoPath } from '../../src/paths.js';
import { runCli, startCli } from '../support/cli.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { fingerprint, mulberry32 } from '../support/fingerprint.js';

describe('sync survives SIGKILL at random points', () => {
  let reference: TestDb;
  let killed: TestDb;
  let server: ReplayServer;
  beforeAll(async () => {
    [reference, killed] = await Promise.all([createTestDb(), createTestDb()]);
    await ingestPaths(reference.db, [repoPath('data/sample/contracts-finder/cf-2025-releases.jsonl')], {
      source: 'contracts-finder',
    });
    // 148 real releases, 5 a page: 30 pages, enough for kills to land mid-sync.
    server = await startReplayServer({ contractsFinder: contractsFinderFeed(), maxPageSize: 5 });
  });
  afterAll(async () => {
    await server.close();
    await Promise.all([reference.drop(), killed.drop()]);
  });

  it('resumes from the last committed page and ends with exactly the clean result', async () => {
    const args = [
      'sync',
      'contracts-finder',
      '--base-url',
      server.contractsFinderUrl,
      '--since',
      '2014-01-01',
      '--until',
      '2027-01-01',
      '--interval-ms',
      '40',
      '--json',
    ];
    const seed = Number(process.env.KILL_SEED ?? 4242);
    const random = mulberry32(seed);
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const delay = 400 + Math.floor(random() * 1200);
      delays.push(delay);
      const { child, done } = startCli(args, { DATABASE_URL: killed.url });
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      await done;
      clearTimeout(timer);
    }
    const final = await runCli(args, { DATABASE_URL: killed.url });
    expect(final.code, `${final.stderr} (seed ${seed}, delays ${delays.join(',')})`).toBe(0);
    const summary = JSON.parse(final.stdout) as { status: string };
    expect(summary.status).toBe('done');
    expect(await fingerprint(killed.db)).toEqual(await fingerprint(reference.db));
  }, 120_000);
});
