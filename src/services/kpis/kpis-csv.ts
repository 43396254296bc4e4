// KPIs with their rating status as CSV (docs/kpis.md): one row per KPI, its source, schedule, status and ratings
// counted by code; safe to open in a spreadsheet.
import { stringify } from 'csv-stringify/sync';
import { countRatings, RATING_CODES } from '../../domain/kpi-rating.js';
import type { KpiWithStatus } from '../../analytics/kpis/index.js';
import { csvSafe } from '../contracts/contracts-csv.js';

export const KPI_CSV_COLUMNS = [
  'ocid',
  'performance_url',
  'contract',
  'buyer_id',
  'buyer',
  'cpv_main',
  'kpi',
  'source',
  'target',
  'interval_months',
  'contract_start',
  'contract_end',
  'last_rated',
  'next_due',
  'final_due',
  'overdue',
  'latest_rating',
  ...RATING_CODES.map((c) => `ratings_${c}`),
  'ratings_no_code',
] as const;

export function kpisCsv(kpis: readonly KpiWithStatus[], baseUrl: string): string {
  const rows = kpis.map((k) => {
    const counts = countRatings(k.ratings.map((r) => r.rating));
    return [
      csvSafe(k.ocid),
      `${baseUrl}/contracts/${encodeURIComponent(k.ocid)}/performance`,
      csvSafe(k.contractTitle),
      k.buyerId ?? '',
      csvSafe(k.buyerName),
      k.cpvMain ?? '',
      csvSafe(k.title),
      k.source === 'data' ? `data (${k.stages.join('; ')})` : 'entered',
      csvSafe(k.target),
      k.schedule.intervalMonths,
      k.start ?? '',
      k.end ?? '',
      k.status.lastRated ?? '',
      k.status.nextDue ?? '',
      k.status.finalDue ?? '',
      k.status.overdue.join('; '),
      k.ratings.at(-1)?.rating ?? '',
      ...RATING_CODES.map((c) => counts[c]),
      counts.unknown,
    ];
  });
  return stringify([[...KPI_CSV_COLUMNS], ...rows], { bom: true, record_delimiter: 'windows' });
}
