// Sync use cases: run a source's sync (CLI, scheduled job) and report its status (admin page, API).
import type { Kysely } from 'kysely';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { SOURCES, type SourceName } from '../ocds/sources/sources.js';
import { syncSource, type SyncOptions, type SyncSummary } from '../ocds/sources/sync.js';
import type { Database } from '../store/database.js';
import { assertCan, type Actor } from './authz.js';

export interface SourceStatus {
  source: SourceName;
  title: string;
  baseUrl: string;
  windowFrom: string | null;
  windowTo: string | null;
  nextUrl: string | null;
  inProgress: boolean;
  lastRun: {
    status: string;
    startedAt: Date;
    finishedAt: Date | null;
    pages: number;
    releases: number;
    stored: number;
    quarantined: number;
    retries: number;
    problems: string[];
    error: string | null;
  } | null;
}

export interface SyncServiceDeps {
  db: Kysely<Database>;
  config: Config;
  log: Logger;
  /** Called after a sync that compiled records (the stored quality scores refresh); failures are logged. */
  afterChange?: () => Promise<unknown>;
}

export function createSyncService(deps: SyncServiceDeps) {
  const baseUrlOf = (s: SourceName) =>
    (s === 'fts' ? deps.config.ftsUrl : deps.config.contractsFinderUrl) ?? SOURCES[s].baseUrl;

  return {
    baseUrlOf,

    async run(source: SourceName, options: SyncOptions = {}): Promise<SyncSummary> {
      // Loaded on first sync, not when the services are built: serving pages needs neither the OCDS schema
      // nor the merge rules, and the web app then starts (and its tests run) without the pipeline's modules.
      const { pipelineDeps } = await import('../ocds/pipeline.js');
      const summary = await syncSource(deps.db, pipelineDeps(), SOURCES[source], {
        baseUrl: baseUrlOf(source),
        ...options,
      });
      if (summary.compiled > 0 && deps.afterChange)
        await deps.afterChange().catch((err: unknown) => deps.log.error({ err }, 'after sync'));
      return summary;
    },

    /** Each live source's position and last run: central teams and admins only (their errors are operational). */
    async status(actor: Actor | null): Promise<SourceStatus[]> {
      assertCan(actor, 'sync.read');
      const states = await deps.db.selectFrom('sync_state').selectAll().execute();
      const out: SourceStatus[] = [];
      for (const name of Object.keys(SOURCES) as SourceName[]) {
        const state = states.find((s) => s.source === name);
        const run = await deps.db
          .selectFrom('sync_run')
          .selectAll()
          .where('source', '=', name)
          .orderBy('started_at', 'desc')
          .limit(1)
          .executeTakeFirst();
        out.push({
          source: name,
          title: SOURCES[name].title,
          baseUrl: state?.base_url ?? baseUrlOf(name),
          windowFrom: state?.window_from ?? null,
          windowTo: state?.window_to ?? null,
          nextUrl: state?.next_url ?? null,
          inProgress: run?.status === 'running',
          lastRun: run
            ? {
                status: run.status,
                startedAt: run.started_at,
                finishedAt: run.finished_at,
                pages: run.pages,
                releases: run.releases,
                stored: run.stored,
                quarantined: run.quarantined,
                retries: run.retries,
                problems: run.problems as string[],
                error: run.error,
              }
            : null,
        });
      }
      return out;
    },
  };
}

export type SyncService = ReturnType<typeof createSyncService>;
