// bench/sync: end-to-end sync from the local replay server (Contracts Finder shape, 100 releases a page,
// no politeness delay) into a fresh embedded PostgreSQL: releases/s, and the share of time spent outside the
// HTTP wait (time the sync stood waiting for a page; prefetching hides the rest) — i.e. in our own
// parse/validate/store/compile work.
// The feed is the real Contracts Finder sample scaled with the synthetic generator (tagged synthetic in its ids).
// Usage: npm run build && node dist/bench/sync.js [--releases 20000]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pipelineDeps } from '../src/ocds/pipeline.js';
import { contractsFinderFeed } from '../src/ocds/sources/replay-feeds.js';
import { startReplayServer } from '../src/ocds/sources/replay-server.js';
import { SOURCES } from '../src/ocds/sources/sources.js';
import { syncSource } from '../src/ocds/sources/sync.js';
import { openDatabase } from '../src/store/db.js';
import { syntheticRelease } from './lib/synthetic.js';

const { values } = parseArgs({ options: { releases: { type: 'string', default: '20000' } } });
const count = Number(values.releases);
const real = contractsFinderFeed();
const releases = Array.from({ length: count }, (_, i) => syntheticRelease(real.releases as never, i));
const server = await startReplayServer({ contractsFinder: { meta: real.meta, releases: releases as never } });
const dir = mkdtempSync(join(tmpdir(), 'missionbuy-bench-sync-'));
const handle = await openDatabase({ dataDir: dir });
try {
  const s = await syncSource(handle.db, pipelineDeps(), SOURCES['contracts-finder'], {
    baseUrl: server.contractsFinderUrl,
    since: new Date('2000-01-01T00:00:00Z'),
    until: new Date('2100-01-01T00:00:00Z'),
    policy: { minIntervalMs: 0 },
  });
  const outside = 1 - s.networkSeconds / s.seconds;
  console.log(
    `synthetic releases served: ${count} (scaled from ${real.releases.length} real Contracts Finder releases)`,
  );
  console.log(
    `sync: ${s.pages} pages, ${s.stored} stored, ${s.compiled} records in ${s.seconds.toFixed(2)} s`,
  );
  console.log(`throughput: ${(s.read / s.seconds).toFixed(0)} releases/s end-to-end`);
  console.log(
    `HTTP wait: ${s.networkSeconds.toFixed(2)} s; share of time outside the HTTP wait: ${(outside * 100).toFixed(1)}%`,
  );
} finally {
  await handle.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
