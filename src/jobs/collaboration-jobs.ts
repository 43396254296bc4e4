// The collaboration finder's daily summary refresh (docs/collaboration.md, "Summary"): its window is anchored at
// today, so just after midnight (UK time) the summary is rebuilt as of the new day; until then the finder reads the
// contracts (same results, slower). Ingest, sync and register imports rebuild it as they finish.
import type PgBoss from 'pg-boss';
import type { Logger } from '../log.js';
import type { CollaborationService } from '../services/collaboration/collaboration.service.js';
import { registerDailyRefresh } from './daily-refresh-jobs.js';

export const COLLABORATION_QUEUE = 'collaboration-refresh';
/** One minute past midnight, UK time. */
export const COLLABORATION_CRON = '1 0 * * *';

export async function registerCollaborationJobs(
  boss: PgBoss,
  opts: { collaboration: Pick<CollaborationService, 'refresh'>; log: Logger },
): Promise<void> {
  await registerDailyRefresh(
    boss,
    {
      queue: COLLABORATION_QUEUE,
      cron: COLLABORATION_CRON,
      run: () => opts.collaboration.refresh(),
      done: 'collaboration summary refreshed',
    },
    opts.log,
  );
}
