// What reading one local file reports, whatever its kind: the rows kept and quarantined, the header found and how
// each column was mapped. Notices and registers share it (spend adds its own counts).
import type { ColumnMapping, HeaderMapping } from './header.js';

/** A row that cannot be used: its line, why, and the row as published (cut). */
export interface RowReject {
  line: number;
  reason: string;
  excerpt: string;
}

export interface ReadFileStats<F extends string> {
  encoding: string | null;
  headerLine: number;
  mapping: ColumnMapping<F>[];
  records: number;
  rows: number;
  kept: number;
  quarantined: number;
  skipped: { blank: number; header: number };
}

/** Stats before the first record is read. */
export function emptyFileStats<F extends string>(): ReadFileStats<F> {
  return {
    encoding: null,
    headerLine: 0,
    mapping: [],
    records: 0,
    rows: 0,
    kept: 0,
    quarantined: 0,
    skipped: { blank: 0, header: 0 },
  };
}

/** Once the file is read: the encoding found (plain ASCII when none had to be chosen) and the header used. */
export function completeFileStats<F extends string>(
  stats: ReadFileStats<F>,
  encoding: string | null,
  header: { line: number; mapping: HeaderMapping<F> },
): void {
  stats.encoding = encoding ?? 'ascii';
  stats.headerLine = header.line;
  stats.mapping = header.mapping.report;
}
