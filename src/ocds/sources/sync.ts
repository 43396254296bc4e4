// The paging engine for live sync: fetch a page, prepare its releases exactly as file ingest does, and commit
// them together with the position of the next page. Killed anywhere, a sync resumes from the last committed page:
// nothing lost (the page is fetched again), nothing stored twice (content-hash dedupe).
import type { Kysely } from 'kysely';
import type { Database } from '../../store/database.js';
import { finishRun, startRun, type NewQuarantine, type NewRelease } from '../../store/release.repository.js';
import {
  addSyncRunCounts,
  finishSyncRun,
  getSyncState,
  markInterruptedRuns,
  saveSyncState,
  startSyncRun,
  withSourceLock,
} from '../../store/sync.repository.js';
import { backgroundCompiler } from '../ingest/background-compile.js';
import { drainCompileQueue } from '../ingest/compile-queue.js';
import type { IngestDeps, IngestSummary } from '../ingest/ingest.js';
import { prepareRelease } from '../ingest/prepare.js';
import { storeBatch } from '../ingest/store-batch.js';
import { defaultPolicy, PageFetcher, type FetchPolicy, type PageResult } from './http.js';
import { firstPageUrl, type SourceConfig } from './sources.js';

export interface SyncOptions {
  baseUrl?: string;
  since?: Date;
  until?: Date;
  policy?: Partial<FetchPolicy>;
  onProgress?(p: SyncProgress): void;
  onRetry?(info: { url: string; attempt: number; reason: string; waitMs: number }): void;
}

export interface SyncProgress {
  pages: number;
  releases: number;
  stored: number;
  elapsedSeconds: number;
}

export interface SyncSummary extends IngestSummary {
  source: string;
  status: 'done' | 'skipped';
  windowFrom: string;
  windowTo: string;
  resumed: boolean;
  pages: number;
  requests: number;
  retries: number;
  /** Seconds the sync stood waiting for HTTP (fetching the next page while storing this one is not counted). */
  networkSeconds: number;
  problems: string[];
}

const DAY = 86_400_000;

