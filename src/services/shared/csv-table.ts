// A table as CSV for the pages' downloads: a header row, UTF-8 with a byte-order mark (spreadsheets then read
// accents right), every text cell neutralised against spreadsheet formulas (contracts-csv.ts csvSafe). A cell that
// is exactly a number (`-195.75`) is written as it is: a plain number is no formula. Null is an empty cell.
import { stringify } from 'csv-stringify/sync';
import { csvSafe } from '../contracts/contracts-csv.js';

export type CsvCell = string | number | boolean | null;

const NUMBER = /^-?\d+(\.\d+)?$/;

function cell(v: CsvCell): string {
  if (v === null) return '';
  if (typeof v !== 'string') return String(v);
  return NUMBER.test(v) ? v : csvSafe(v);
}

export function csvTable(columns: readonly string[], rows: Iterable<readonly CsvCell[]>): string {
  return stringify(
    [...rows].map((r) => r.map(cell)),
    { header: true, columns: [...columns], bom: true },
  );
}

/** Pounds with pence, as text (`1234.50`). */
export const pounds = (n: number): string => n.toFixed(2);
