// The hand-written ITL1 land-border list (src/domain/itl-adjacency.ts): every region of the NUTS 2016 reference list
// at level 1, a symmetric relation without loops, and the borders a map of the UK shows.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ITL1_BORDERS,
  ITL1_CODES,
  ITL1_REGIONS,
  itl1Adjacent,
  itl1Neighbours,
} from '../../src/domain/itl-adjacency.js';
import { parseRegionList } from '../../src/domain/region.js';
import { repoPath } from '../../src/paths.js';

describe('ITL1 adjacency', () => {
  it('covers exactly the 12 level-1 regions of the reference list (UKZ extra-regio aside)', () => {
    const list = parseRegionList(readFileSync(repoPath('data/reference/uk-nuts2016-regions.csv'), 'utf8'));
    const level1 = [...list.keys()].filter((c) => c.length === 3 && c !== 'UKZ').sort();
    expect(ITL1_CODES.slice().sort()).toEqual(level1);
    expect(ITL1_CODES).toHaveLength(12);
    // Names agree with the reference list's (which shouts, and adds "(England)").
    for (const c of ITL1_CODES)
      expect(list.get(c)!.toLowerCase().replace(' (england)', '')).toBe(ITL1_REGIONS[c].toLowerCase());
  });

  it('is symmetric, has no loops and lists each border once', () => {
    const keys = ITL1_BORDERS.map(([a, b]) => [a, b].sort().join('-'));
    expect(new Set(keys).size).toBe(keys.length);
    for (const [a, b] of ITL1_BORDERS) expect(a).not.toBe(b);
    for (const a of ITL1_CODES)
      for (const b of itl1Neighbours(a)) {
        expect(itl1Neighbours(b)).toContain(a);
        expect(itl1Adjacent(a, b)).toBe(true);
      }
    expect(ITL1_BORDERS).toHaveLength(20);
  });

  it.each([
    ['UKC', ['UKD', 'UKE', 'UKM']],
    ['UKI', ['UKH', 'UKJ']],
    ['UKL', ['UKD', 'UKG', 'UKK']],
    ['UKM', ['UKC', 'UKD']],
    ['UKN', []],
    ['UKJ', ['UKF', 'UKG', 'UKH', 'UKI', 'UKK']],
  ])('%s borders %j', (code, expected) => {
    expect(itl1Neighbours(code)).toEqual(expected);
  });

  it('counts a region as adjacent to itself, and nothing across water or to a non-ITL1 code', () => {
    expect(itl1Adjacent('UKE', 'UKE')).toBe(true);
    expect(itl1Adjacent('UKH', 'UKJ')).toBe(true);
    expect(itl1Adjacent('UKH', 'UKE')).toBe(false); // the Humber and the Wash: no land border
    expect(itl1Adjacent('UKN', 'UKM')).toBe(false); // the North Channel
    expect(itl1Adjacent('UKL', 'UKJ')).toBe(false); // the Severn estuary; Gloucestershire lies between
    expect(itl1Adjacent('UKZ', 'UKZ')).toBe(false);
  });
});
