// The CPV → mission mapping: the shipped draft default (data/reference/missions/cpv-mission-map.csv, from
// domain.md §7) and the precedence of more specific codes and more local tiers, (the real-sample contracts are in test/services/missions.db.test.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildMissionIndex,
  cpvPrefix,
  missionsForContract,
  parseDefaultMissionMap,
  ruleForCpv,
  type MappingRule,
} from '../../../src/domain/missions/mission-map.js';
import { repoPath } from '../../../src/paths.js';

const MISSIONS = new Set(['growth', 'clean-energy', 'safer-streets', 'opportunity', 'nhs']);
const defaults = parseDefaultMissionMap(
  readFileSync(repoPath('data/reference/missions/cpv-mission-map.csv'), 'utf8'),
  MISSIONS,
);
const rule = (tier: MappingRule['tier'], scope: string, prefix: string, missions: string[]): MappingRule => ({
  tier,
  scope,
  prefix,
  primary: missions[0] ?? null,
  secondary: missions.slice(1),
  note: 'test',
});

describe('the draft default mapping', () => {
  it('covers all 45 CPV divisions once, plus the three specific codes of domain.md §7', () => {
    expect(defaults.filter((r) => r.prefix.length === 2)).toHaveLength(45);
    expect(defaults.filter((r) => r.prefix.length > 2).map((r) => r.prefix)).toEqual([
      '09323',
      '75240',
      '7971',
    ]);
  });

  it.each([
    ['45000000', '45'],
    ['79710000', '7971'],
    ['09323000', '09323'],
    ['30200000', '302'],
  ])('cpvPrefix(%s) = %s', (code, prefix) => expect(cpvPrefix(code)).toBe(prefix));

  it('tags by the most specific code: security services are safer-streets, other business services growth', () => {
    const index = buildMissionIndex(defaults);
    expect(ruleForCpv('79713000', index)?.primary).toBe('safer-streets');
    expect(ruleForCpv('79410000', index)?.primary).toBe('growth');
    expect(ruleForCpv('45210000', index)).toMatchObject({ primary: 'growth', secondary: ['clean-energy'] });
    expect(ruleForCpv('75240000', index)).toMatchObject({ primary: 'safer-streets', secondary: [] });
    expect(ruleForCpv('75100000', index)).toMatchObject({
      primary: 'safer-streets',
      secondary: ['opportunity'],
    });
  });

  it('rejects an unknown mission or a duplicate prefix', () => {
    expect(() => parseDefaultMissionMap('prefix,primary,secondary,note\n45,space,,x\n', MISSIONS)).toThrow(
      /unknown mission space/,
    );
    expect(() =>
      parseDefaultMissionMap('prefix,primary,secondary,note\n45,growth,,x\n45,nhs,,y\n', MISSIONS),
    ).toThrow(/duplicate prefix 45/);
  });
});

describe('overrides', () => {
  const index = buildMissionIndex([
    ...defaults,
    rule('region', 'region:UKF', '45', ['clean-energy', 'growth']),
    rule('buyer', 'org:7', '45', ['opportunity']),
    rule('region', 'region:UKF', '79', ['opportunity']),
  ]);

  it('a buyer rule beats a region rule beats the default at the same prefix', () => {
    expect(ruleForCpv('45000000', index)).toMatchObject({ tier: 'buyer', primary: 'opportunity' });
    expect(ruleForCpv('79410000', index)).toMatchObject({ tier: 'region', primary: 'opportunity' });
  });

  it('a more specific default rule still beats a region division rule', () => {
    expect(ruleForCpv('79710000', index)).toMatchObject({ tier: 'default', primary: 'safer-streets' });
  });

  it('an override may map a code to no mission', () => {
    const none = buildMissionIndex([...defaults, rule('buyer', 'org:7', '66', [])]);
    expect(missionsForContract({ main: '66100000', codes: [] }, none).tags).toEqual([]);
  });
});

describe('a contract’s missions', () => {
  const index = buildMissionIndex([...defaults, rule('region', 'region:UKF', '90', ['clean-energy', 'nhs'])]);

  it('unions its codes, main code first, with the rule and codes behind each mission', () => {
    // Construction (main) with district heating and refuse services.
    const m = missionsForContract({ main: '45000000', codes: ['45000000', '09323000', '90500000'] }, index);
    expect(m.tags.map((t) => [t.missionId, t.role, t.provenance])).toEqual([
      ['growth', 'primary', 'default'],
      ['clean-energy', 'secondary', 'default'],
      ['nhs', 'secondary', 'region'],
    ]);
    expect(m.tags[1]?.rules).toEqual([
      { tier: 'default', scope: 'default', prefix: '45', codes: ['45000000'] },
      { tier: 'default', scope: 'default', prefix: '09323', codes: ['09323000'] },
      { tier: 'region', scope: 'region:UKF', prefix: '90', codes: ['90500000'] },
    ]);
  });

  it('applies per-contract overrides with their reasons', () => {
    const m = missionsForContract({ main: '79710000', codes: [] }, index, [
      {
        missionId: 'opportunity',
        action: 'add',
        reason: 'guards recruited from care leavers',
        by: 'a',
        at: 't',
      },
      {
        missionId: 'safer-streets',
        action: 'remove',
        reason: 'museum security, not public',
        by: 'a',
        at: 't',
      },
      { missionId: 'nhs', action: 'remove', reason: 'not tagged: no effect', by: 'a', at: 't' },
    ]);
    expect(m.tags.map((t) => [t.missionId, t.provenance, t.reason])).toEqual([
      ['opportunity', 'contract', 'guards recruited from care leavers'],
    ]);
    expect(m.removed.map((t) => [t.missionId, t.removedBecause])).toEqual([
      ['safer-streets', 'museum security, not public'],
    ]);
  });

  it('reports codes no rule matches, and tags nothing without codes', () => {
    expect(missionsForContract({ main: null, codes: [] }, index)).toEqual({
      tags: [],
      removed: [],
      unmapped: [],
    });
    expect(missionsForContract({ main: '99000000', codes: [] }, index).unmapped).toEqual(['99000000']);
  });
});
