// The mission dashboard as CSV (docs/mission-dashboard.md, "CSV"): one row per figure group — each mission
// nationally (or for the filters), or one mission by region, every buyer and quarter — then, after a blank line,
// the KPI rating mix section and the social value section (one row per outcome / mission and metric id), each with
// its own header row. Safe to open in a spreadsheet. Shares are yes ÷ known by value; the value not known is its
// own column, never inside "no".
import { stringify } from 'csv-stringify/sync';
import type { MissionFigures } from '../../analytics/missions/index.js';
import type { DistributionRow } from '../../analytics/kpis/index.js';
import type { RollUpRow } from '../../analytics/social-value/index.js';
import { csvSafe } from '../contracts/contracts-csv.js';
import type { MissionDashboard, MissionsOverview } from './dashboard.service.js';

export const MISSION_CSV_COLUMNS = [
  'mission_id',
  'group_by',
  'group_key',
  'group_name',
  'award_value_gbp',
  'awards',
  'contracts',
  'awards_without_gbp_value',
  'sme_share',
  'sme_unknown_value',
  'vcse_share',
  'vcse_unknown_value',
  'local_share',
  'local_unknown_value',
] as const;

const ratio = (s: number | null) => (s === null ? '' : s.toFixed(4));

const row = (missionId: string, by: string, f: MissionFigures, name: string | null) => [
  csvSafe(missionId),
  by,
  csvSafe(f.key ?? ''),
  csvSafe(name ?? f.name ?? (f.key === null ? 'Not known' : f.key)),
  f.value,
  f.awards,
  f.contracts,
  f.noValueAwards,
  ratio(f.sme.share),
  f.sme.unknownValue.toFixed(2),
  ratio(f.vcse.share),
  f.vcse.unknownValue.toFixed(2),
  ratio(f.local.share),
  f.local.unknownValue.toFixed(2),
];

export const KPI_CSV_COLUMNS = [
  'section',
  'mission_id',
  'kpis',
  'rated_periods',
  'met',
  'slightly_below',
  'below',
  'significantly_below',
  'other',
  'no_rating_code',
] as const;

export const SOCIAL_VALUE_CSV_COLUMNS = [
  'section',
  'group_key',
  'group_name',
  'metric_id',
  'metric_name',
  'unit',
  'contracts',
  'commitments',
  'committed',
  'delivered',
  'verified',
] as const;

const kpiRow = (missionId: string, k: DistributionRow) => [
  'kpi_rating_mix',
  csvSafe(missionId),
  k.kpis,
  k.total,
  k.counts.met,
  k.counts.slightlyBelow,
  k.counts.below,
  k.counts.significantlyBelow,
  k.counts.other,
  k.counts.unknown,
];

/** Additive sums as decimals; shares, ratios and averages are counted, not summed: empty. */
const svRow = (groupKey: string, groupName: string, r: RollUpRow) => [
  'social_value',
  csvSafe(groupKey),
  csvSafe(groupName),
  csvSafe(r.metricId),
  csvSafe(r.metricName),
  csvSafe(r.unit),
  r.contracts,
  r.commitments,
  r.committed ?? '',
  r.delivered ?? '',
  r.verified ?? '',
];

const sections = (figures: unknown[][], kpis: unknown[][], sv: unknown[][]) =>
  stringify(
    [
      [...MISSION_CSV_COLUMNS],
      ...figures,
      [],
      [...KPI_CSV_COLUMNS],
      ...kpis,
      [],
      [...SOCIAL_VALUE_CSV_COLUMNS],
      ...sv,
    ],
    { bom: true, record_delimiter: 'windows' },
  );

/** All missions: figures, KPI rating mix per mission, social value per mission and metric (`socialValue`, by mission). */
export const overviewCsv = (o: MissionsOverview, socialValue: readonly RollUpRow[]): string =>
  sections(
    [
      ...o.missions.map((m) => row(m.id, 'mission', m.figures, m.name)),
      row('_any', 'mission', o.anyMission, 'Any mission (each award once)'),
      row('_none', 'mission', o.noMission, 'No mission mapped'),
    ],
    o.missions.map((m) => kpiRow(m.id, m.kpis)),
    socialValue.map((r) => svRow(r.groupKey, r.groupName, r)),
  );

/** One mission: total, every region, every buyer (read unpaged), every quarter; KPI mix; social value by outcome. */
export const missionCsv = (d: MissionDashboard): string =>
  sections(
    [
      row(d.mission.id, 'total', d.totals, d.mission.name),
      ...d.byRegion.map((f) => row(d.mission.id, 'region', f, null)),
      ...d.byBuyer.rows.map((f) => row(d.mission.id, 'buyer', f, null)),
      ...d.trend.map((f) => row(d.mission.id, 'quarter', f, null)),
    ],
    [kpiRow(d.mission.id, d.kpis)],
    d.socialValue.outcomes.flatMap((o) => o.rows.map((r) => svRow(o.outcomeId, o.outcomeName, r))),
  );
