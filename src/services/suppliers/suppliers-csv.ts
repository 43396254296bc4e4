// The supplier list and the unresolved-payee review list as CSV (docs/suppliers.md): every row of the list's filter
// and order, not one page; text cells safe for spreadsheets (shared/csv-table.ts).
import type { SupplierSourceRow, SupplierSummary } from '../../store/supplier-read.repository.js';
import { csvTable } from '../shared/csv-table.js';

export function suppliersCsv(rows: readonly SupplierSummary[]): string {
  return csvTable(
    [
      'supplier_id',
      'name',
      'identifiers',
      'postcodes',
      'source_kinds',
      'sources',
      'ocds_organisations',
      'awards',
      'register_rows',
      'payments',
      'paid_gbp',
      'confidence',
    ],
    rows.map((s) => [
      s.id,
      s.name,
      s.identifiers.join('; '),
      s.postcodes.join('; '),
      s.kinds.join('; '),
      s.sourceCount,
      s.ocdsOrganisations,
      s.awards,
      s.registerRows,
      s.payments,
      s.paidAmount,
      s.confidence,
    ]),
  );
}

export function unresolvedCsv(rows: readonly SupplierSourceRow[]): string {
  return csvTable(
    ['source_key', 'payee', 'buyer_id', 'buyer', 'supplier_id', 'local_id', 'payments', 'paid_gbp', 'rule'],
    rows.map((r) => [
      r.key,
      r.name,
      r.buyerId,
      r.buyerName,
      r.supplierId,
      r.localId,
      r.rows,
      r.amount,
      r.rule,
    ]),
  );
}
