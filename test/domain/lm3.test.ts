// LM3 (domain.md §4): (R1 + R2 + R3) / R1, worked by hand.
import { describe, expect, it } from 'vitest';
import { DEFAULT_RESPEND_SHARE, lm3 } from '../../src/domain/lm3.js';

describe('LM3', () => {
  it('adds local spend and its surveyed or default re-spend', () => {
    const r = lm3({
      spend: 1000,
      localSuppliers: [
        { supplierId: 1, paid: 400, surveyShare: 0.5 },
        { supplierId: 2, paid: 200, surveyShare: null },
      ],
      staffCosts: null,
      localStaffCosts: null,
      defaultShare: null,
      staffRespendShare: null,
    });
    // R1 = 1000; R2 = 600; R3 = 400 × 0.5 + 200 × 0.25 = 250; LM3 = 1850 / 1000.
    expect(r).toMatchObject({ r1: 1000, r2: 600, r3: 250, lm3: 1.85, defaultShare: DEFAULT_RESPEND_SHARE });
    expect(r.r3FromDefault).toBe(50);
    expect([r.suppliersSurveyed, r.suppliersDefaulted]).toEqual([1, 1]);
  });

  it('counts staff costs in R1 and local wages in R2 and R3', () => {
    const r = lm3({
      spend: 1000,
      localSuppliers: [{ supplierId: 1, paid: 500, surveyShare: 0.4 }],
      staffCosts: 1000,
      localStaffCosts: 800,
      defaultShare: 0.3,
      staffRespendShare: 0.6,
    });
    // R1 = 2000; R2 = 500 + 800 = 1300; R3 = 200 + 480 = 680; LM3 = 3980 / 2000 = 1.99.
    expect([r.r1, r.r2, r.r3, r.lm3, r.r3FromDefault]).toEqual([2000, 1300, 680, 1.99, 0]);
  });

  it('stays within 1–3 and is not computable without spend', () => {
    const all = lm3({
      spend: 100,
      localSuppliers: [{ supplierId: 1, paid: 100, surveyShare: 1 }],
      staffCosts: null,
      localStaffCosts: null,
      defaultShare: null,
      staffRespendShare: null,
    });
    expect(all.lm3).toBe(3);
    const none = lm3({
      spend: 0,
      localSuppliers: [],
      staffCosts: null,
      localStaffCosts: null,
      defaultShare: null,
      staffRespendShare: null,
    });
    expect(none.lm3).toBeNull();
  });
});
