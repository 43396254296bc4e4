// The horizon scan as CSV: every contract of the scan in its order, streamed, safe to open in a spreadsheet.
import type { Readable } from 'node:stream';
import { horizonItemPath, horizonSupplierNames, type HorizonItem } from '../../analytics/horizon/index.js';
import { csvSafe, csvStream } from '../contracts/contracts-csv.js';

export const HORIZON_CSV_COLUMNS = [
  'ocid',
  'title',
  'buyer_id',
  'buyer',
  'suppliers',
  'value',
  'currency',
  'value_basis',
  'value_includes_vat',
  'contract_end',
  'max_extent',
  'horizon_date',
  'horizon_date_is',
  'headroom_months',
  'headroom_days',
  'has_renewal',
  'renewal_description',
  'has_options',
  'options_description',
  'value_band',
  'lead_time_months',
  'decision_due_by',
  'decision_overdue',
  'procurement_method',
  'procedure',
  'direct_award',
  'direct_award_reason',
  'tenderers',
  'cpv_main',
  'delivery_regions',
  'missions',
  'synthetic',
  'source',
  'register_reference',
  'url',
] as const;

const flag = (b: boolean | null): string => (b === null ? '' : b ? 'true' : 'false');

export function horizonCsvRow(i: HorizonItem, baseUrl: string): string[] {
  const path = horizonItemPath(i);
  return [
    csvSafe(i.ocid),
    csvSafe(i.title),
    i.buyer ? String(i.buyer.id) : '',
    csvSafe(i.buyer?.name),
    csvSafe(horizonSupplierNames(i).join('; ')),
    i.value?.amount ?? '',
    csvSafe(i.value?.currency),
    i.value?.basis ?? '',
    i.value ? flag(i.value.includesVat) : '',
    i.end ?? '',
    i.maxExtent ?? '',
    i.horizon.day,
    i.horizon.from,
    i.headroom ? String(i.headroom.months) : '',
    i.headroom ? String(i.headroom.days) : '',
    flag(i.renewal.hasRenewal),
    csvSafe(i.renewal.description),
    flag(i.options.hasOptions),
    csvSafe(i.options.description),
    i.leadTime.band,
    String(i.leadTime.months),
    i.decisionDueBy,
    flag(i.decisionOverdue),
    csvSafe(i.procedure.method),
    csvSafe(i.procedure.details),
    flag(i.procedure.directAward),
    csvSafe(i.procedure.reason),
    i.numberOfTenderers === null ? '' : String(i.numberOfTenderers),
    csvSafe(i.cpvMain),
    csvSafe(i.deliveryRegions.join(' ')),
    csvSafe(i.missions.map((m) => m.id).join(' ')),
    flag(i.synthetic),
    csvSafe(i.source.label),
    csvSafe(i.source.kind === 'register' ? i.source.reference : null),
    path === null ? '' : `${baseUrl}${path}`,
  ];
}

/** The scan as a CSV byte stream (UTF-8 with BOM). */
export function horizonCsvStream(items: AsyncIterable<HorizonItem>, baseUrl: string): Readable {
  return csvStream(items, HORIZON_CSV_COLUMNS, (i) => horizonCsvRow(i, baseUrl));
}
