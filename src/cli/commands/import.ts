// missionbuy import spend|register: local data beside OCDS (design.md §2, docs/local-data.md).
import type { Command } from 'commander';
import { AppError } from '../../errors.js';
import { importSpend } from '../../imports/spend/import-spend.js';
import { createProgress } from '../progress.js';
import { withDatabase } from '../run.js';
import { formatSpendSummary, importOptions } from './import-format.js';
import { registerImportNotices } from './import-notices.js';
import { registerImportRegister } from './import-register.js';
import { formatResolve, resolveAfterChange } from './suppliers.js';

export function registerImport(program: Command): void {
  const command = program
    .command('import')
    .description(
      "Import local data: councils' payments (spend) files, contract registers and Contracts Finder notice exports",
    );
  importOptions(
    command
      .command('spend')
      .description('Import payments files (CSV, optionally gzipped) for one buyer organisation')
      .argument('<paths...>', 'files or folders of .csv / .csv.gz files'),
    {
      dryRun: 'read and map every file, print how each column was mapped, write nothing',
      json: 'print one JSON summary {files, rowsRead, kept, quarantined, duplicates, failed, seconds, results}',
    },
  )
    .addHelpText(
      'after',
      `
Layouts are detected from the header row (docs/local-data.md lists the header synonyms): UTF-8, Windows-1252 and
DOS 850 files, byte-order marks, CR-only line ends, blank and interleaved columns, credits as -1.00, (1.00),
1.00- or 1.00 CR, gross/net/VAT columns. Every row is kept or quarantined with its file, line and reason.
Each file is one transaction; importing the same content again adds nothing.

Examples:
  missionbuy import spend --org 42 --dry-run spend/hyndburn/April-24.csv
  missionbuy import spend --org 42 --json spend/manchester/`,
    )
    .action(async (paths: string[], opts: { org: number; dryRun: boolean; json: boolean }) => {
      await withDatabase(async ({ handle }) => {
        const progress = createProgress('{file} |{bar}| file {value}/{total} · {rows} rows', !opts.json);
        const summary = await importSpend(handle.db, paths, {
          organisationId: opts.org,
          dryRun: opts.dryRun,
          onProgress: (p) =>
            progress.update({ file: p.file.slice(-40), rows: p.rows }, p.fileIndex + 1, p.files),
        });
        progress.stop();
        // New payees are resolved at once (docs/suppliers.md).
        const suppliers = !opts.dryRun && summary.kept > 0 ? await resolveAfterChange(handle.db) : null;
        process.stdout.write(
          `${opts.json ? JSON.stringify({ ...summary, suppliers }) : formatSpendSummary(summary, opts.dryRun)}\n`,
        );
        if (suppliers && !opts.json) process.stdout.write(`${formatResolve(suppliers)}\n`);
        if (summary.failed > 0) {
          throw new AppError(
            'BAD_INPUT',
            `${summary.failed} of ${summary.files} files could not be read (see above)`,
          );
        }
      });
    });
  registerImportRegister(command);
  registerImportNotices(command);
}
