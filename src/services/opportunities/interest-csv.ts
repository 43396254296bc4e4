// The interest registered in one opportunity as CSV for its publisher: one row per registration, oldest first,
// text cells made safe for spreadsheets (contracts-csv.ts csvSafe), with a byte-order mark so Excel reads UTF-8.
import { stringify } from 'csv-stringify/sync';
import type { InterestRecord } from '../../store/opportunity.repository.js';
import { csvSafe } from '../contracts/contracts-csv.js';

export const INTEREST_CSV_COLUMNS = [
  'registered_at',
  'name',
  'organisation',
  'email',
  'companies_house_number',
  'ppon',
  'sme',
  'vcse',
  'message',
] as const;

export function interestCsv(items: readonly InterestRecord[]): string {
  const rows = items.map((i) => [
    i.createdAt.toISOString(),
    csvSafe(i.name),
    csvSafe(i.supplierOrganisation),
    csvSafe(i.email),
    i.companiesHouse ?? '',
    i.ppon ?? '',
    i.sme ? 'yes' : 'no',
    i.vcse ? 'yes' : 'no',
    csvSafe(i.message),
  ]);
  return `\uFEFF${stringify([[...INTEREST_CSV_COLUMNS], ...rows], { record_delimiter: '\r\n' })}`;
}
