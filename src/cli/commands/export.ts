// missionbuy export records [--ocid X…] : an OCDS record package on stdout, streamed.
import type { Command } from 'commander';
import { writeRecordPackage } from '../../ocds/export.js';
import { buildVersioned } from '../../ocds/pipeline.js';
import { withDatabase } from '../run.js';

export function registerExport(program: Command): void {
  const exp = program.command('export').description('Export data in open formats');
  exp
    .command('records')
    .description('Print an OCDS record package (each record with its releases and compiledRelease) to stdout')
    .option('--ocid <ocid...>', 'only these contracting processes (default: all)')
    .option('--versioned', 'include each record’s versionedRelease', false)
    .action(async (opts: { ocid?: string[]; versioned: boolean }) => {
      await withDatabase(async ({ handle }) => {
        await writeRecordPackage(handle.db, process.stdout, {
          ocids: opts.ocid,
          versioned: opts.versioned ? buildVersioned : undefined,
        });
      });
    });
}
