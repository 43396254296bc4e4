// The market figures' formulas (docs/market-analytics.md) on small hand-made rows: HHI and its band boundaries,
// CR1/CR3, SME/VCSE/local shares with unknown kept apart, new entrants, single-bid rate and direct-award share.
import { describe, expect, it } from 'vitest';
import {
  concentrationRatio,
  flagShare,
  hhi,
  isLocal,
  marketFigures,
  type MarketRow,
} from '../../../src/analytics/market/index.js';
import {
  HHI_BAND_SETS,
  MARKET_POLICY,
  hhiBand,
  marketPolicyOn,
  ruleProblems,
} from '../../../src/domain/rules/index.js';

const policy = marketPolicyOn('2025-01-01').value;

const row = (over: Partial<MarketRow>): MarketRow => ({
  ocid: 'ocds-x-1',
  awardId: '1',
  awardDay: '2024-06-01',
  value: '100',
  currency: 'GBP',
  supplierCount: 1,
  supplierId: 1,
  supplierName: 'A',
  scale: null,
  vcse: null,
  supplierRegion: null,
  buyerId: 9,
  buyerRegion: 'UKE42',
  deliveryRegions: [],
  procurementMethod: 'open',
  procurementMethodDetails: null,
  noticeTypes: [],
  numberOfTenderers: null,
  ...over,
});

describe('HHI and concentration ratios', () => {
  it('is 10,000 for a monopoly and Σ(100·s)² otherwise', () => {
    expect(hhi([5])).toBe(10_000);
    expect(hhi([50, 50])).toBeCloseTo(5000, 9);
    // shares 60/30/10 → 3600 + 900 + 100
    expect(hhi([600, 300, 100])).toBeCloseTo(4600, 9);
    expect(hhi([])).toBeNull();
    expect(hhi([0, 0])).toBeNull();
  });

  it('CR1 and CR3 are the shares of the largest one and three', () => {
    expect(concentrationRatio([100, 600, 50, 250], 1)).toBeCloseTo(0.6, 12);
    expect(concentrationRatio([100, 600, 50, 250], 3)).toBeCloseTo(0.95, 12);
    expect(concentrationRatio([10], 3)).toBe(1);
    expect(concentrationRatio([], 1)).toBeNull();
  });

  it('puts an HHI in its band at the exact boundaries of each named band set', () => {
    const us23 = HHI_BAND_SETS['us-2023']!;
    expect(hhiBand(1800, us23)?.label).toBe('not highly concentrated');
    expect(hhiBand(1800.01, us23)?.label).toBe('highly concentrated');
    const us10 = HHI_BAND_SETS['us-2010']!;
    expect(hhiBand(1499.99, us10)?.label).toBe('unconcentrated');
    expect(hhiBand(1500, us10)?.label).toBe('moderately concentrated');
    expect(hhiBand(2500, us10)?.label).toBe('moderately concentrated');
    expect(hhiBand(2500.01, us10)?.label).toBe('highly concentrated');
    const cma = HHI_BAND_SETS['cma-2010']!;
    expect(hhiBand(1000, cma)?.label).toBe('not concentrated');
    expect(hhiBand(1001, cma)?.label).toBe('concentrated');
    expect(hhiBand(2000, cma)?.label).toBe('concentrated');
    expect(hhiBand(2000.5, cma)?.label).toBe('highly concentrated');
    expect(hhiBand(null, us23)).toBeNull();
  });

  it('uses the US 2023 set by default, marked as a configurable default', () => {
    expect(policy.hhi.name).toBe('US 2023 Merger Guidelines');
    expect(policy.newEntrantLookbackYears).toBe(3);
    expect(MARKET_POLICY.versions[0]!.configurableDefault).toBe(true);
    expect(ruleProblems('market', MARKET_POLICY)).toEqual([]);
    expect(() => marketPolicyOn('1999-12-31')).toThrow(
      /no market analytics policy is in force on 1999-12-31/,
    );
  });
});

describe('flag shares keep unknown apart', () => {
  it('divides known-yes by known, never counting unknown as no', () => {
    const f = flagShare([
      { value: 300, flag: true },
      { value: 100, flag: false },
      { value: 600, flag: null },
    ]);
    expect(f.byValue).toEqual({ share: 0.75, numerator: 300, denominator: 400 });
    expect(f.byCount).toEqual({ share: 0.5, numerator: 1, denominator: 2 });
    expect(f.unknownValue).toBe(600);
    expect(f.unknownCount).toBe(1);
    expect(f.unknownValueShare).toBeCloseTo(0.6, 12);
  });

  it('is not computable (null, not 0) when nothing is known', () => {
    const f = flagShare([{ value: 100, flag: null }]);
    expect(f.byValue.share).toBeNull();
    expect(f.byCount.share).toBeNull();
    expect(f.unknownValueShare).toBe(1);
  });
});

