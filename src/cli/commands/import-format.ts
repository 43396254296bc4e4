// Text output of `missionbuy import`: one line per file, the column mapping on --dry-run, and the totals.
import type { Command } from 'commander';
import type { FileImportSummary } from '../../imports/shared/file-import.js';
import type { ColumnMapping } from '../../imports/shared/header.js';
import type { SpendImportSummary } from '../../imports/spend/import-spend.js';
import { usageError } from '../run.js';

/** `--org`: an organisation id, a positive whole number. */
export function parseOrgId(value: string): number {
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0)
    throw usageError(`--org must be an organisation id (a positive whole number), not "${value}"`);
  return id;
}

/** The options every `import` subcommand takes: the buyer, --dry-run and --json (with what each does). */
export function importOptions(command: Command, help: { dryRun: string; json: string }): Command {
  return command
    .requiredOption('--org <id>', 'the buyer: an organisation id in missionbuy', parseOrgId)
    .option('--dry-run', help.dryRun, false)
    .option('--json', help.json, false);
}

/**
 * Prints the summary of a one-file import: one JSON object (the stats replaced by their column mapping, plus
 * `extra`), or a line for a file already imported, or its summary line (`detail`: what was kept and how it was
 * read) and, on a dry run, the column mapping.
 */
export function printFileSummary<
  S extends { mapping: readonly ColumnMapping<string>[] },
  T extends FileImportSummary<S>,
>(s: T, json: boolean, detail: (s: T) => string, extra: object = {}): void {
  if (json) {
    const { stats, ...rest } = s;
    process.stdout.write(`${JSON.stringify({ ...rest, mapping: stats?.mapping, ...extra })}\n`);
    return;
  }
  if (s.status === 'duplicate') {
    process.stdout.write(`= ${s.file}: already imported (same content as ${s.sameAs}), nothing added.\n`);
    return;
  }
  const verb = s.status === 'checked' ? 'Checked (nothing written)' : 'Imported';
  process.stdout.write(
    `${verb} ${s.file} for ${s.organisation.name} (${s.organisation.id}) in ${s.seconds}s: ${s.rowsRead} rows, ${detail(s)}\n`,
  );
  if (s.status === 'checked' && s.stats) process.stdout.write(`${formatMapping(s.stats.mapping)}\n`);
}

export function formatMapping(mapping: readonly ColumnMapping<string>[]): string {
  return mapping
    .map((m) => {
      const header = m.header.trim() === '' ? '(blank)' : JSON.stringify(m.header);
      return `    column ${m.index + 1} ${header} → ${m.field ?? '—'} (${m.note})`;
    })
    .join('\n');
}

export function formatSpendSummary(s: SpendImportSummary, dryRun: boolean): string {
  const lines: string[] = [];
  for (const r of s.results) {
    const st = r.stats;
    if (r.status === 'failed') lines.push(`✗ ${r.file}: ${r.error}`);
    else if (r.status === 'duplicate')
      lines.push(`= ${r.file}: already imported (same content as ${r.sameAs}), nothing added`);
    else if (st) {
      lines.push(
        `${dryRun ? '?' : '✓'} ${r.file}: ${st.rows} rows, ${st.kept} kept, ${st.quarantined} quarantined, ${st.credits} credits` +
          ` (${st.encoding}, header on line ${st.headerLine}${st.headerAt === 'bottom' ? ' at the bottom' : ''};` +
          ` skipped ${st.skipped.blank} blank and ${st.skipped.header} header rows)`,
      );
      if (dryRun) lines.push(formatMapping(st.mapping));
    }
  }
  lines.push(
    `${dryRun ? 'Checked (nothing written)' : 'Imported'} ${s.files} files for ${s.organisation.name} (${s.organisation.id}) in ${s.seconds}s: ` +
      `${s.rowsRead} rows, ${s.kept} kept, ${s.quarantined} quarantined, ${s.duplicates} already imported, ${s.failed} files failed.`,
  );
  return lines.join('\n');
}
