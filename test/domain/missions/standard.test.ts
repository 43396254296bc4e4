// Tier resolution of the standards catalogue on the shipped national standard (data/reference/missions, copied
// from shared/docs/domain.md): provenance of every item, additions by region and buyer, and each conflict rule of
// docs/missions.md with the outcome it must have.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNationalStandard } from '../../../src/domain/missions/national.js';
import {
  itemsById,
  orgScope,
  regionScope,
  resolveStandard,
  SOCIAL_VALUE,
  type Layer,
  type Metric,
  type Outcome,
  type Setting,
} from '../../../src/domain/missions/standard.js';
import { repoPath } from '../../../src/paths.js';

const national = parseNationalStandard(
  JSON.parse(readFileSync(repoPath('data/reference/missions/national-standard.json'), 'utf8')),
);

const NE = regionScope('UKC');
const ORG = orgScope(441);
const FAIR_WORK = 'ppn002.o1.fair-work';

const outcome = (id: string, missionId = 'growth'): Outcome => ({
  id,
  missionId,
  name: id,
  definition: `definition of ${id}`,
  officialCode: null,
  criteria: [],
  source: 'test',
  status: 'active',
});
const metric = (id: string, outcomeId: string, unit = 'FTE'): Metric => ({
  id,
  outcomeId,
  name: id,
  unit,
  direction: 'higher',
  definition: `definition of ${id}`,
  evidence: 'payroll',
  officialCode: null,
  source: 'test',
  status: 'active',
});
const setting = (targetId: string, s: Partial<Setting>): Setting => ({
  targetId,
  priority: null,
  minWeightPercent: null,
  locked: false,
  source: 'test',
  ...s,
});
const layer = (scope: string, l: Partial<Layer>): Layer => ({
  scope,
  outcomes: [],
  metrics: [],
  settings: [],
  ...l,
});

describe('the national standard (seeded from domain.md)', () => {
  it('has the five missions, eight PPN 002 outcomes and the 10% social value minimum', () => {
    const s = resolveStandard(national);
    expect(s.missions.map((m) => m.id)).toEqual([
      'growth',
      'clean-energy',
      'safer-streets',
      'opportunity',
      'nhs',
    ]);
    expect(s.missions.flatMap((m) => m.outcomes.map((o) => o.officialCode))).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
    ]);
    expect(s.socialValueMinWeightPercent).toEqual({
      value: 10,
      from: { tier: 'national', scope: 'national' },
    });
    expect(s.conflicts).toEqual([]);
    for (const item of itemsById(s).values()) expect(item.provenance.tier).toBe('national');
  });
});

describe('resolution across tiers', () => {
  const region = layer(NE, {
    outcomes: [outcome('region.UKC.coastal-communities', 'opportunity')],
    metrics: [
      metric('region.UKC.local-jobs-fte', FAIR_WORK),
      metric('region.UKC.coastal-apprentices', 'region.UKC.coastal-communities', 'people'),
    ],
    settings: [
      setting(SOCIAL_VALUE, { minWeightPercent: 15 }),
      setting(FAIR_WORK, { priority: 'high', minWeightPercent: 5, locked: true }),
      setting('ppn002.o4.sustainable-procurement', { priority: 'medium' }),
    ],
  });
  const local = layer(ORG, {
    metrics: [metric('org.441.derby-living-wage-jobs', FAIR_WORK)],
    settings: [
      setting(SOCIAL_VALUE, { minWeightPercent: 20 }),
      setting(FAIR_WORK, { minWeightPercent: 8 }),
      setting('ppn002.o4.sustainable-procurement', { priority: 'low' }),
    ],
  });
  const s = resolveStandard(national, [region, local]);
  const items = itemsById(s);

  it('adds regional outcomes and metrics and local metrics, each with its provenance', () => {
    expect(items.get('region.UKC.coastal-communities')?.provenance).toEqual({ tier: 'regional', scope: NE });
    expect(items.get('region.UKC.coastal-apprentices')?.provenance).toEqual({ tier: 'regional', scope: NE });
    expect(items.get('org.441.derby-living-wage-jobs')?.provenance).toEqual({ tier: 'local', scope: ORG });
    const fairWork = s.missions[0]?.outcomes.find((o) => o.id === FAIR_WORK);
    // The national metric first (shipped since PPN 002 outcomes each got one), then the region's, then the buyer's.
    expect(fairWork?.metrics.map((m) => m.id)).toEqual([
      'ppn002.o1.new-jobs-fte',
      'region.UKC.local-jobs-fte',
      'org.441.derby-living-wage-jobs',
    ]);
    expect(s.conflicts).toEqual([]);
  });

  it('takes the highest minimum weighting and names the tier that set it', () => {
    expect(s.socialValueMinWeightPercent).toEqual({ value: 20, from: { tier: 'local', scope: ORG } });
    const fairWork = s.missions[0]?.outcomes.find((o) => o.id === FAIR_WORK);
    expect(fairWork?.minWeightPercent).toEqual({ value: 8, from: { tier: 'local', scope: ORG } });
  });

  it('lets the buyer set a priority the region did not lock, and keeps a locked one', () => {
    const sustainable = s.missions[1]?.outcomes[0];
    expect(sustainable?.priority).toEqual({ value: 'low', from: { tier: 'local', scope: ORG } });
    const fairWork = s.missions[0]?.outcomes.find((o) => o.id === FAIR_WORK);
    expect(fairWork?.priority).toEqual({ value: 'high', from: { tier: 'regional', scope: NE } });
  });

  it('shows a region the regional standard only (no buyer layer)', () => {
    const r = resolveStandard(national, [region]);
    expect(r.socialValueMinWeightPercent?.value).toBe(15);
    expect(itemsById(r).has('org.441.derby-living-wage-jobs')).toBe(false);
  });
});

