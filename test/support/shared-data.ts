// Real local-data files for the import tests: the copies in test/fixtures (uk-more/, with SOURCES.md), or the
// workspace's full set when MISSIONBUY_SHARED_DATA points at it (e.g. ../shared/data).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { repoRoot } from '../../src/paths.js';

export const sharedDataRoot = process.env.MISSIONBUY_SHARED_DATA ?? resolve(repoRoot, 'test', 'fixtures');

/** A path under the shared data; a missing file fails the test that needs it with a clear message. */
export function sharedDataPath(...parts: string[]): string {
  const p = join(sharedDataRoot, ...parts);
  if (!existsSync(p)) throw new Error(`shared data not found: ${p} (set MISSIONBUY_SHARED_DATA)`);
  return p;
}

/**
 * Counts a payments/register CSV's data rows independently of the importer: gunzip, UTF-8 or else Windows-1252,
 * CR/CRLF → LF, csv-parse; rows that are not blank and are not header rows (a header row has no cell that is a
 * number, and a cell naming a date).
 */
const NUMBER = /^[\s(£-]*\d[\d,.\s]*\)?-?$/;

export function countDataRows(path: string): number {
  let bytes = readFileSync(path);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const records = parse(text, {
    relax_quotes: true,
    relax_column_count: true,
    record_delimiter: '\n',
  }) as string[][];
  return records.filter((cells) => {
    if (cells.every((c) => c.trim() === '')) return false;
    const header = !cells.some((c) => NUMBER.test(c)) && cells.some((c) => /date/i.test(c));
    return !header;
  }).length;
}
