// CSV records of a local file, streaming: decoded (decode.ts), then csv-parse with every record's first line and
// raw text so that a row that cannot be used can be quarantined with its file, line and an excerpt.
// Quoting is relaxed (`12" PIPE` in an unquoted field) and rows may differ in length (interleaved blank columns).
import { parse } from 'csv-parse';
import { openBytes, TextDecodeStream, type TextEncoding } from './decode.js';

export interface CsvRecord {
  /** 1-based line where the record starts in the file (CR, LF and CRLF each end a line). */
  line: number;
  cells: string[];
  raw: string;
}

export interface CsvProblem {
  line: number;
  reason: string;
  raw: string;
}

export type CsvItem = ({ kind: 'record' } & CsvRecord) | ({ kind: 'problem' } & CsvProblem);

export interface CsvReader {
  items: AsyncIterable<CsvItem>;
  /** The encoding chosen, once the first non-ASCII byte has been seen (null: the file is plain ASCII). */
  encoding(): TextEncoding | null;
}

interface ParsedRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** True when every cell is empty or blank (`,,,,` rows, spreadsheet padding). */
export const isBlankRecord = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '');

export async function readCsvRecords(path: string): Promise<CsvReader> {
  const decode = new TextDecodeStream();
  const bytes = await openBytes(path);
  bytes.on('error', (e) => decode.destroy(e));
  const problems: CsvProblem[] = [];
  const parser = parse({
    relax_column_count: true,
    relax_quotes: true,
    skip_records_with_error: true,
    record_delimiter: '\n',
    raw: true,
    info: true,
    on_skip: (err: (Error & { lines?: number }) | undefined, raw: string | undefined) => {
      problems.push({
        line: err?.lines ?? 0,
        reason: `unreadable CSV: ${err?.message ?? 'bad record'}`,
        raw: raw ?? '',
      });
    },
  });
  decode.on('error', (e) => parser.destroy(e));
  bytes.pipe(decode).pipe(parser);

  async function* items(): AsyncGenerator<CsvItem> {
    let endLine = 0;
    for await (const r of parser as AsyncIterable<ParsedRecord>) {
      while (problems.length > 0) yield { kind: 'problem', ...problems.shift()! };
      const raw = r.raw.replace(/\n$/, '');
      const lines = raw.split('\n').length;
      yield { kind: 'record', line: r.info.lines - lines + 1 || endLine + 1, cells: r.record, raw };
      endLine = r.info.lines;
    }
    while (problems.length > 0) yield { kind: 'problem', ...problems.shift()! };
  }
  return { items: items(), encoding: () => decode.encoding };
}
