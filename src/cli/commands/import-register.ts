// missionbuy import register <file>: a council's contract register (CSV or XLSX) for one buyer.
import type { Command } from 'commander';
import { importRegister } from '../../imports/register/import-register.js';
import { loadRegisterMapping } from '../../imports/register/layout.js';
import { withDatabase } from '../run.js';
import { formatResolve, resolveAfterChange } from './suppliers.js';
import { formatMapping, parseOrgId } from './import-format.js';

export function registerImportRegister(command: Command): void {
  command
    .command('register')
    .description('Import a contract register (CSV, .csv.gz or XLSX) for one buyer organisation')
    .argument('<file>', 'the register file')
    .requiredOption('--org <id>', 'the buyer: an organisation id in missionbuy', parseOrgId)
    .option(
      '--mapping <file>',
      'JSON object of field → header text, for headers the built-in layouts do not know',
    )
    .option('--dry-run', 'read and map the file, print how each column was mapped, write nothing', false)
    .option(
      '--json',
      'print one JSON summary {file, status, rowsRead, kept, quarantined, duplicates, seconds}',
      false,
    )
    .addHelpText(
      'after',
      `
Fields: reference, title, description, directorate, procedure, supplierName, supplierPostcode, supplierCompanyNumber,
annualValue, totalValue, aboveThreshold, startDate, endDate, durationMonths, extensionMonths, extensionsAvailable,
extension1Taken, extension2Taken, currentExpiry, sme, categoryCode, categoryDescription (docs/local-data.md).

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
        if (opts.json) {
          const { stats, ...rest } = s;
          process.stdout.write(`${JSON.stringify({ ...rest, mapping: stats?.mapping, suppliers })}\n`);
          return;
        }
        if (s.status === 'duplicate') {
          process.stdout.write(
            `= ${s.file}: already imported (same content as ${s.sameAs}), nothing added.\n`,
          );
          return;
        }
        const verb = s.status === 'checked' ? 'Checked (nothing written)' : 'Imported';
        process.stdout.write(
          `${verb} ${s.file} for ${s.organisation.name} (${s.organisation.id}) in ${s.seconds}s: ${s.rowsRead} rows, ${s.kept} contracts kept, ${s.quarantined} quarantined` +
            ` (${s.stats?.encoding}, header on line ${s.stats?.headerLine}).\n`,
        );
        if (s.status === 'checked' && s.stats) process.stdout.write(`${formatMapping(s.stats.mapping)}\n`);
        if (suppliers) process.stdout.write(`${formatResolve(suppliers)}\n`);
      });
    });
}
