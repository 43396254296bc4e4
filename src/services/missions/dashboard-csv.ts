// The mission dashboard as CSV (docs/mission-dashboard.md, "CSV"): one row per figure group — each mission
// nationally (or for the filters), or one mission by region, buyer and quarter — safe to open in a spreadsheet.
// Shares are yes ÷ known by value; the value not known is its own column, never inside "no".
import { stringify } from 'csv-stringify/sync';
import type { MissionFigures } from '../../analytics/missions/index.js';
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

export const overviewCsv = (o: MissionsOverview): string =>
  stringify(
    [
      [...MISSION_CSV_COLUMNS],
      ...o.missions.map((m) => row(m.id, 'mission', m.figures, m.name)),
      row('_any', 'mission', o.anyMission, 'Any mission (each award once)'),
      row('_none', 'mission', o.noMission, 'No mission mapped'),
    ],
    { bom: true, record_delimiter: 'windows' },
  );

export const missionCsv = (d: MissionDashboard): string =>
  stringify(
    [
      [...MISSION_CSV_COLUMNS],
      row(d.mission.id, 'total', d.totals, d.mission.name),
      ...d.byRegion.map((f) => row(d.mission.id, 'region', f, null)),
      ...d.byBuyer.rows.map((f) => row(d.mission.id, 'buyer', f, null)),
      ...d.trend.map((f) => row(d.mission.id, 'quarter', f, null)),
    ],
    { bom: true, record_delimiter: 'windows' },
  );
