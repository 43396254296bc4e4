// The social value roll-up on hand-made facts: the golden figures below were added up by hand, per metric id,
// in the comments beside them. The point of the test: quantities of different metric ids are never added together
// (not even when their units are the same word), a unit that is not the metric's is set aside, and shares are
// counted, never summed. Derived fixture: ids and figures invented for the test, metric ids shaped like the
// catalogue's (national ids from data/reference/missions/national-standard.json).
import { describe, expect, it } from 'vitest';
import {
  rollUp,
  shareOf,
  type CommitmentFact,
  type MetricInfo,
} from '../../../src/analytics/social-value/index.js';

const metric = (id: string, unit: string, missionId: string, name = id): MetricInfo => ({
  id,
  name,
  unit,
  direction: 'higher',
  outcomeId: `outcome-of-${id}`,
  missionId,
});

const WEEKS = 'region.UKE.apprentice-weeks';
const HOURS = 'org.1.volunteer-hours';
const TRAINING = 'org.2.training-hours';
const SME = 'ppn001.sme-direct-spend-share';
const METRICS = new Map(
  [
    metric(WEEKS, 'weeks', 'growth'),
    metric(HOURS, 'hours', 'opportunity'),
    metric(TRAINING, 'hours', 'growth'),
    metric(SME, 'percent of value', 'growth', 'Direct spend with SMEs'),
  ].map((m) => [m.id, m]),
);

let next = 1;
function fact(
  ocid: string,
  buyerId: number,
  region: string | null,
  metricId: string,
  unit: string,
  target: string,
  delivered: string,
  verified: string,
): CommitmentFact {
  return {
    commitmentId: next++,
    ocid,
    title: `Contract ${ocid}`,
    buyerId,
    buyerName: `Buyer ${buyerId}`,
    region,
    metricId,
    unit,
    target,
    delivered,
    verified,
    reports: delivered === '0' ? 0 : 1,
    verifiedReports: verified === '0' ? 0 : 1,
    rejectedReports: 0,
  };
}

const FACTS = [
  fact('X', 1, 'UKE', WEEKS, 'weeks', '10', '4', '3'),
  fact('Y', 2, 'UKE', WEEKS, 'Weeks ', '5.5', '2.25', '0'),
  fact('X', 1, 'UKE', HOURS, 'hours', '100', '40', '40'),
  fact('Y', 2, 'UKE', TRAINING, 'hours', '7', '0', '0'),
  fact('Z', 3, 'UKF', SME, 'percent of value', '30', '25', '25'),
  fact('W', 3, 'UKF', SME, 'percent of value', '20', '10', '0'),
  fact('Y', 2, 'UKE', WEEKS, 'days', '99', '99', '99'),
  fact('Y', 2, 'UKE', 'org.9.unknown', 'hours', '1000', '0', '0'),
];

const figures = (r: { committed: string | null; delivered: string | null; verified: string | null }) => [
  r.committed,
  r.delivered,
  r.verified,
];

describe('social value roll-up', () => {
  it('adds up each metric id on its own, in total', () => {
    const { rows, excluded } = rollUp(FACTS, METRICS, 'total');
    expect(rows.map((r) => r.metricId)).toEqual([HOURS, TRAINING, SME, WEEKS]);
    const by = new Map(rows.map((r) => [r.metricId, r]));
    // weeks: 10 + 5.5 = 15.5 committed; 4 + 2.25 = 6.25 delivered; 3 + 0 = 3 verified; contracts X and Y.
    expect(figures(by.get(WEEKS)!)).toEqual(['15.5', '6.25', '3']);
    expect(by.get(WEEKS)).toMatchObject({ contracts: 2, commitments: 2, unit: 'weeks', additive: true });
    // volunteer hours (contract X) and training hours (contract Y) share the unit "hours" but not the metric:
    // 100 and 7, never 107.
    expect(figures(by.get(HOURS)!)).toEqual(['100', '40', '40']);
    expect(figures(by.get(TRAINING)!)).toEqual(['7', '0', '0']);
    expect(rows.some((r) => r.committed === '107' || r.committed === '115.5')).toBe(false);
    // shares are counted (2 commitments, 2 contracts), never summed: 30% + 20% is not 50% of anything.
    expect(by.get(SME)).toMatchObject({ additive: false, commitments: 2, contracts: 2, reports: 2 });
    expect(figures(by.get(SME)!)).toEqual([null, null, null]);
    // the commitment recorded in days against a metric in weeks, and the unknown metric, are set aside.
    expect(excluded.map((e) => [e.metricId, e.reason])).toEqual([
      [WEEKS, 'recorded in “days” but region.UKE.apprentice-weeks is measured in “weeks”: not added up'],
      ['org.9.unknown', 'metric org.9.unknown is not in the catalogue'],
    ]);
  });

  it('groups by region, buyer, contract and mission, still one row per metric id', () => {
    const region = rollUp(FACTS, METRICS, 'region', { region: (c) => `Region ${c}`, mission: (m) => m });
    expect(region.rows.map((r) => [r.groupKey, r.metricId, r.committed])).toEqual([
      ['UKE', HOURS, '100'],
      ['UKE', TRAINING, '7'],
      ['UKE', WEEKS, '15.5'],
      ['UKF', SME, null],
    ]);
    expect(region.rows[0]!.groupName).toBe('Region UKE');

    const buyer = rollUp(FACTS, METRICS, 'buyer');
    // buyer 1: weeks 10 (X), hours 100 (X); buyer 2: training 7, weeks 5.5 (Y); buyer 3: the SME share.
    expect(buyer.rows.map((r) => [r.groupKey, r.metricId, r.committed, r.delivered])).toEqual([
      ['1', HOURS, '100', '40'],
      ['1', WEEKS, '10', '4'],
      ['2', TRAINING, '7', '0'],
      ['2', WEEKS, '5.5', '2.25'],
      ['3', SME, null, null],
    ]);

    const contract = rollUp(FACTS, METRICS, 'contract');
    expect(contract.rows.filter((r) => r.groupKey === 'X').map((r) => [r.metricId, r.verified])).toEqual([
      [HOURS, '40'],
      [WEEKS, '3'],
    ]);

    const mission = rollUp(FACTS, METRICS, 'mission', { region: (c) => c, mission: (m) => `Mission ${m}` });
    // growth holds weeks, training hours and the SME share: three rows, not one sum.
    expect(mission.rows.map((r) => [r.groupKey, r.metricId, r.committed])).toEqual([
      ['growth', TRAINING, '7'],
      ['growth', SME, null],
      ['growth', WEEKS, '15.5'],
      ['opportunity', HOURS, '100'],
    ]);
  });

  it('gives delivered as a share of committed only where both are sums', () => {
    expect(shareOf('6.25', '15.5')).toBe(40.3); // 6.25 / 15.5 = 0.40322…
    expect(shareOf('3', '0')).toBeNull();
    expect(shareOf(null, null)).toBeNull();
  });
});
