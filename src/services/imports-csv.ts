// The import pages' tables as CSV (docs/local-data.md): the import runs, one run's rejected rows (file, line,
// reason and the row as read) and a buyer's local contracts; every row, text cells safe for spreadsheets
// (shared/csv-table.ts).
import type { ImportRunDetail, ImportRunList, LocalContractList } from './imports.service.js';
import { csvTable } from './shared/csv-table.js';

export function importRunsCsv(list: ImportRunList): string {
  return csvTable(
    [
      'run_id',
      'kind',
      'organisation_id',
      'organisation',
      'file',
      'sha256',
      'bytes',
      'encoding',
      'records',
      'rows',
      'kept',
      'quarantined',
      'started_at',
      'finished_at',
    ],
    list.runs.map((r) => [
      r.id,
      r.kind,
      r.organisation.id,
      r.organisation.name,
      r.file,
      r.sha256,
      r.bytes,
      r.encoding,
      r.records,
      r.rows,
      r.kept,
      r.quarantined,
      r.startedAt,
      r.finishedAt,
    ]),
  );
}

export function rejectedRowsCsv(detail: ImportRunDetail): string {
  return csvTable(
    ['run_id', 'file', 'line', 'reason', 'excerpt'],
    detail.rejected.rows.map((r) => [detail.run.id, detail.run.file, r.line, r.reason, r.excerpt]),
  );
}

export function localContractsCsv(list: LocalContractList): string {
  return csvTable(
    [
      'organisation_id',
      'source',
      'id',
      'reference',
      'title',
      'supplier',
      'value',
      'currency',
      'date',
      'expiry',
      'status',
      'ocds_ocid',
      'source_file',
      'source_line',
    ],
    list.contracts.map((c) => [
      list.organisation.id,
      c.source,
      c.id,
      c.reference,
      c.title,
      c.supplier_name,
      c.value,
      c.currency,
      c.date,
      c.expiry,
      c.status,
      c.ocds_ocid,
      c.source_file,
      c.source_line,
    ]),
  );
}
