// missionbuy import register <file>: a council's contract register (CSV or XLSX) for one buyer.
import type { Command } from 'commander';
import { importRegister } from '../../imports/register/import-register.js';
import { loadRegisterMapping } from '../../imports/register/layout.js';
import { withDatabase } from '../run.js';
import { formatResolve, resolveAfterChange } from './suppliers.js';
import { importOptions, printFileSummary } from './import-format.js';
import { refreshCollaboration } from '../../services/collaboration/summary-refresh.js';
import { refreshHorizonDayCounts } from '../../store/horizon-day-count.repository.js';

export function registerImportRegister(command: Command): void {
  importOptions(
    command
      .command('register')
      .description('Import a contract register (CSV, .csv.gz or XLSX) for one buyer organisation')
      .argument('<file>', 'the register file'),
    {
      dryRun: 'read and map the file, print how each column was mapped, write nothing',
      json: 'print one JSON summary {file, status, rowsRead, kept, quarantined, duplicates, seconds}',
    },
  )
    .option(
      '--mapping <file>',
      'JSON object of field → header text, for headers the built-in layouts do not know',
    )
    .addHelpText(
      'after',
      `
Fields: reference, title, description, directorate, procedure, supplierName, supplierPostcode, supplierCompanyNumber,
annualValue, totalValue, irrecoverableVat, aboveThreshold, startDate, endDate, durationMonths, extensionMonths,
extensionsAvailable, extension1Taken, extension2Taken, currentExpiry, sme, vcse, categoryCode, categoryDescription
(docs/local-data.md).

Examples:
  missionbuy import register --org 42 --dry-run salford-contracts-register-2022-07.csv
  missionbuy import register --org 42 --mapping my-headers.json register.xlsx`,
    )
    .action(async (file: string, opts: { org: number; mapping?: string; dryRun: boolean; json: boolean }) => {
      const mapping = opts.mapping ? await loadRegisterMapping(opts.mapping) : undefined;
      await withDatabase(async ({ handle }) => {
        const s = await importRegister(handle.db, file, {
          organisationId: opts.org,
          dryRun: opts.dryRun,
          ...(mapping ? { mapping } : {}),
        });
        // New register suppliers are resolved at once (docs/suppliers.md).
        const suppliers = s.status === 'imported' ? await resolveAfterChange(handle.db) : null;
        // Its contracts are on the horizon: in its day counts (docs/horizon-scan.md) and in the collaboration
        // finder's summary (docs/collaboration.md).
        const horizon = s.status === 'imported' ? await refreshHorizonDayCounts(handle.db) : null;
        const collaboration = s.status === 'imported' ? await refreshCollaboration(handle.db) : null;
        printFileSummary(
          s,
          opts.json,
          (s) =>
            `${s.kept} contracts kept, ${s.quarantined} quarantined` +
            ` (${s.stats?.encoding}, header on line ${s.stats?.headerLine}).`,
          { suppliers, horizonRefresh: horizon, collaborationRefresh: collaboration },
        );
        if (suppliers && !opts.json) process.stdout.write(`${formatResolve(suppliers)}\n`);
      });
    });
}
