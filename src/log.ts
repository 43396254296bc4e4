// pino, object first; pretty only on a terminal (not by NODE_ENV).
import { pino, destination, type Logger, type LoggerOptions } from 'pino';

export type { Logger };

export function createLogger(
  level: string,
  options: { pretty?: boolean; destination?: number } = {},
): Logger {
  const pretty = options.pretty ?? process.stderr.isTTY;
  const base: LoggerOptions = { level, base: { app: 'missionbuy' } };
  if (pretty) {
    return pino({
      ...base,
      transport: {
        target: 'pino-pretty',
        options: { destination: options.destination ?? 2, colorize: true },
      },
    });
  }
  return pino(base, destination(options.destination ?? 2));
}