describe('conflicts are resolved by the documented rules', () => {
  it('a buyer cannot lower a regional minimum weighting (the regional value applies)', () => {
    const s = resolveStandard(national, [
      layer(NE, { settings: [setting(SOCIAL_VALUE, { minWeightPercent: 15 })] }),
      layer(ORG, { settings: [setting(SOCIAL_VALUE, { minWeightPercent: 12 })] }),
    ]);
    expect(s.socialValueMinWeightPercent).toEqual({ value: 15, from: { tier: 'regional', scope: NE } });
    expect(s.conflicts.map((c) => [c.rule, c.scope, c.itemId])).toEqual([
      ['weight-below-upper-minimum', ORG, SOCIAL_VALUE],
    ]);
  });

  it('a region cannot lower the national 10% minimum', () => {
    const s = resolveStandard(national, [
      layer(NE, { settings: [setting(SOCIAL_VALUE, { minWeightPercent: 5 })] }),
    ]);
    expect(s.socialValueMinWeightPercent?.value).toBe(10);
    expect(s.conflicts[0]?.rule).toBe('weight-below-upper-minimum');
  });

  it('a buyer priority on a locked item is set aside and reported', () => {
    const s = resolveStandard(national, [
      layer(NE, { settings: [setting(FAIR_WORK, { priority: 'high', locked: true })] }),
      layer(ORG, { settings: [setting(FAIR_WORK, { priority: 'low' })] }),
    ]);
    expect(s.missions[0]?.outcomes[0]?.priority?.value).toBe('high');
    expect(s.conflicts.map((c) => c.rule)).toEqual(['priority-locked']);
  });

  it('no tier can redefine or reuse an upper-tier id, add outcomes locally, or hang items from nothing', () => {
    const s = resolveStandard(national, [
      layer(NE, {
        outcomes: [outcome(FAIR_WORK, 'nhs'), outcome('region.UKC.x', 'no-such-mission')],
        metrics: [
          metric('ppn001.sme-direct-spend-share', FAIR_WORK, 'tonnes'),
          metric('region.UKC.y', 'region.UKD.z'),
        ],
        settings: [setting('no-such-item', { priority: 'high' })],
      }),
      layer(ORG, { outcomes: [outcome('org.441.o')], metrics: [metric('region.UKC.sneaky', FAIR_WORK)] }),
    ]);
    expect(s.conflicts.map((c) => [c.rule, c.itemId])).toEqual([
      ['id-outside-namespace', FAIR_WORK],
      ['unknown-parent', 'region.UKC.x'],
      ['outcome-from-local-tier', 'org.441.o'],
      ['id-outside-namespace', 'ppn001.sme-direct-spend-share'],
      ['unknown-parent', 'region.UKC.y'],
      ['id-outside-namespace', 'region.UKC.sneaky'],
      ['unknown-target', 'no-such-item'],
    ]);
    // The national items are untouched.
    const items = itemsById(s);
    expect((items.get(FAIR_WORK) as Outcome).missionId).toBe('growth');
    expect((items.get('ppn001.sme-direct-spend-share') as Metric).unit).toBe('percent of value');
    expect(items.get('ppn001.sme-direct-spend-share')?.provenance.tier).toBe('national');
  });
});
