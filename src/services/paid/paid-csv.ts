// Paid money as CSV: every supplier of a profile (not one page), with the slice it belongs to; text cells
// neutralised against spreadsheet formulas (contracts-csv.ts csvSafe). Unknown flags are empty cells, never "no".
import { stringify } from 'csv-stringify/sync';
import { csvSafe } from '../contracts/contracts-csv.js';
import type { PaidProfile } from './paid.service.js';

export const PAID_CSV_COLUMNS = [
  'scope',
  'from',
  'to',
  'supplier_id',
  'supplier',
  'paid_gbp',
  'payments',
  'sme',
  'vcse',
  'region',
  'local',
] as const;

const flag = (b: boolean | null) => (b === null ? '' : String(b));

export function paidCsv(p: PaidProfile): string {
  return stringify(
    p.figures.suppliers.map((s) => [
      csvSafe(p.scope.label),
      p.from,
      p.to,
      s.supplierId === null ? '' : String(s.supplierId),
      csvSafe(s.label),
      s.amount.toFixed(2),
      String(s.payments),
      flag(s.sme),
      flag(s.vcse),
      s.region ?? '',
      flag(s.local),
    ]),
    { header: true, columns: [...PAID_CSV_COLUMNS], bom: true },
  );
}
