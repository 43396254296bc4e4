// Each contract's missions, decided once per refresh (docs/mission-dashboard.md, "How a contract's missions are
// decided"): the contract's CPV codes (main first) through the mapping effective for its buyer — the default rules,
// its region's rules, its own rules, longest prefix first and the most local tier at equal length — then its
// per-contract overrides (domain/missions/mission-map.ts). The result is one row per mission, plus `_any` when it has
// at least one mission and `_none` when it has none, so that the summary counts mapped value once as well.
import type { Selectable } from 'kysely';
import {
  buildMissionIndex,
  missionsForContract,
  type ContractMissionOverride,
  type MappingRule,
  type MissionIndex,
} from '../../domain/missions/mission-map.js';
import type { ContractMissionTable } from '../../store/missions.types.js';

export const ANY_MISSION = '_any';
export const NO_MISSION = '_none';

export interface ContractForMissions {
  ocid: string;
  buyerId: number | null;
  /** ITL1 code of the buyer's region (NUTS form), or null. */
  region: string | null;
  cpvMain: string | null;
  cpvCodes: readonly string[];
}

/** A row of contract_mission (migration 0033). */
export type ContractMissionRow = Selectable<ContractMissionTable>;

/** The mapping of every scope at hand: indexes built once per (region, buyer) pair. */
export function indexCache(defaultRules: readonly MappingRule[], scoped: readonly MappingRule[]) {
  const byScope = new Map<string, MappingRule[]>();
  for (const r of scoped) byScope.set(r.scope, [...(byScope.get(r.scope) ?? []), r]);
  const cache = new Map<string, MissionIndex>();
  return (region: string | null, buyerId: number | null): MissionIndex => {
    const key = `${region ?? ''}|${buyerId ?? ''}`;
    let index = cache.get(key);
    if (!index) {
      index = buildMissionIndex([
        ...defaultRules,
        ...(region ? (byScope.get(`region:${region}`) ?? []) : []),
        ...(buyerId !== null ? (byScope.get(`org:${buyerId}`) ?? []) : []),
      ]);
      cache.set(key, index);
    }
    return index;
  };
}

/** A contract's rows for contract_mission. */
export function contractMissionRows(
  c: ContractForMissions,
  index: MissionIndex,
  overrides: readonly ContractMissionOverride[],
): ContractMissionRow[] {
  const m = missionsForContract({ main: c.cpvMain, codes: c.cpvCodes }, index, overrides);
  const base = { ocid: c.ocid, buyer_id: c.buyerId, region: c.region };
  const rows: ContractMissionRow[] = m.tags.map((t) => ({
    ...base,
    mission_id: t.missionId,
    role: t.role,
    provenance: t.provenance,
  }));
  rows.push(
    rows.length > 0
      ? { ...base, mission_id: ANY_MISSION, role: 'any', provenance: 'derived' }
      : { ...base, mission_id: NO_MISSION, role: 'none', provenance: 'derived' },
  );
  return rows;
}
