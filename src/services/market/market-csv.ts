// The suppliers of a market profile as CSV (every supplier, not one page), with the market it belongs to; text
// cells neutralised against spreadsheet formulas (contracts-csv.ts csvSafe).
import { stringify } from 'csv-stringify/sync';
import { csvSafe } from '../contracts/contracts-csv.js';
import type { MarketProfile } from './market.service.js';

export const MARKET_CSV_COLUMNS = [
  'market',
  'from',
  'to',
  'supplier_id',
  'supplier',
  'value_gbp',
  'share',
  'awards',
  'scale',
  'vcse',
  'new_entrant',
] as const;

/** UTF-8 with a byte-order mark; unknown scale and VCSE are empty cells, never "no". */
export function marketCsv(p: MarketProfile): string {
  return stringify(
    p.figures.suppliers.map((s) => [
      csvSafe(p.scope.label),
      p.from,
      p.to,
      String(s.id),
      csvSafe(s.name),
      s.value.toFixed(2),
      s.share === null ? '' : s.share.toFixed(6),
      String(s.awards),
      s.scale ?? '',
      s.vcse === null ? '' : String(s.vcse),
      String(s.newEntrant),
    ]),
    { header: true, columns: [...MARKET_CSV_COLUMNS], bom: true },
  );
}
