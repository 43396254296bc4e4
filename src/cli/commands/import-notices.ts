// missionbuy import notices <file>: a Contracts Finder notice export (flattened notice rows, CSV or JSON Lines).
import type { Command } from 'commander';
import { importNotices } from '../../imports/notices/import-notices.js';
import { withDatabase } from '../run.js';
import { importOptions, printFileSummary } from './import-format.js';

export function registerImportNotices(command: Command): void {
  importOptions(
    command
      .command('notices')
      .description(
        'Import a Contracts Finder notice export (CSV or JSON Lines, optionally gzipped) for one buyer',
      )
      .argument('<file>', 'the export: .csv, .jsonl (one notice object per line), either optionally .gz'),
    {
      dryRun: 'read and map the file, print how each column was mapped, write nothing',
      json: 'print one JSON summary {file, status, rowsRead, kept, quarantined, inOcds, duplicates, seconds, mapping}',
    },
  )
    .addHelpText(
      'after',
      `
Each row is one notice, identified by its Contracts Finder notice id (a GUID; taken from the notice link when there
is no id column). A notice is stored once per buyer: a row of a notice already stored is quarantined with where it
is. A notice also stored as a Contracts Finder OCDS release (release id <notice id>-<n>) is kept but counted once:
OCDS wins, whichever was loaded first (docs/local-data.md).

Examples:
  missionbuy import notices --org 42 --dry-run cf-notices-lancashire-councils.csv
  missionbuy import notices --org 42 --json cf-notices-lancashire-councils.jsonl`,
    )
    .action(async (file: string, opts: { org: number; dryRun: boolean; json: boolean }) => {
      await withDatabase(async ({ handle }) => {
        const s = await importNotices(handle.db, file, { organisationId: opts.org, dryRun: opts.dryRun });
        printFileSummary(
          s,
          opts.json,
          (s) =>
            `${s.kept} notices kept (${s.inOcds} also in OCDS, counted once), ${s.quarantined} quarantined` +
            ` (${s.stats?.format}, ${s.stats?.encoding}).`,
        );
      });
    });
}
