// The data-quality league table as CSV: every row of the filtered, sorted table (not one page), with the address
// of each scorecard; text cells neutralised against spreadsheet formulas (contracts-csv.ts csvSafe).
import { stringify } from 'csv-stringify/sync';
import { csvSafe } from './contracts/contracts-csv.js';
import type { LeagueRow } from './quality.service.js';

export const LEAGUE_CSV_COLUMNS = [
  'rank',
  'organisation_id',
  'organisation',
  'buyer_type',
  'score',
  'failures',
  'not_computable',
  'checks_scored',
  'as_of',
  'scorecard_url',
] as const;

const num = (n: number | null): string => (n === null ? '' : String(n));

/** UTF-8 with a byte-order mark, so spreadsheets read names with accents correctly. */
export function leagueCsv(rows: readonly LeagueRow[], asOf: string, baseUrl: string): string {
  return stringify(
    rows.map((r) => [
      num(r.rank),
      String(r.id),
      csvSafe(r.name),
      csvSafe(r.buyerType),
      num(r.score),
      String(r.failures),
      String(r.notComputable),
      String(r.checksScored),
      asOf,
      `${baseUrl}/organisations/${r.id}/quality`,
    ]),
    { header: true, columns: [...LEAGUE_CSV_COLUMNS], bom: true },
  );
}
