// Paid-money figures and contract matching (src/analytics/paid): hand-made rows, every expected figure worked out
// by hand in the comments. The shares on real spend files are checked in test/services/paid.db.test.ts.
import { describe, expect, it } from 'vitest';
import { categoryCode } from '../../../src/domain/category-code.js';
import {
  buildPostcodeRegions,
  matchContracts,
  paidByPeriod,
  paidFigures,
  periodOf,
  regionOfPostcodes,
  type MatchContract,
  type PaidRow,
  type SupplierFacts,
} from '../../../src/analytics/paid/index.js';

const row = (p: Partial<PaidRow> & Pick<PaidRow, 'day' | 'amount'>): PaidRow => ({
  buyerId: 1,
  credits: Math.min(0, p.amount),
  payments: 1,
  supplierId: null,
  payee: 'Payee',
  expenseType: null,
  serviceArea: null,
  category: null,
  // As findPaidRows: a CPV code published as the category is the payment's category code.
  categoryCode: categoryCode('cpv', p.category ?? null),
  ...p,
});

const facts = new Map<number, SupplierFacts>([
  [10, { id: 10, name: 'Small Local', sme: true, vcse: false, region: 'UKD34' }],
  [20, { id: 20, name: 'Big Far', sme: false, vcse: null, region: 'UKI31' }],
  [30, { id: 30, name: 'Unknown Co', sme: null, vcse: true, region: null }],
]);
const buyers = new Map<number, string | null>([[1, 'UKD33']]);

describe('paid figures', () => {
  const rows = [
    row({ day: '2022-06-01', amount: 1000, supplierId: 10, payee: 'Small Local Ltd', expenseType: 'Fees' }),
    row({ day: '2022-06-10', amount: -200, supplierId: 10, payee: 'Small Local Ltd', expenseType: 'Fees' }),
    row({ day: '2022-06-15', amount: 3000, supplierId: 20, payee: 'Big Far plc' }),
    row({ day: '2022-07-01', amount: 500, supplierId: 30, payee: 'Unknown Co' }),
    row({ day: '2022-07-02', amount: 100, payee: 'Redacted' }),
  ];
  const f = paidFigures(rows, facts, buyers, 1);

  it('nets credits off and keeps unresolved payees by name', () => {
    expect(f.amount).toBe(4400);
    expect(f.credits).toEqual({ amount: -200, rows: 1 });
    expect(f.unresolvedAmount).toBe(100);
    expect(f.suppliers.map((s) => [s.label, s.amount])).toEqual([
      ['Big Far', 3000],
      ['Small Local', 800],
      ['Unknown Co', 500],
      ['Redacted', 100],
    ]);
    expect(f.byExpenseType).toEqual([
      { key: 'not given', label: 'not given', amount: 3600, payments: 3 },
      { key: 'Fees', label: 'Fees', amount: 800, payments: 2 },
    ]);
  });

  it('counts unknown apart, never as no', () => {
    // SME: known 800 (yes) + 3000 (no); unknown 500 + 100.
    expect(f.sme.byValue).toEqual({ share: 800 / 3800, numerator: 800, denominator: 3800 });
    expect(f.sme.unknownValue).toBe(600);
    // VCSE: yes 500, no 800; unknown 3000 + 100.
    expect(f.vcse.byValue.share).toBe(500 / 1300);
    expect(f.vcse.unknownValue).toBe(3100);
    // Local at ITL1 (buyer UKD): UKD34 local, UKI31 not; the rest unknown.
    expect(f.local.byValue).toEqual({ share: 800 / 3800, numerator: 800, denominator: 3800 });
    expect(f.byRegion.map((r) => [r.key, r.amount])).toEqual([
      ['UKI', 3000],
      ['UKD', 800],
      ['unknown', 600],
    ]);
  });

  it('groups by month, quarter and financial year', () => {
    expect(periodOf('2022-03-31', 'fy')).toBe('FY2021-22');
    expect(periodOf('2022-04-01', 'fy')).toBe('FY2022-23');
    expect(periodOf('2022-06-30', 'quarter')).toBe('2022-Q2');
    expect(periodOf('2022-07-01', 'quarter')).toBe('2022-Q3');
    const months = paidByPeriod(rows, 'month', facts, buyers, 1);
    expect(months.map((m) => [m.period, m.amount])).toEqual([
      ['2022-06', 3800],
      ['2022-07', 600],
    ]);
    expect(months[1]!.sme.byValue.share).toBeNull(); // nothing known in July
  });

  it('judges local only when the buyer region is known', () => {
    const g = paidFigures(rows, facts, new Map([[1, null]]), 1);
    expect(g.local.byValue.denominator).toBe(0);
    expect(g.local.unknownValue).toBe(4400);
  });
});

