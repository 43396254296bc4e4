// A buyer's or record's red-flag results as CSV (one row per result, safe to open in a spreadsheet).
import { stringify } from 'csv-stringify/sync';
import { csvSafe } from './contracts/contracts-csv.js';
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

export function flagsCsv(report: FlagsReport, baseUrl: string): string {
  const rows = report.items.map((r) => [
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
  ]);
  return stringify([[...FLAGS_CSV_COLUMNS], ...rows], { bom: true, record_delimiter: 'windows' });
}
