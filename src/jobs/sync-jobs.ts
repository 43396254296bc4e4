// Scheduled sync on pg-boss: with MISSIONBUY_SYNC=fts,contracts-finder the server syncs each source every
// MISSIONBUY_SYNC_EVERY_MINUTES. The queue policy `singleton` keeps one active job per source across every app
// process, and the sync itself takes a per-source advisory lock, so two never overlap.
import PgBoss from 'pg-boss';
import type { Logger } from '../log.js';
import type { SourceName } from '../ocds/sources/sources.js';
import type { SyncService } from '../services/sync.service.js';

export interface SyncJobs {
  stop(): Promise<void>;
}

export async function startSyncJobs(opts: {
  databaseUrl: string;
  sources: SourceName[];
  everyMinutes: number;
  sync: SyncService;
  log: Logger;
}): Promise<SyncJobs> {
  const boss = new PgBoss({ connectionString: opts.databaseUrl, schema: 'pgboss', max: 2 });
  boss.on('error', (err) => opts.log.error({ err }, 'pg-boss'));
  await boss.start();
  const cron =
    opts.everyMinutes >= 60
      ? `0 */${Math.round(opts.everyMinutes / 60)} * * *`
      : `*/${opts.everyMinutes} * * * *`;
  for (const source of opts.sources) {
    const queue = `sync-${source}`;
    await boss.createQueue(queue, {
      name: queue,
      policy: 'singleton',
      retryLimit: 0,
      expireInSeconds: 6 * 3600,
    });
    await boss.schedule(queue, cron);
    await boss.work(queue, async () => {
      const summary = await opts.sync.run(source);
      opts.log.info({ ...summary, problems: summary.problems.length }, 'scheduled sync finished');
    });
    // Start one straight away rather than waiting for the first tick.
    await boss.send(queue, {});
  }
  opts.log.info({ sources: opts.sources, cron }, 'scheduled sync on');
  return { stop: () => boss.stop({ graceful: true, timeout: 30_000 }) };
}
