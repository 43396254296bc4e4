// Reads a Contracts Finder notice export — CSV (Contracts Finder's download, or a re-serialisation) or JSON Lines
// (one flattened notice object per line, e.g. the search API's notices) — optionally gzipped, into notices and
// rejected rows with their line. Both shapes go through the same header mapping: a JSON object's keys are its header.
import { createInterface } from 'node:readline';
import { AppError } from '../../errors.js';
import { isBlankRecord, readCsvRecords, type CsvItem } from '../shared/csv-records.js';
import { openBytes, TextDecodeStream } from '../shared/decode.js';
import { excerpt } from '../shared/files.js';
import {
  completeFileStats,
  emptyFileStats,
  type ReadFileStats,
  type RowReject,
} from '../shared/file-stats.js';
import type { HeaderMapping } from '../shared/header.js';
import { isNoticeHeader, mapNoticeHeader, type NoticeField } from './layout.js';
import { noticeFromRow, type NoticeContract } from './row.js';

export interface NoticeRow {
  line: number;
  notice: NoticeContract;
  /** The row as published (cut), for quarantine if it turns out to repeat a stored notice. */
  excerpt: string;
}

export type NoticeReject = RowReject;

export interface NoticeFileStats extends ReadFileStats<NoticeField> {
  format: 'csv' | 'jsonl';
}

export const isJsonLines = (path: string): boolean => /\.(jsonl|ndjson|json)(\.gz)?$/i.test(path);

const cell = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);

type Item = CsvItem | { kind: 'header'; line: number; cells: string[] };

/** JSON Lines as records under a header of the keys seen so far (a new key re-announces the header). */
async function* jsonLineItems(path: string, decode: TextDecodeStream): AsyncGenerator<Item> {
  const bytes = await openBytes(path);
  bytes.on('error', (e) => decode.destroy(e));
  const lines = createInterface({ input: bytes.pipe(decode), crlfDelay: Infinity });
  const keys: string[] = [];
  let n = 0;
  for await (const raw of lines) {
    n++;
    if (raw.trim() === '') {
      yield { kind: 'record', line: n, cells: [], raw };
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      yield { kind: 'problem', line: n, reason: `unreadable JSON: ${(e as Error).message}`, raw };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { kind: 'problem', line: n, reason: 'not a JSON object (one notice per line)', raw };
      continue;
    }
    const object = value as Record<string, unknown>;
    const fresh = Object.keys(object).filter((k) => !keys.includes(k));
    if (fresh.length > 0) {
      keys.push(...fresh);
      yield { kind: 'header', line: n, cells: [...keys] };
    }
    yield { kind: 'record', line: n, cells: keys.map((k) => cell(object[k])), raw };
  }
}

async function noticeItems(
  path: string,
): Promise<{ items: AsyncIterable<Item>; encoding: () => string | null }> {
  if (!isJsonLines(path)) return readCsvRecords(path);
  const decode = new TextDecodeStream();
  return { items: jsonLineItems(path, decode), encoding: () => decode.encoding };
}

export async function readNoticesFile(
  path: string,
  sink: { onRow(row: NoticeRow): void; onReject(reject: NoticeReject): void },
): Promise<NoticeFileStats> {
  const format = isJsonLines(path) ? 'jsonl' : 'csv';
  const reader = await noticeItems(path);
  type Header = { line: number; mapping: HeaderMapping<NoticeField> };
  let header = null as Header | null;
  const stats: NoticeFileStats = { format, ...emptyFileStats<NoticeField>() };
  const above: NoticeReject[] = [];
  const reject = (r: NoticeReject) => {
    stats.quarantined++;
    (header ? sink.onReject : (x: NoticeReject) => above.push(x))(r);
  };
  for await (const item of reader.items) {
    if (item.kind === 'header') {
      // JSON Lines: the keys are the header; the mapping may widen when a later object has more keys.
      const mapping = mapNoticeHeader(item.cells);
      if (isNoticeHeader(item.cells)) header = { line: header?.line ?? item.line, mapping };
      continue;
    }
    stats.records++;
    if (item.kind === 'record' && isBlankRecord(item.cells)) {
      stats.skipped.blank++;
      continue;
    }
    if (format === 'csv' && item.kind === 'record' && isNoticeHeader(item.cells)) {
      stats.skipped.header++;
      header ??= { line: item.line, mapping: mapNoticeHeader(item.cells) };
      continue;
    }
    stats.rows++;
    const ex = excerpt(item.raw);
    if (item.kind === 'problem') {
      reject({ line: item.line, reason: item.reason, excerpt: ex });
      continue;
    }
    if (!header) {
      const reason = format === 'csv' ? 'text above the header row' : 'no notice id and title in this object';
      reject({ line: item.line, reason, excerpt: ex });
      continue;
    }
    const result = noticeFromRow(item.cells, header.mapping);
    if (!result.ok) {
      reject({ line: item.line, reason: result.reason, excerpt: ex });
      continue;
    }
    stats.kept++;
    sink.onRow({ line: item.line, notice: result.notice, excerpt: ex });
  }
  if (!header) {
    throw new AppError(
      'BAD_INPUT',
      `${path}: no Contracts Finder notice header found (a row or JSON object naming the notice id or link, its title, and a date, status or notice type; see docs/local-data.md)`,
    );
  }
  for (const r of above) sink.onReject(r);
  completeFileStats(stats, reader.encoding(), header);
  return stats;
}