export async function syncSource(
  db: Kysely<Database>,
  deps: IngestDeps,
  source: SourceConfig,
  options: SyncOptions = {},
): Promise<SyncSummary> {
  const started = performance.now();
  const baseUrl = options.baseUrl ?? source.baseUrl;
  const result = await withSourceLock(db, source.name, async () => {
    await markInterruptedRuns(db, source.name);
    const state = await getSyncState(db, source.name);
    const from = options.since ?? (state?.windowTo ? new Date(state.windowTo) : new Date(Date.now() - DAY));
    const to = options.until ?? new Date();
    // An unfinished window is resumed when no window is asked for, or when the same window is asked for again.
    const sameWindow =
      (options.since === undefined || source.formatDate(options.since) === state?.windowFrom) &&
      (options.until === undefined || source.formatDate(options.until) === state?.windowTo);
    const resume = state?.nextUrl != null && state.baseUrl === baseUrl && sameWindow;
    const windowFrom = resume ? state!.windowFrom! : source.formatDate(from);
    const windowTo = resume ? state!.windowTo! : source.formatDate(to);
    let url: string | null = resume ? state!.nextUrl : firstPageUrl(source, baseUrl, from, to);
    let pagesInWindow = resume ? state!.pages : 0;

    const fetcher = new PageFetcher(
      {
        minIntervalMs: source.minIntervalMs,
        retryStatuses: source.retryStatuses,
        throttleWaitMs: source.throttleWaitMs,
        ...defaultPolicy,
        ...options.policy,
      },
      { onRetry: options.onRetry },
    );
    const runId = await startRun(db, source.name, [url ?? baseUrl], false);
    const syncRunId = await startSyncRun(db, {
      source: source.name,
      ingestRunId: runId,
      windowFrom,
      windowTo,
    });
    const total = { pages: 0, read: 0, stored: 0, duplicates: 0, quarantined: 0, compiled: 0, networkMs: 0 };
    const problems: string[] = [];
    const seen = new Set<string>();
    // Records are compiled on another connection while the next pages are fetched and stored.
    const background = backgroundCompiler(db, deps);
    // The next page is fetched while this one is stored; a prefetch that fails is reported when its turn comes.
    let prefetched: { url: string; page: Promise<PageResult> } | null = null;
    const fetchPage = (u: string): Promise<PageResult> => {
      const p = prefetched?.url === u ? prefetched.page : fetcher.fetchPage(u);
      prefetched = null;
      return p;
    };
    try {
      while (url) {
        if (seen.has(url)) {
          problems.push(`the API sent the same next page twice (${url}); stopped paging this window`);
          break;
        }
        seen.add(url);
        const before = { requests: fetcher.requests, retries: fetcher.retries };
        const waitStart = performance.now();
        const page = await fetchPage(url);
        total.networkMs += performance.now() - waitStart; // only the wait not hidden behind storing
        const releases: NewRelease[] = [];
        const quarantine: NewQuarantine[] = [];
        (page.page.releases as unknown[]).forEach((value, i) => {
          const p = prepareRelease(deps.checker, {
            kind: 'release',
            value,
            position: { file: `${source.name}:${url}`, itemIndex: i, pointer: `/releases/${i}` },
          });
          if ('release' in p) releases.push(p.release);
          else quarantine.push(p.quarantine);
        });
        const links = page.page.links as { next?: unknown } | undefined;
        const next = typeof links?.next === 'string' && links.next.length > 0 ? links.next : null;
        const pageUrl: string = url;
        if (next && !seen.has(next)) {
          prefetched = { url: next, page: fetcher.fetchPage(next) };
          prefetched.page.catch(() => {}); // handled when awaited
        }
        await db.transaction().execute(async (trx) => {
          const counts = await storeBatch(
            trx,
            { releases, quarantine },
            { source: source.name, runId, synthetic: false },
          );
          pagesInWindow++;
          await saveSyncState(trx, {
            source: source.name,
            baseUrl,
            windowFrom,
            windowTo,
            nextUrl: next,
            pages: pagesInWindow,
            completed: next === null,
          });
          await addSyncRunCounts(trx, syncRunId, {
            pages: 1,
            requests: fetcher.requests - before.requests,
            retries: fetcher.retries - before.retries,
            releases: counts.read,
            stored: counts.stored,
            duplicates: counts.duplicates,
            quarantined: counts.quarantined,
          });
          total.pages++;
          total.read += counts.read;
          total.stored += counts.stored;
          total.duplicates += counts.duplicates;
          total.quarantined += counts.quarantined;
        });
        if (quarantine.length > 0)
          problems.push(`${quarantine.length} unusable release(s) on ${pageUrl} (quarantined)`);
        options.onProgress?.({
          pages: total.pages,
          releases: total.read,
          stored: total.stored,
          elapsedSeconds: (performance.now() - started) / 1000,
        });
        background.kick();
        url = next;
      }
      await background.settle();
      total.compiled = background.compiled + (await drainCompileQueue(db, deps));
      await finishSyncRun(db, syncRunId, 'done', problems);
      await finishRun(db, runId);
    } catch (e) {
      await background.settle().catch(() => {});
      const message = (e as Error).message;
      await finishSyncRun(db, syncRunId, 'failed', problems, message).catch(() => {});
      await finishRun(db, runId, message).catch(() => {});
      throw e;
    }
    return {
      source: source.name,
      status: 'done' as const,
      windowFrom,
      windowTo,
      resumed: resume,
      pages: total.pages,
      requests: fetcher.requests,
      retries: fetcher.retries,
      read: total.read,
      stored: total.stored,
      duplicates: total.duplicates,
      quarantined: total.quarantined,
      compiled: total.compiled,
      seconds: (performance.now() - started) / 1000,
      networkSeconds: total.networkMs / 1000,
      problems,
    };
  });
  if (result) return result;
  return {
    source: source.name,
    status: 'skipped',
    windowFrom: '',
    windowTo: '',
    resumed: false,
    pages: 0,
    requests: 0,
    retries: 0,
    read: 0,
    stored: 0,
    duplicates: 0,
    quarantined: 0,
    compiled: 0,
    seconds: (performance.now() - started) / 1000,
    networkSeconds: 0,
    problems: [`another ${source.title} sync is running; this one did nothing`],
  };
}
