// Refreshes that follow the day (UK time) on pg-boss: each runs just after midnight, so figures anchored at today
// (data-quality deadlines, the collaboration finder's window) move with the day, and once as the server starts so
// the first page is fast. The queue policy `singleton` keeps one run at a time across every app process.
import type PgBoss from 'pg-boss';
import type { Logger } from '../log.js';

export interface DailyRefresh {
  /** The pg-boss queue. */
  queue: string;
  /** Cron, UK time. */
  cron: string;
  run: () => Promise<object>;
  /** What the log line says when a run finishes. */
  done: string;
}

export async function registerDailyRefresh(boss: PgBoss, job: DailyRefresh, log: Logger): Promise<void> {
  await boss.createQueue(job.queue, {
    name: job.queue,
    policy: 'singleton',
    retryLimit: 2,
    expireInSeconds: 6 * 3600,
  });
  await boss.schedule(job.queue, job.cron, {}, { tz: 'Europe/London' });
  await boss.work(job.queue, async () => {
    log.info(await job.run(), job.done);
  });
  await boss.send(job.queue, {});
}