describe('contract matching', () => {
  const contract = (p: Partial<MatchContract>): MatchContract => ({
    source: 'register',
    id: 'c1',
    title: 'Cleaning',
    buyerId: 1,
    supplierId: 10,
    start: '2022-04-01',
    end: '2022-06-30',
    category: null,
    ...p,
  });
  const rows = [
    row({ day: '2022-05-01', amount: 100, supplierId: 10 }), // inside c1
    row({ day: '2022-07-20', amount: 50, supplierId: 10 }), // 20 days after c1: inside the 31-day slack
    row({ day: '2022-09-01', amount: 70, supplierId: 10, payee: 'Small' }), // outside
    row({ day: '2022-05-01', amount: 30, supplierId: 20, payee: 'Big' }), // other supplier
    row({ day: '2022-05-01', amount: 9, payee: 'Redacted' }), // unresolved
    row({ day: '2022-05-01', amount: 40, supplierId: 10, category: '45000000' }), // CPV division clash with c2
  ];
  const contracts = [
    contract({}),
    contract({
      id: 'c2',
      source: 'ocds',
      category: { scheme: 'cpv', code: '90910000' },
      start: '2022-04-15',
    }),
  ];

  it('matches by supplier, widened period and CPV division when both have one', () => {
    const m = matchContracts(rows, contracts, 31);
    // 100 → c2 (both strict; c2 starts later), 50 → c1 or c2 in slack (c2, later start), 40: c1 (no CPV) not c2.
    expect(m.onContract).toEqual({ amount: 190, payments: 3 });
    expect(m.offContract).toEqual({ amount: 100, payments: 2 });
    expect(m.unresolved).toEqual({ amount: 9, payments: 1 });
    expect(m.contracts.map((c) => [c.key, c.amount])).toEqual([
      ['ocds:c2', 150],
      ['register:c1', 40],
    ]);
    expect(m.topOffContract.map((s) => [s.label, s.amount])).toEqual([
      ['Small', 70],
      ['Big', 30],
    ]);
  });

  it('without slack, only days inside the period match', () => {
    expect(matchContracts(rows, contracts, 0).onContract.amount).toBe(140);
  });
});

describe('postcode regions derived from organisations', () => {
  const lookup = buildPostcodeRegions(
    [
      { postcode: 'M50 3UB', region: 'UKD34' },
      { postcode: 'M1 4HD', region: 'UKD33' },
      { postcode: 'SY1 1AA', region: 'UKG22' },
      { postcode: 'SY23 3AA', region: 'UKL14' },
    ],
    1,
  );
  it('uses the district, else the area, and never a disputed one', () => {
    expect(regionOfPostcodes(lookup, ['M3 1AB'])).toBe('UKD'); // area M, every organisation in UKD
    expect(regionOfPostcodes(lookup, ['SY1 2ZZ'])).toBe('UKG'); // district SY1
    expect(regionOfPostcodes(lookup, ['SY5 9XX'])).toBeNull(); // area SY disputed (UKG, UKL)
    expect(regionOfPostcodes(lookup, ['M3 1AB', 'SY1 2ZZ'])).toBeNull(); // postcodes disagree
    expect(regionOfPostcodes(lookup, [])).toBeNull();
  });
});
