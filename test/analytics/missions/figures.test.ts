// The mission dashboard's shares and contract rows (src/analytics/missions): unknown kept apart from "no", and a
// contract's `_any` / `_none` row. Hand-made sums (derived fixtures, not data).
import { describe, expect, it } from 'vitest';
import { contractMissionRows, emptyFigures, figuresOf } from '../../../src/analytics/missions/index.js';
import { buildMissionIndex } from '../../../src/domain/missions/mission-map.js';

const sums = {
  key: 'nhs',
  name: null,
  awards: 3,
  contracts: 2,
  value: '1000',
  noValueAwards: 1,
  smeKnown: '600',
  smeYes: '150',
  vcseKnown: '0',
  vcseYes: '0',
  localKnown: '1000',
  localYes: '1000',
};

describe('mission figures', () => {
  it('shares are yes ÷ known; what is not known stays beside, never counted as no', () => {
    const f = figuresOf(sums);
    expect(f.sme).toEqual({ share: 0.25, numerator: 150, denominator: 600, unknownValue: 400 });
    expect(f.vcse).toEqual({ share: null, numerator: 0, denominator: 0, unknownValue: 1000 });
    expect(f.local.share).toBe(1);
    expect(f.local.unknownValue).toBe(0);
    expect(emptyFigures('growth').sme.share).toBeNull();
  });

  it('gives a contract one row per mission and `_any`, or only `_none`', () => {
    const index = buildMissionIndex([
      {
        tier: 'default',
        scope: 'default',
        prefix: '85',
        primary: 'nhs',
        secondary: ['opportunity'],
        note: '',
      },
    ]);
    const c = { ocid: 'x', buyerId: 1, region: 'UKE', cpvMain: '85100000', cpvCodes: [] };
    expect(contractMissionRows(c, index, []).map((r) => [r.mission_id, r.role, r.provenance])).toEqual([
      ['nhs', 'primary', 'default'],
      ['opportunity', 'secondary', 'default'],
      ['_any', 'any', 'derived'],
    ]);
    const removed = contractMissionRows(c, index, [
      { missionId: 'nhs', action: 'remove', reason: 'r', by: 'a', at: '' },
      { missionId: 'opportunity', action: 'remove', reason: 'r', by: 'a', at: '' },
    ]);
    expect(removed.map((r) => r.mission_id)).toEqual(['_none']);
  });
});
