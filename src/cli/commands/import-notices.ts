// missionbuy import notices <file>: a Contracts Finder notice export (flattened notice rows, CSV or JSON Lines).
import type { Command } from 'commander';
import { importNotices, type NoticeBuyers } from '../../imports/notices/import-notices.js';
import { withDatabase } from '../run.js';
import { formatResolve, resolveAfterChange } from './suppliers.js';
import { importOptions, printFileSummary } from './import-format.js';

/** `for 24 buyers: 700 rows matched by name, 278 of 20 new organisations, 0 without one (→ --org)`. */
function formatBuyers(b: NoticeBuyers, dryRun: boolean): string {
  return (
    `for ${b.organisations} buyers: ${b.matchedRows} rows matched to organisations by name, ` +
    `${b.createdRows} of ${b.created.length} organisations ${dryRun ? 'to create' : 'created'}` +
    (b.created.length ? ` (${b.created.join('; ')})` : '') +
    `, ${b.importOrganisationRows} naming none (--org)`
  );
}

export function registerImportNotices(command: Command): void {
  importOptions(
    command
      .command('notices')
      .description(
        'Import a Contracts Finder notice export (CSV or JSON Lines, optionally gzipped): each row for the buyer it names',
      )
      .argument('<file>', 'the export: .csv, .jsonl (one notice object per line), either optionally .gz'),
    {
      dryRun: 'read and map the file, print how each column was mapped, write nothing',
      json: 'print one JSON summary {file, status, rowsRead, kept, quarantined, inOcds, buyers, duplicates, seconds, mapping, suppliers}',
    },
  )
    .addHelpText(
      'after',
      `
Each row is one notice, identified by its Contracts Finder notice id (a GUID; taken from the notice link when there
is no id column), of the organisation it names: an organisation of that normalised name, else one created for it;
--org is the import's organisation and the buyer of rows that name none. A notice is stored once per buyer: a row of a notice already stored is quarantined with where it
is. A notice also stored as a Contracts Finder OCDS release (release id <notice id>-<n>) is kept but counted once:
OCDS wins, whichever was loaded first (docs/local-data.md).

Examples:
  missionbuy import notices --org 42 --dry-run cf-notices-lancashire-councils.csv
  missionbuy import notices --org 42 --json cf-notices-lancashire-councils.jsonl`,
    )
    .action(async (file: string, opts: { org: number; dryRun: boolean; json: boolean }) => {
      await withDatabase(async ({ handle }) => {
        const s = await importNotices(handle.db, file, { organisationId: opts.org, dryRun: opts.dryRun });
        // The notices' suppliers are resolved at once, as a register's are (docs/suppliers.md).
        const suppliers = s.status === 'imported' ? await resolveAfterChange(handle.db) : null;
        printFileSummary(
          s,
          opts.json,
          (s) =>
            `${s.kept} notices kept (${s.inOcds} also in OCDS, counted once), ${s.quarantined} quarantined` +
            ` (${s.stats?.format}, ${s.stats?.encoding}); ${formatBuyers(s.buyers, s.status === 'checked')}.`,
          { suppliers },
        );
        if (suppliers && !opts.json) process.stdout.write(`${formatResolve(suppliers)}\n`);
      });
    });
}
