// Scheduled work on one pg-boss instance (its own schema, `pgboss`, in the app's database): the sync of each
// configured source and the nightly refreshes (data-quality scores, the collaboration finder's summary).
import PgBoss from 'pg-boss';
import type { Logger } from '../log.js';
import type { CollaborationService } from '../services/collaboration/collaboration.service.js';
import type { SourceName } from '../ocds/sources/sources.js';
import type { QualityService } from '../services/quality.service.js';
import type { SyncService } from '../services/sync.service.js';
import { registerCollaborationJobs } from './collaboration-jobs.js';
import { registerQualityJobs } from './quality-jobs.js';
import { registerSyncJobs } from './sync-jobs.js';

export interface Jobs {
  stop(): Promise<void>;
}

export interface JobOptions {
  databaseUrl: string;
  log: Logger;
  /** Sources to sync on a schedule (none: no sync jobs). */
  sync?: { sources: SourceName[]; everyMinutes: number; service: SyncService };
  /** The quality service to refresh nightly (absent: no refresh job). */
  quality?: QualityService;
  /** The collaboration finder's summary to rebuild daily (absent: no job). */
  collaboration?: Pick<CollaborationService, 'refresh'>;
}

export async function startJobs(opts: JobOptions): Promise<Jobs> {
  const boss = new PgBoss({ connectionString: opts.databaseUrl, schema: 'pgboss', max: 2 });
  boss.on('error', (err) => opts.log.error({ err }, 'pg-boss'));
  await boss.start();
  try {
    if (opts.sync && opts.sync.sources.length > 0)
      await registerSyncJobs(boss, {
        sources: opts.sync.sources,
        everyMinutes: opts.sync.everyMinutes,
        sync: opts.sync.service,
        log: opts.log,
      });
    if (opts.quality) await registerQualityJobs(boss, { quality: opts.quality, log: opts.log });
    if (opts.collaboration)
      await registerCollaborationJobs(boss, { collaboration: opts.collaboration, log: opts.log });
  } catch (e) {
    await boss.stop({ graceful: false });
    throw e;
  }
  return { stop: () => boss.stop({ graceful: true, timeout: 30_000 }) };
}
