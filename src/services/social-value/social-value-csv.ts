// A social value roll-up as CSV: one row per group and metric id (docs/social-value.md), safe to open in a
// spreadsheet. Sums are empty for metrics that are not added up (shares, ratios, averages).
import { stringify } from 'csv-stringify/sync';
import { csvSafe } from '../contracts/contracts-csv.js';
import type { RollUpResult } from './social-value.service.js';

export const SOCIAL_VALUE_CSV_COLUMNS = [
  'group_by',
  'group_key',
  'group_name',
  'metric_id',
  'metric_name',
  'unit',
  'direction',
  'mission_id',
  'added_up',
  'contracts',
  'commitments',
  'committed',
  'delivered',
  'verified',
  'reports',
  'verified_reports',
  'rejected_reports',
] as const;

export function socialValueCsv(r: RollUpResult): string {
  const rows = r.rows.map((x) => [
    x.by,
    csvSafe(x.groupKey),
    csvSafe(x.groupName),
    csvSafe(x.metricId),
    csvSafe(x.metricName),
    csvSafe(x.unit),
    x.direction ?? '',
    x.missionId ?? '',
    x.additive ? 'yes' : 'no',
    x.contracts,
    x.commitments,
    x.committed ?? '',
    x.delivered ?? '',
    x.verified ?? '',
    x.reports,
    x.verifiedReports,
    x.rejectedReports,
  ]);
  return stringify([[...SOCIAL_VALUE_CSV_COLUMNS], ...rows], { bom: true, record_delimiter: 'windows' });
}
