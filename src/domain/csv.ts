// Reads the reference lists in data/reference and the OCDS codelists: RFC 4180 CSV (quoted fields with commas,
// doubled quotes and newlines, a UTF-8 byte-order mark) via csv-parse. Pure: the caller reads the file.
import { parse } from 'csv-parse/sync';

/** Rows of fields; the header row is included. Empty lines are skipped; rows may differ in length. */
export function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true }) as string[][];
}