describe('local', () => {
  it('compares at the ITL level with the buyer or any place of performance', () => {
    expect(isLocal('UKE42', 'UKE11', [], 1)).toBe(true);
    expect(isLocal('UKE42', 'UKE11', [], 2)).toBe(false);
    expect(isLocal('UKC21', 'UKE11', ['UKC'], 1)).toBe(true);
    expect(isLocal('UKC21', 'UKE11', ['UKD'], 1)).toBe(false);
  });

  it('is unknown when the supplier region, or every other region, is not known at that level', () => {
    expect(isLocal(null, 'UKE11', [], 1)).toBeNull();
    expect(isLocal('UK', 'UKE11', [], 1)).toBeNull();
    expect(isLocal('UKE42', null, [], 1)).toBeNull();
    expect(isLocal('UKE42', null, ['UK'], 1)).toBeNull();
    expect(isLocal('UKE42', 'UKE', [], 2)).toBeNull();
  });
});

describe('marketFigures', () => {
  const rows: MarketRow[] = [
    // Award 1: £600 split between two suppliers (SME with known region; unknown scale).
    row({
      awardId: '1',
      value: '600',
      supplierCount: 2,
      supplierId: 1,
      supplierName: 'A',
      scale: 'sme',
      supplierRegion: 'UKE1',
      numberOfTenderers: 1,
    }),
    row({
      awardId: '1',
      value: '600',
      supplierCount: 2,
      supplierId: 2,
      supplierName: 'B',
      scale: null,
      vcse: true,
    }),
    // Award 2 (another process): £400 to a large supplier in another region, direct award by UK5.
    row({
      ocid: 'ocds-x-2',
      awardId: '1',
      value: '400',
      supplierId: 3,
      supplierName: 'C',
      scale: 'large',
      vcse: false,
      supplierRegion: 'UKC21',
      procurementMethod: 'limited',
      noticeTypes: ['UK5'],
    }),
    // Award 3: in euros, left out of every value figure but counted.
    row({
      ocid: 'ocds-x-3',
      awardId: '1',
      value: '50',
      currency: 'EUR',
      supplierId: 1,
      scale: 'sme',
      numberOfTenderers: 4,
    }),
    // Award 4: no value and no supplier; selective with no bid data.
    row({
      ocid: 'ocds-x-4',
      awardId: '1',
      value: null,
      currency: null,
      supplierCount: 0,
      supplierId: null,
      supplierName: null,
      procurementMethod: 'selective',
    }),
  ];
  const f = marketFigures(rows, new Set([3]), policy);

  it('totals GBP value and counts what is left out', () => {
    expect(f.awards).toBe(4);
    expect(f.processes).toBe(4);
    expect(f.valueGbp).toBe(1000);
    expect(f.excluded).toEqual({ otherCurrency: 1, noValue: 1, noSupplier: 1 });
  });

  it('splits joint awards equally and computes HHI and CRn over suppliers', () => {
    expect(f.suppliers.map((s) => [s.name, s.value, s.awards])).toEqual([
      ['C', 400, 1],
      ['A', 300, 2],
      ['B', 300, 1],
    ]);
    expect(f.hhi).toBeCloseTo(1600 + 900 + 900, 9);
    expect(f.hhiBand?.label).toBe('highly concentrated');
    expect(f.top1Share).toBeCloseTo(0.4, 12);
    expect(f.top3Share).toBeCloseTo(1, 12);
  });

  it('counts a supplier of unknown scale as unknown, not as non-SME', () => {
    // Known scale: A (SME, £300 + EUR award with no GBP value) and C (large, £400).
    expect(f.sme.byValue).toEqual({ share: 300 / 700, numerator: 300, denominator: 700 });
    expect(f.sme.byCount).toEqual({ share: 2 / 3, numerator: 2, denominator: 3 });
    expect(f.sme.unknownValue).toBe(300);
    expect(f.sme.unknownCount).toBe(1);
    expect(f.vcse.byValue).toEqual({ share: 300 / 700, numerator: 300, denominator: 700 });
    expect(f.vcse.unknownCount).toBe(2);
  });

  it('measures local share, new entrants, single bids and direct awards', () => {
    // A is in UKE like the buyer (UKE42): local; C (UKC) is not; B and A's EUR award have no region → unknown.
    expect(f.local.byValue).toEqual({ share: 300 / 700, numerator: 300, denominator: 700 });
    expect(f.local.unknownCount).toBe(2);
    expect(f.newEntrants.count).toBe(2);
    expect(f.newEntrants.valueShare.share).toBeCloseTo(0.6, 12);
    // Competitive processes: 1 (1 bid), 3 (4 bids), 4 (no bid data).
    expect(f.singleBid).toEqual({
      rate: { share: 0.5, numerator: 1, denominator: 2 },
      competitive: 3,
      noBidData: 1,
    });
    expect(f.directAward.byValue).toEqual({ share: 0.4, numerator: 400, denominator: 1000 });
    expect(f.directAward.byCount).toEqual({ share: 0.25, numerator: 1, denominator: 4 });
    expect(f.directAward.unknownCount).toBe(0);
  });
});
