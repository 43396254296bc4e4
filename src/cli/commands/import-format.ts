// Text output of `missionbuy import`: one line per file, the column mapping on --dry-run, and the totals.
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
