// Paid money as CSV (docs/paid-money.md): each table of a profile in full (not one page) — suppliers, categories,
// periods, regions, and the off-contract list — each row with the slice it belongs to; text cells neutralised
// against spreadsheet formulas (shared/csv-table.ts). Unknown flags are empty cells, never "no".
import type { FlagShare } from '../../analytics/market/index.js';
import type { PaidTotal } from '../../analytics/paid/index.js';
import { csvTable, pounds, type CsvCell } from '../shared/csv-table.js';
import type { PaidProfile } from './paid.service.js';

export const PAID_CSV_TABLES = ['suppliers', 'categories', 'periods', 'regions', 'off-contract'] as const;
export type PaidCsvTable = (typeof PAID_CSV_TABLES)[number];

const SLICE = ['scope', 'from', 'to'] as const;

export const PAID_CSV_COLUMNS = [
  ...SLICE,
  'supplier_id',
  'supplier',
  'paid_gbp',
  'payments',
  'sme',
  'vcse',
  'region',
  'local',
] as const;

const share = (s: FlagShare): CsvCell[] => [
  s.byValue.share === null ? null : s.byValue.share.toFixed(4),
  pounds(s.byValue.numerator),
  pounds(s.byValue.denominator),
  pounds(s.unknownValue),
];
const shareColumns = (name: string) => [
  `${name}_share`,
  `${name}_paid_gbp`,
  `${name}_known_gbp`,
  `${name}_unknown_gbp`,
];

/** The header and rows of one table, each row led by the slice (scope label, from, to). */
function table(p: PaidProfile, which: PaidCsvTable): { columns: string[]; rows: CsvCell[][] } {
  const totals = (name: string, list: readonly PaidTotal[]) => ({
    columns: [...SLICE, name, 'paid_gbp', 'payments'],
    rows: list.map((t) => [t.label, pounds(t.amount), t.payments]),
  });
  const f = p.figures;
  switch (which) {
    case 'suppliers':
      return {
        columns: [...PAID_CSV_COLUMNS],
        rows: f.suppliers.map((s) => [
          s.supplierId,
          s.label,
          pounds(s.amount),
          s.payments,
          s.sme,
          s.vcse,
          s.region,
          s.local,
        ]),
      };
    case 'categories':
      return totals('category', f.byCategory);
    case 'regions':
      return totals('region', f.byRegion);
    case 'off-contract':
      return {
        columns: [...SLICE, 'supplier', 'paid_off_contract_gbp', 'payments'],
        rows: p.matching.topOffContract.map((t) => [t.label, pounds(t.amount), t.payments]),
      };
    case 'periods':
      return {
        columns: [
          ...SLICE,
          'period',
          'paid_gbp',
          'payments',
          ...shareColumns('sme'),
          ...shareColumns('vcse'),
          ...shareColumns('local'),
        ],
        rows: p.periods.map((x) => [
          x.period,
          pounds(x.amount),
          x.payments,
          ...share(x.sme),
          ...share(x.vcse),
          ...share(x.local),
        ]),
      };
  }
}

export function paidCsv(p: PaidProfile, which: PaidCsvTable = 'suppliers'): string {
  const { columns, rows } = table(p, which);
  return csvTable(
    columns,
    rows.map((r) => [p.scope.label, p.from, p.to, ...r]),
  );
}
