// missionbuy sync fts|contracts-finder : incremental, polite, resumable sync from the statutory APIs.
import type { Command } from 'commander';
import { AppError } from '../../errors.js';
import { pipelineDeps } from '../../ocds/pipeline.js';
import { isSourceName, SOURCES } from '../../ocds/sources/sources.js';
import { syncSource } from '../../ocds/sources/sync.js';
import { createProgress } from '../progress.js';
import { withDatabase } from '../run.js';

function parseDate(name: string, v: string | undefined): Date | undefined {
  if (v === undefined) return undefined;
  const d = new Date(v);
  if (Number.isNaN(d.getTime()))
    throw new AppError(
      'BAD_REQUEST',
      `${name} must be a date such as 2026-10-01 or 2026-10-01T12:00:00Z, got "${v}"`,
    );
  return d;
}

export function registerSync(program: Command): void {
  program
    .command('sync')
    .description(
      'Fetch new and updated releases from Find a Tender (fts) or Contracts Finder, resuming where the last sync stopped',
    )
    .argument('<source>', 'fts | contracts-finder')
    .option('--since <date>', 'start of the window (default: where the last sync ended, or 24 hours ago)')
    .option('--until <date>', 'end of the window (default: now)')
    .option(
      '--base-url <url>',
      'API base URL (default: MISSIONBUY_FTS_URL / MISSIONBUY_CF_URL or the live service)',
    )
    .option('--interval-ms <ms>', 'minimum milliseconds between requests (default: the source’s polite rate)')
    .option('--json', 'print one JSON summary on stdout', false)
    .action(
      async (
        name: string,
        opts: { since?: string; until?: string; baseUrl?: string; intervalMs?: string; json: boolean },
      ) => {
        if (!isSourceName(name))
          throw new AppError('BAD_REQUEST', `unknown source "${name}": use fts or contracts-finder`);
        const source = SOURCES[name];
        const since = parseDate('--since', opts.since);
        const until = parseDate('--until', opts.until);
        if (since && until && since > until) throw new AppError('BAD_REQUEST', '--since is after --until');
        const interval = opts.intervalMs === undefined ? undefined : Number(opts.intervalMs);
        if (interval !== undefined && !(interval >= 0))
          throw new AppError('BAD_REQUEST', '--interval-ms must be a number ≥ 0');
        await withDatabase(async ({ handle, log, config }) => {
          const progress = createProgress(
            `${source.title} |{bar}| {pages} pages · {releases} releases · {stored} stored · {rate}/s`,
            !opts.json,
          );
          const summary = await syncSource(handle.db, pipelineDeps(), source, {
            baseUrl:
              opts.baseUrl ?? (name === 'fts' ? config.ftsUrl : config.contractsFinderUrl) ?? source.baseUrl,
            ...(since ? { since } : {}),
            ...(until ? { until } : {}),
            ...(interval !== undefined ? { policy: { minIntervalMs: interval } } : {}),
            onProgress: (p) =>
              progress.update(
                { ...p, rate: p.elapsedSeconds > 0 ? Math.round(p.releases / p.elapsedSeconds) : 0 },
                p.pages,
                p.pages + 1,
              ),
            onRetry: (r) => log.warn(r, 'retrying'),
          });
          progress.stop();
          if (opts.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
          else {
            process.stdout.write(
              `${source.title} ${summary.status === 'skipped' ? 'sync skipped' : `window ${summary.windowFrom} → ${summary.windowTo}${summary.resumed ? ' (resumed)' : ''}`}: ` +
                `${summary.pages} pages, ${summary.requests} requests (${summary.retries} retried), ${summary.read} releases read, ` +
                `${summary.stored} stored, ${summary.duplicates} already stored, ${summary.quarantined} quarantined, ${summary.compiled} records compiled in ${summary.seconds.toFixed(1)}s.\n`,
            );
            for (const p of summary.problems) process.stdout.write(`  - ${p}\n`);
          }
        });
      },
    );
}
