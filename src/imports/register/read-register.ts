// Reads a contract register (CSV, optionally gzipped, or the first sheet of an XLSX workbook) into contracts and
// rejected rows. CSV streams; XLSX is read whole by read-excel-file (registers are hundreds of rows, not millions).
// Numbers in XLSX cells are kept as the text Excel stored (never floats) and date cells become yyyy-mm-dd.
import readXlsxFile from 'read-excel-file/node';
import { AppError } from '../../errors.js';
import { isBlankRecord, readCsvRecords, type CsvItem } from '../shared/csv-records.js';
import type { FieldSpec } from '../shared/header.js';
import {
  completeFileStats,
  emptyFileStats,
  type ReadFileStats,
  type RowReject,
} from '../shared/file-stats.js';
import { excerpt } from '../shared/files.js';
import { isRegisterHeader, mapRegisterHeader, type RegisterField } from './layout.js';
import { contractFromRow, type RegisterContract } from './row.js';

export interface RegisterRow {
  line: number;
  contract: RegisterContract;
}

export type RegisterReject = RowReject;

export type RegisterFileStats = ReadFileStats<RegisterField>;

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

async function* xlsxItems(path: string): AsyncGenerator<CsvItem> {
  let sheets;
  try {
    sheets = await readXlsxFile(path, { parseNumber: (s: string) => s });
  } catch (e) {
    throw new AppError('BAD_INPUT', `${path}: not a readable XLSX workbook: ${(e as Error).message}`, {
      cause: e,
    });
  }
  const rows = sheets[0]?.data ?? [];
  for (const [i, row] of rows.entries()) {
    const cells = row.map(cellText);
    yield { kind: 'record', line: i + 1, cells, raw: cells.map(quote).join(',') };
  }
}

async function registerItems(
  path: string,
): Promise<{ items: AsyncIterable<CsvItem>; encoding: () => string | null }> {
  if (/\.xlsx$/i.test(path)) return { items: xlsxItems(path), encoding: () => 'xlsx' };
  return readCsvRecords(path);
}

export async function readRegisterFile(
  path: string,
  specs: readonly FieldSpec<RegisterField>[],
  sink: {
    onRow(row: RegisterRow): Promise<void> | void;
    onReject(reject: RegisterReject): Promise<void> | void;
  },
): Promise<RegisterFileStats> {
  const reader = await registerItems(path);
  let header: { line: number; cells: string[] } | null = null;
  let mapping: ReturnType<typeof mapRegisterHeader> | null = null;
  const stats: RegisterFileStats = emptyFileStats<RegisterField>();
  const pendingAbove: RegisterReject[] = [];
  for await (const item of reader.items) {
    stats.records++;
    if (item.kind === 'record' && isBlankRecord(item.cells)) {
      stats.skipped.blank++;
      continue;
    }
    if (item.kind === 'record' && isRegisterHeader(item.cells, specs)) {
      stats.skipped.header++;
      if (!header) {
        header = { line: item.line, cells: item.cells };
        mapping = mapRegisterHeader(item.cells, specs);
      }
      continue;
    }
    stats.rows++;
    stats.quarantined++;
    if (item.kind === 'problem') {
      await sink.onReject({ line: item.line, reason: item.reason, excerpt: excerpt(item.raw) });
      continue;
    }
    if (!header || !mapping) {
      pendingAbove.push({ line: item.line, reason: 'text above the header row', excerpt: excerpt(item.raw) });
      continue;
    }
    const result = contractFromRow(item.cells, mapping, header.cells);
    if (!result.ok) {
      await sink.onReject({ line: item.line, reason: result.reason, excerpt: excerpt(item.raw) });
      continue;
    }
    stats.quarantined--;
    stats.kept++;
    await sink.onRow({ line: item.line, contract: result.contract });
  }
  if (!header || !mapping) {
    throw new AppError(
      'BAD_INPUT',
      `${path}: no contract register header found (a row naming the contract title, the supplier or value, and a date; use --mapping for other headers, see docs/local-data.md)`,
    );
  }
  for (const r of pendingAbove) await sink.onReject(r);
  completeFileStats(stats, reader.encoding(), { line: header.line, mapping });
  return stats;
}
