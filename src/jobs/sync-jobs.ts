// Scheduled sync on pg-boss: with MISSIONBUY_SYNC=fts,contracts-finder the server syncs each source every
// MISSIONBUY_SYNC_EVERY_MINUTES. The queue policy `singleton` keeps one active job per source across every app
// process, and the sync itself takes a per-source advisory lock, so two never overlap.
import type PgBoss from 'pg-boss';
import type { Logger } from '../log.js';
import type { SourceName } from '../ocds/sources/sources.js';
import type { SyncService } from '../services/sync.service.js';

/** Schedules a sync of each source every `everyMinutes` on a started pg-boss. */
export async function registerSyncJobs(
  boss: PgBoss,
  opts: { sources: SourceName[]; everyMinutes: number; sync: SyncService; log: Logger },
): Promise<void> {
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
}
