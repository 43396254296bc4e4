// The contracts list as CSV: same filters and order as the page, streamed, safe to open in a spreadsheet.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { ProcessExportRow } from '../../store/process.repository.js';

/**
 * Neutralises spreadsheet formulas: a text cell starting with = + - @ tab or carriage return is prefixed with
 * a single quote, so Excel, LibreOffice and Sheets show it as text (OWASP "CSV Injection").
 */
export function csvSafe(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export const CSV_COLUMNS = [
  'ocid',
  'title',
  'buyer',
  'suppliers',
  'value',
  'currency',
  'value_basis',
  'procurement_method',
  'status',
  'main_cpv',
  'contract_start',
  'contract_end',
  'contract_max_extent',
  'notice_types',
  'release_tags',
  'first_published',
  'last_updated',
  'source',
  'synthetic',
  'url',
] as const;

const iso = (d: Date | null): string => (d ? d.toISOString() : '');

export function csvRow(r: ProcessExportRow, baseUrl: string): string[] {
  return [
    csvSafe(r.ocid),
    csvSafe(r.title),
    csvSafe(r.buyer_name),
    csvSafe(r.suppliers),
    // Our own numeric column: a decimal string, negative amounts stay numbers.
    r.value_amount ?? '',
    csvSafe(r.value_currency),
    r.value_basis ?? '',
    csvSafe(r.procurement_method_details ?? r.procurement_method),
    csvSafe(r.tender_status),
    csvSafe(r.cpv_main),
    iso(r.contract_start),
    iso(r.contract_end),
    iso(r.contract_max_extent),
    csvSafe(r.notice_types.join(' ')),
    csvSafe(r.release_tags.join(' ')),
    iso(r.first_published),
    iso(r.last_updated),
    csvSafe(r.source),
    r.synthetic ? 'true' : 'false',
    `${baseUrl}/contracts/${encodeURIComponent(r.ocid)}`,
  ];
}

/** A CSV byte stream (UTF-8 with BOM, so spreadsheets read £ correctly) of rows turned into cells by `toRow`. */
export function csvStream<T>(
  rows: AsyncIterable<T>,
  columns: readonly string[],
  toRow: (r: T) => string[],
): Readable {
  async function* lines() {
    for await (const r of rows) yield toRow(r);
  }
  const out = stringify({ header: true, columns: [...columns], bom: true });
  const source = Readable.from(lines());
  source.on('error', (e) => out.destroy(e));
  return source.pipe(out);
}

/** The contracts list as a CSV byte stream. */
export function toCsvStream(rows: AsyncIterable<ProcessExportRow>, baseUrl: string): Readable {
  return csvStream(rows, CSV_COLUMNS, (r) => csvRow(r, baseUrl));
}
