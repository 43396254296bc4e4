// A progress bar on a terminal (stderr), nothing when output is piped or --json is given.
import cliProgress from 'cli-progress';

export interface Progress {
  update(text: Record<string, string | number>, value?: number, total?: number): void;
  stop(): void;
}

const silent: Progress = { update: () => {}, stop: () => {} };

export function createProgress(format: string, enabled: boolean): Progress {
  if (!enabled || !process.stderr.isTTY) return silent;
  const bar = new cliProgress.SingleBar(
    { format, stream: process.stderr, hideCursor: true, clearOnComplete: false, etaBuffer: 50, fps: 10 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(payload, value, total) {
      if (!started) {
        bar.start(total ?? 1, value ?? 0, payload);
        started = true;
      }
      if (total !== undefined) bar.setTotal(total);
      bar.update(value ?? 0, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
