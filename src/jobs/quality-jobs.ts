// The nightly data-quality refresh: deadlines move with the day, so just after midnight (UK time) the stored
// scores are recomputed as of the new day; one run also starts with the server so the first page is fast.
// Ingest and sync refresh incrementally as they finish (services/quality-refresh.ts); this job covers the day change.
import type PgBoss from 'pg-boss';
import type { Logger } from '../log.js';
import type { QualityService } from '../services/quality.service.js';
import { registerDailyRefresh } from './daily-refresh-jobs.js';

export const QUALITY_QUEUE = 'quality-refresh';
/** Five past midnight, UK time. */
export const QUALITY_CRON = '5 0 * * *';

export async function registerQualityJobs(
  boss: PgBoss,
  opts: { quality: QualityService; log: Logger },
): Promise<void> {
  await registerDailyRefresh(
    boss,
    {
      queue: QUALITY_QUEUE,
      cron: QUALITY_CRON,
      run: () => opts.quality.refresh(),
      done: 'data-quality scores refreshed',
    },
    opts.log,
  );
}
