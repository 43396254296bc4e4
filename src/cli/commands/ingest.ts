// missionbuy ingest <file|dir>… : store real OCDS releases, quarantine what cannot be used, compile records.
import type { Command } from 'commander';
import { ingestPaths } from '../../ocds/pipeline.js';
import { createProgress } from '../progress.js';
import { refreshDerived } from '../../services/derived-refresh.js';
import { formatResolve } from './suppliers.js';
import { withDatabase } from '../run.js';

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description(
      'Ingest OCDS files: release packages, record packages, arrays of releases, JSON Lines, concatenated JSON, .gz, or folders of these',
    )
    .argument('<paths...>', 'files or folders to read')
    .option('--source <name>', 'name of the source, stored with every release', 'file')
    .option('--synthetic', 'tag what is stored as synthetic (generated) data', false)
    .option('--no-compile', 'store releases only; compile later (the queue keeps the work)')
    .option(
      '--json',
      'print one JSON summary {read, stored, duplicates, quarantined, seconds} on stdout',
      false,
    )
    .addHelpText(
      'after',
      `
Releases that can be used (objects with ocid, id and date) are stored with their validation findings; anything
else goes to quarantine with its file, position and reason, and never blocks the good releases around it.
Re-running the same input stores nothing new.

Examples:
  missionbuy ingest data/sample
  missionbuy ingest --source fts downloads/*.json.gz --json`,
    )
    .action(
      async (
        paths: string[],
        opts: { source: string; synthetic: boolean; compile: boolean; json: boolean },
      ) => {
        await withDatabase(async ({ handle }) => {
          const progress = createProgress(
            '{phase} |{bar}| {read} read · {stored} stored · {duplicates} duplicates · {quarantined} quarantined · {compiled} compiled',
            !opts.json,
          );
          const summary = await ingestPaths(handle.db, paths, {
            source: opts.source,
            synthetic: opts.synthetic,
            compile: opts.compile,
            onProgress: (p) =>
              progress.update(
                { ...p, phase: p.phase === 'store' ? 'storing  ' : 'compiling' },
                p.phase === 'compile' ? p.compiled : p.read,
                p.phase === 'compile' ? p.compileQueued : p.read,
              ),
          });
          progress.stop();
          // The stored figures that follow the data: suppliers, data-quality scores, red flags, the mission dashboard,
          // the market and collaboration summaries (services/derived-refresh.ts).
          const derived = summary.compiled > 0 ? await refreshDerived(handle.db) : null;
          const quality = derived?.qualityRefresh ?? null;
          const suppliers = derived?.suppliers ?? null;
          const { read, stored, duplicates, quarantined, seconds } = summary;
          if (opts.json) {
            process.stdout.write(
              `${JSON.stringify({ read, stored, duplicates, quarantined, seconds, ...derived })}\n`,
            );
          } else {
            process.stdout.write(
              `Read ${read} items in ${seconds}s: ${stored} stored, ${duplicates} already stored, ${quarantined} quarantined; ${summary.compiled} records compiled.\n`,
            );
            if (quality && quality.kind !== 'none')
              process.stdout.write(
                `Data-quality scores refreshed (${quality.kind}, ${quality.buyers} organisations, ${quality.seconds}s).\n`,
              );
            if (suppliers && !suppliers.skipped) process.stdout.write(`${formatResolve(suppliers)}\n`);
            if (quarantined > 0)
              process.stdout.write(
                'See the quarantine table (or the web app) for what was not usable and why.\n',
              );
          }
        });
      },
    );
}
