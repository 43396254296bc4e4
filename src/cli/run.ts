// Shared plumbing for commands: configuration, logger, database, and turning failures into one line + exit code.
import { loadConfig, type Config } from '../config.js';
import { AppError, isAppError } from '../errors.js';
import { createLogger, type Logger } from '../log.js';
import { openDatabase, type DbHandle } from '../store/db.js';

export interface CommandContext {
  config: Config;
  log: Logger;
  handle: DbHandle;
}

/** The exit code and one-line reason for a failure (stack only with --verbose / LOG_LEVEL=debug). */
export function reportFailure(e: unknown, log?: Logger): number {
  if (isAppError(e)) {
    process.stderr.write(`missionbuy: ${e.message}\n`);
    log?.debug({ err: e }, 'command failed');
    return e.exitCode;
  }
  process.stderr.write(`missionbuy: unexpected error: ${(e as Error)?.message ?? String(e)}\n`);
  log?.error({ err: e }, 'unexpected error');
  return 70;
}

export function commandLogger(config: Config): Logger {
  // Commands print results on stdout; logs go to stderr, quiet unless asked for.
  return createLogger(config.logLevel === 'info' ? 'warn' : config.logLevel);
}

/** Runs a command body with an open database, closing it (and the embedded server it started) afterwards. */
export async function withDatabase<T>(body: (ctx: CommandContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const log = commandLogger(config);
  const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, log });
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    process.stderr.write(`\nmissionbuy: ${signal} received, stopping cleanly (committed work is kept)…\n`);
    void handle.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await body({ config, log, handle });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (!closing) await handle.close();
  }
}

export function usageError(message: string): AppError {
  return new AppError('BAD_REQUEST', message);
}
