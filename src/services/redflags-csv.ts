// A buyer's or record's red-flag results as CSV, and the national list's (with the buyer and whether its results are
// stale): one row per result, safe to open in a spreadsheet.
import { stringify } from 'csv-stringify/sync';
import type { FlagResult } from '../analytics/redflags/index.js';
import { csvSafe } from './contracts/contracts-csv.js';
import type { NationalFlagsAnswer } from './redflags-national.js';
import type { FlagsReport } from './redflags.service.js';

export const FLAGS_CSV_COLUMNS = [
  'flag',
  'status',
  'ocid',
  'record_url',
  'subject',
  'detail',
  'missing',
  'evidence',
  'rules',
  'configurable_defaults',
] as const;

const resultCells = (r: FlagResult, baseUrl: string) => [
  r.flagId,
  r.status === 'not-applicable' ? (r.reason ?? 'not-applicable') : r.status,
  csvSafe(r.ocid),
  r.ocid === null ? '' : `${baseUrl}/contracts/${encodeURIComponent(r.ocid)}`,
  csvSafe(r.subject),
  csvSafe(r.detail),
  csvSafe((r.missing ?? []).join('; ')),
  csvSafe(r.evidence.map((e) => `${e.label}: ${e.value}`).join('; ')),
  r.rules.map((u) => `${u.id}=${u.value}`).join('; '),
  r.rules.some((u) => u.configurableDefault) ? 'yes' : 'no',
];

const csv = (rows: unknown[][]) => stringify(rows, { bom: true, record_delimiter: 'windows' });

export function flagsCsv(report: FlagsReport, baseUrl: string): string {
  return csv([[...FLAGS_CSV_COLUMNS], ...report.items.map((r) => resultCells(r, baseUrl))]);
}

export const NATIONAL_FLAGS_CSV_COLUMNS = ['buyer_id', 'buyer', 'stale', ...FLAGS_CSV_COLUMNS] as const;

export function nationalFlagsCsv(answer: NationalFlagsAnswer, baseUrl: string): string {
  return csv([
    [...NATIONAL_FLAGS_CSV_COLUMNS],
    ...answer.items.map((i) => [
      i.buyer.id,
      csvSafe(i.buyer.name),
      i.stale ? 'yes' : 'no',
      ...resultCells(i, baseUrl),
    ]),
  ]);
}
