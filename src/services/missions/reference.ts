// The mission reference data shipped in data/reference/missions (SOURCES.md there): the national standard and the
// draft default CPV → mission map, read and checked once per process (a bad file fails at first use, loudly).
import { readFileSync } from 'node:fs';
import { parseDefaultMissionMap, type MappingRule } from '../../domain/missions/mission-map.js';
import { parseNationalStandard } from '../../domain/missions/national.js';
import type { NationalStandard } from '../../domain/missions/standard.js';
import { parseRegionList } from '../../domain/region.js';
import { repoPath } from '../../paths.js';

export interface MissionReference {
  national: NationalStandard;
  defaultRules: MappingRule[];
  /** ITL1 regions (NUTS 2016 form, `UKC` … `UKN`) → name. */
  regions: ReadonlyMap<string, string>;
}

let cached: MissionReference | undefined;

export function loadMissionReference(): MissionReference {
  if (cached) return cached;
  const dir = repoPath('data', 'reference', 'missions');
  const national = parseNationalStandard(JSON.parse(readFileSync(`${dir}/national-standard.json`, 'utf8')));
  const defaultRules = parseDefaultMissionMap(
    readFileSync(`${dir}/cpv-mission-map.csv`, 'utf8'),
    new Set(national.missions.map((m) => m.id)),
  );
  const all = parseRegionList(readFileSync(repoPath('data', 'reference', 'uk-nuts2016-regions.csv'), 'utf8'));
  const regions = new Map([...all].filter(([code]) => code.length === 3));
  cached = { national, defaultRules, regions };
  return cached;
}
