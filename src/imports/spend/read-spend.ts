// Reads one payments file into payments and quarantined rows, streaming: finds the header (usually at the top,
// after blank or title rows; in a few Hyndburn files only at the bottom), maps its columns (layout.ts) and turns
// each data row into a payment or a quarantine reason. Blank rows and repeated header rows are counted, not kept.
// Every other record is a row, and every row is kept or quarantined: kept + quarantined = rows.
import { basename } from 'node:path';
import { AppError } from '../../errors.js';
import type { ColumnMapping } from '../shared/header.js';
import { isBlankRecord, readCsvRecords } from '../shared/csv-records.js';
import { periodFromFileName } from '../shared/dates.js';
import { excerpt } from '../shared/files.js';
import { isSpendHeader, mapSpendHeader, type SpendField } from './layout.js';
import { paymentFromRow, type Payment } from './row.js';

/** A header this far down the file (in records) is a header at the bottom: the rows above it are data. */
const LEADING_HEADER_LIMIT = 50;

export interface SpendRow {
  line: number;
  payment: Payment;
  period: string | null;
}

export interface SpendReject {
  line: number;
  reason: string;
  excerpt: string;
}

export interface SpendFileStats {
  encoding: string | null;
  headerLine: number;
  headerAt: 'top' | 'bottom';
  mapping: ColumnMapping<SpendField>[];
  records: number;
  rows: number;
  kept: number;
  quarantined: number;
  credits: number;
  skipped: { blank: number; header: number };
}

interface FoundHeader {
  line: number;
  index: number;
  cells: string[];
}

async function findHeader(path: string): Promise<FoundHeader | null> {
  const reader = await readCsvRecords(path);
  let index = 0;
  for await (const item of reader.items) {
    if (item.kind !== 'record') continue;
    if (isSpendHeader(item.cells)) return { line: item.line, index, cells: item.cells };
    index++;
  }
  return null;
}

/**
 * Streams the file's rows to `onRow` / `onReject` (awaited, so a slow writer slows the reader) and returns the
 * counts. A file with no recognisable payments header is a BAD_INPUT error.
 */
export async function readSpendFile(
  path: string,
  sink: { onRow(row: SpendRow): Promise<void> | void; onReject(reject: SpendReject): Promise<void> | void },
): Promise<SpendFileStats> {
  const header = await findHeader(path);
  if (!header) {
    throw new AppError(
      'BAD_INPUT',
      `${path}: no payments header found (a row naming the supplier, the payment date and an amount; see docs/local-data.md)`,
    );
  }
  const headerAt = header.index < LEADING_HEADER_LIMIT ? 'top' : 'bottom';
  const mapping = mapSpendHeader(header.cells);
  const period = periodFromFileName(basename(path));
  const stats: SpendFileStats = {
    encoding: null,
    headerLine: header.line,
    headerAt,
    mapping: mapping.report,
    records: 0,
    rows: 0,
    kept: 0,
    quarantined: 0,
    credits: 0,
    skipped: { blank: 0, header: 0 },
  };
  const reject = async (line: number, reason: string, raw: string) => {
    stats.quarantined++;
    await sink.onReject({ line, reason, excerpt: excerpt(raw) });
  };
  const reader = await readCsvRecords(path);
  for await (const item of reader.items) {
    stats.records++;
    if (item.kind === 'problem') {
      stats.rows++;
      await reject(item.line, item.reason, item.raw);
      continue;
    }
    if (isBlankRecord(item.cells)) {
      stats.skipped.blank++;
      continue;
    }
    if (item.line === header.line || isSpendHeader(item.cells)) {
      stats.skipped.header++;
      continue;
    }
    stats.rows++;
    if (headerAt === 'top' && item.line < header.line) {
      await reject(item.line, 'text above the header row', item.raw);
      continue;
    }
    const result = paymentFromRow(item.cells, mapping);
    if (!result.ok) {
      await reject(item.line, result.reason, item.raw);
      continue;
    }
    stats.kept++;
    if (result.payment.amount.startsWith('-')) stats.credits++;
    await sink.onRow({ line: item.line, payment: result.payment, period });
  }
  stats.encoding = reader.encoding() ?? 'ascii';
  return stats;
}
