// Social value roll-ups (docs/social-value.md "Roll-ups"): committed vs delivered vs verified per contract, buyer,
// region, mission, and in total (nationally when nothing is filtered). A roll-up row is one group and ONE metric
// id: quantities of different metrics are never added together, whatever their units, and a commitment whose
// recorded unit is not its metric's unit is set aside (reported, never added). Metrics whose unit is a share,
// ratio or average are counted, not summed. Pure: the facts come from query.ts, the metric catalogue from the
// caller.
import { compareDecimals, sumDecimals } from '../../domain/decimal.js';
import { isAdditive, sameUnit } from '../../domain/missions/social-value.js';

/** One commitment with its delivery reports already summed (query.ts). */
export interface CommitmentFact {
  commitmentId: number;
  ocid: string;
  title: string | null;
  buyerId: number | null;
  buyerName: string | null;
  /** ITL1 code of the buyer's region, or null when not known. */
  region: string | null;
  metricId: string;
  unit: string;
  target: string;
  /** Sum of reports not rejected (unverified + verified). */
  delivered: string;
  /** Sum of verified reports. */
  verified: string;
  reports: number;
  verifiedReports: number;
  rejectedReports: number;
}

export interface MetricInfo {
  id: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  outcomeId: string;
  /** The metric's mission: its outcome's mission in the catalogue. */
  missionId: string | null;
}

export const ROLL_UP_BY = ['total', 'region', 'mission', 'buyer', 'contract'] as const;
export type RollUpBy = (typeof ROLL_UP_BY)[number];

export interface RollUpRow {
  by: RollUpBy;
  /** The group's key: '' for the total (national, or of the filters), an ITL1 code or '' (not known), a mission id, a buyer id, an ocid. */
  groupKey: string;
  groupName: string;
  metricId: string;
  metricName: string;
  unit: string;
  direction: 'higher' | 'lower' | null;
  missionId: string | null;
  /** false: shares, ratios, averages — the three sums are null, the counts stand. */
  additive: boolean;
  contracts: number;
  commitments: number;
  committed: string | null;
  delivered: string | null;
  verified: string | null;
  reports: number;
  verifiedReports: number;
  rejectedReports: number;
}

export interface Excluded {
  commitmentId: number;
  ocid: string;
  metricId: string;
  reason: string;
}

export interface RollUp {
  rows: RollUpRow[];
  excluded: Excluded[];
}

function group(
  f: CommitmentFact,
  m: MetricInfo | undefined,
  by: RollUpBy,
  names: GroupNames,
): [string, string] {
  switch (by) {
    case 'total':
      return ['', 'Total'];
    case 'region':
      return f.region ? [f.region, names.region(f.region)] : ['', 'Region not known'];
    case 'mission': {
      const id = m?.missionId ?? '';
      return [id, id ? names.mission(id) : 'Mission not known'];
    }
    case 'buyer':
      return f.buyerId === null ? ['', 'Buyer not known'] : [String(f.buyerId), f.buyerName ?? ''];
    case 'contract':
      return [f.ocid, f.title ?? f.ocid];
  }
}

export interface GroupNames {
  region(code: string): string;
  mission(id: string): string;
}

const plain: GroupNames = { region: (c) => c, mission: (id) => id };

/**
 * Adds up commitments by group and metric id. Rows are ordered by group name, then metric id. A fact whose metric
 * is not in the catalogue, or whose unit differs from the metric's, is excluded with the reason.
 */
export function rollUp(
  facts: readonly CommitmentFact[],
  metrics: ReadonlyMap<string, MetricInfo>,
  by: RollUpBy,
  names: GroupNames = plain,
): RollUp {
  const excluded: Excluded[] = [];
  const acc = new Map<string, { row: RollUpRow; ocids: Set<string>; facts: CommitmentFact[] }>();
  for (const f of facts) {
    const m = metrics.get(f.metricId);
    if (!m) {
      excluded.push({ ...pick(f), reason: `metric ${f.metricId} is not in the catalogue` });
      continue;
    }
    if (!sameUnit(f.unit, m.unit)) {
      excluded.push({
        ...pick(f),
        reason: `recorded in “${f.unit}” but ${m.id} is measured in “${m.unit}”: not added up`,
      });
      continue;
    }
    const [groupKey, groupName] = group(f, m, by, names);
    const key = `${groupKey}\u0000${m.id}`;
    let a = acc.get(key);
    if (!a) {
      a = {
        row: {
          by,
          groupKey,
          groupName,
          metricId: m.id,
          metricName: m.name,
          unit: m.unit,
          direction: m.direction,
          missionId: m.missionId,
          additive: isAdditive(m),
          contracts: 0,
          commitments: 0,
          committed: null,
          delivered: null,
          verified: null,
          reports: 0,
          verifiedReports: 0,
          rejectedReports: 0,
        },
        ocids: new Set(),
        facts: [],
      };
      acc.set(key, a);
    }
    a.ocids.add(f.ocid);
    a.facts.push(f);
  }
  const rows = [...acc.values()].map(({ row, ocids, facts: fs }) => ({
    ...row,
    contracts: ocids.size,
    commitments: fs.length,
    committed: row.additive ? sumDecimals(fs.map((f) => f.target)) : null,
    delivered: row.additive ? sumDecimals(fs.map((f) => f.delivered)) : null,
    verified: row.additive ? sumDecimals(fs.map((f) => f.verified)) : null,
    reports: fs.reduce((n, f) => n + f.reports, 0),
    verifiedReports: fs.reduce((n, f) => n + f.verifiedReports, 0),
    rejectedReports: fs.reduce((n, f) => n + f.rejectedReports, 0),
  }));
  rows.sort(
    (a, b) =>
      a.groupName.localeCompare(b.groupName) ||
      a.groupKey.localeCompare(b.groupKey) ||
      a.metricId.localeCompare(b.metricId),
  );
  return { rows, excluded };
}

const pick = (f: CommitmentFact) => ({ commitmentId: f.commitmentId, ocid: f.ocid, metricId: f.metricId });

/** Delivered (or verified) as a whole percentage of committed, for additive rows with a positive commitment. */
export function shareOf(part: string | null, whole: string | null): number | null {
  if (part === null || whole === null || compareDecimals(whole, '0') <= 0) return null;
  return Math.round((Number(part) / Number(whole)) * 1000) / 10;
}
