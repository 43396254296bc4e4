// The collaboration finder's matching rules and explanation (src/analytics/collaboration): pure functions.
import { describe, expect, it } from 'vitest';
import {
  anchorsOf,
  areaOf,
  decisionDue,
  dueInWindow,
  explainGroup,
  joinsGroup,
  marketsOf,
  neighbourhood,
  toCollaborationGroup,
  windowLast,
  type CollaborationGroupRow,
} from '../../../src/analytics/collaboration/index.js';
import { HORIZON_LEAD_TIMES } from '../../../src/domain/rules/index.js';

const policy = HORIZON_LEAD_TIMES.versions[0]!.value;

describe('markets', () => {
  it.each([
    [['85311000', '85312000'], 'group', ['853']],
    [['85311000', '85000000'], 'group', ['853']], // a division code is in no group
    [['85311000', '85100000'], 'group', ['851', '853']],
    [['85300000'], 'class', []], // a group code is in no class
    [['85311000', '45210000'], 'class', ['4521', '8531']],
    [['03000000', 'x'], 'group', []],
  ] as const)('%j at %s level → %j', (codes, level, expected) => {
    expect(marketsOf(codes, level)).toEqual(expected);
  });
});

describe('areas and groups', () => {
  it('reads the ITL1 regions of delivery and buyer regions at any level; whole-UK or none is national', () => {
    expect(areaOf(['UKE42', 'UKE', 'UKF1'])).toEqual(['UKE', 'UKF']);
    expect(areaOf(['UK'])).toEqual([]);
    expect(areaOf([])).toEqual([]);
    expect(areaOf(['UKZ'])).toEqual([]);
  });

  it('takes in the anchor and its land neighbours, and national contracts everywhere', () => {
    expect(neighbourhood('UKH')).toEqual(['UKF', 'UKH', 'UKI', 'UKJ']);
    expect(neighbourhood('national')).toEqual([]);
    expect(joinsGroup(['UKI'], 'UKH')).toBe(true);
    expect(joinsGroup(['UKE'], 'UKH')).toBe(false);
    expect(joinsGroup(['UKE', 'UKF'], 'UKH')).toBe(true);
    expect(joinsGroup([], 'UKN')).toBe(true);
    expect(joinsGroup(['UKN'], 'national')).toBe(false);
  });

  it('forms groups around every region a contract is in, and national when one has none', () => {
    expect(anchorsOf([['UKH'], ['UKE', 'UKF'], []])).toEqual(['UKE', 'UKF', 'UKH', 'national']);
  });
});

describe('decision due and the window', () => {
  it('uses the horizon scan: next end minus the lead time of the value band', () => {
    // £1m to under £10m: 12 months before the end.
    expect(decisionDue('2028-03-31', null, '1018044.14', '2026-12-06', policy)).toBe('2027-03-31');
    // Under £1m: 6 months. Unknown value: 18 months.
    expect(decisionDue('2028-03-31', null, '253478', '2026-12-06', policy)).toBe('2027-09-30');
    expect(decisionDue('2028-03-31', null, null, '2026-12-06', policy)).toBe('2026-09-30');
    // Past its end, in its extension period: the latest possible end counts.
    expect(decisionDue('2026-01-31', '2028-01-31', '10', '2026-12-06', policy)).toBe('2027-07-31');
    expect(decisionDue('2026-01-31', null, '10', '2026-12-06', policy)).toBeNull();
  });

  it('includes both ends of the window and leaves overdue decisions out', () => {
    const last = windowLast('2026-12-06', 12);
    expect(last).toBe('2027-12-06');
    expect(dueInWindow('2026-12-06', '2026-12-06', last)).toBe(true);
    expect(dueInWindow('2027-12-06', '2026-12-06', last)).toBe(true);
    expect(dueInWindow('2026-12-05', '2026-12-06', last)).toBe(false);
    expect(dueInWindow(null, '2026-12-06', last)).toBe(false);
  });
});

const row: CollaborationGroupRow = {
  market: '853',
  anchor: 'UKF',
  buyer_count: 3,
  contract_count: 3,
  value_gbp: '1271522.14',
  value_not_known: 1,
  first_due: '2027-03-31',
  last_due: '2027-09-30',
  areas: ['', 'UKF', 'UKH'],
  shared_count: 1,
  buyers: [
    { id: 9, name: 'Bedfordshire PCC', contracts: 1, value: '1018044.14', area: ['UKH'] },
    { id: 437, name: 'Nottinghamshire PCC', contracts: 1, value: '253478', area: ['UKF'] },
  ],
  contracts: [],
  shared: [{ id: 5, name: 'One YMCA', buyers: 2, contracts: 2 }],
  total: 1,
};

describe('a group as shown', () => {
  it('names the market, anchor and neighbours, and explains the match in plain words', () => {
    const g = toCollaborationGroup(row, 'group', (m) =>
      m === '853' ? 'Social work and related services' : null,
    );
    expect(g.id).toBe('853-UKF');
    expect(g.anchor.name).toBe('East Midlands');
    expect(g.anchor.neighbours.map((r) => r.code)).toEqual(['UKD', 'UKE', 'UKG', 'UKH', 'UKJ']);
    expect(g.explanation).toBe(
      '3 buyers have 3 let contracts in CPV group 853 (Social work and related services) whose decisions on what ' +
        'follows are due between 31 March 2027 and 30 September 2027. They are in East Midlands or a region next ' +
        'to it (North West, Yorkshire and The Humber, West Midlands, East of England and South East), or name no ' +
        'region: Bedfordshire PCC (East of England), Nottinghamshire PCC (East Midlands) and 1 other. Together ' +
        'they are worth £1,271,522 (1 contract of unknown value not counted). One YMCA (2 buyers) already ' +
        'supplies more than one of them.',
    );
  });

  it('explains a national group and a group without shared suppliers', () => {
    const text = explainGroup({
      ...toCollaborationGroup(
        { ...row, anchor: 'national', shared: [], shared_count: 0 },
        'class',
        () => null,
      ),
    });
    expect(text).toMatch(/None of these contracts names a region/);
    expect(text).toMatch(/CPV class 853 whose/);
    expect(text).toMatch(/No supplier holds contracts with more than one of them\.$/);
  });
});
