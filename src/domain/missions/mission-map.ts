// Mapping contracts to missions (issue 8 item 2; domain.md §7). A rule maps a CPV prefix (a code without its
// trailing zeros: `45` division, `7971` class, `09323` category) to a primary mission and secondary missions. Rules
// come in tiers: the draft default (data/reference/missions/cpv-mission-map.csv), a region's, a buyer's. A code
// takes the rule with the **longest matching prefix** in any tier ("tag by the most specific CPV code available");
// at equal length the more local tier wins (buyer over region over default). A contract's missions are the union
// over its CPV codes (the main code first), and per-contract overrides add or remove a mission with a reason.
// Pure: no I/O. A code is looked up in at most 7 × 3 map probes.
import { parseCsv } from '../csv.js';

export type MappingTier = 'default' | 'region' | 'buyer';
export type MissionProvenance = MappingTier | 'contract';

export interface MappingRule {
  tier: MappingTier;
  /** `default`, `region:UKF`, `org:441`. */
  scope: string;
  prefix: string;
  /** The primary mission; null when the rule says "no mission" (an override may do that). */
  primary: string | null;
  secondary: string[];
  note: string;
}

export interface MissionIndex {
  /** One map per tier, most local first. */
  readonly tiers: ReadonlyArray<{ tier: MappingTier; rules: ReadonlyMap<string, MappingRule> }>;
}

/** `45000000` → `45`, `79710000` → `7971`, `09323000` → `09323`; never shorter than the 2-digit division. */
export function cpvPrefix(code: string): string {
  const digits = code.replace(/\D/g, '').slice(0, 8);
  const trimmed = digits.replace(/0+$/, '');
  return trimmed.length >= 2 ? trimmed : digits.slice(0, 2);
}

/** Whether text is a usable rule prefix: 2 to 8 digits, not starting `00`. */
export const isRulePrefix = (p: string): boolean => /^\d{2,8}$/.test(p) && !p.startsWith('00');

/** Builds the index; later rules of the same tier and prefix replace earlier ones. */
export function buildMissionIndex(rules: readonly MappingRule[]): MissionIndex {
  const order: MappingTier[] = ['buyer', 'region', 'default'];
  return {
    tiers: order.map((tier) => ({
      tier,
      rules: new Map(rules.filter((r) => r.tier === tier).map((r) => [r.prefix, r])),
    })),
  };
}

/** The rule that decides an 8-digit CPV code's missions, or null when no rule matches. */
export function ruleForCpv(code: string, index: MissionIndex): MappingRule | null {
  const digits = code.replace(/\D/g, '').slice(0, 8);
  for (let n = Math.min(8, digits.length); n >= 2; n--) {
    const prefix = digits.slice(0, n);
    for (const t of index.tiers) {
      const rule = t.rules.get(prefix);
      if (rule) return rule;
    }
  }
  return null;
}

export interface ContractMissionOverride {
  missionId: string;
  action: 'add' | 'remove';
  reason: string;
  by: string;
  at: string;
}

export interface MissionTag {
  missionId: string;
  role: 'primary' | 'secondary';
  provenance: MissionProvenance;
  /** The rule (tier, scope, prefix) and the contract's codes that gave the tag; empty for a contract override. */
  rules: Array<{ tier: MappingTier; scope: string; prefix: string; codes: string[] }>;
  reason: string | null;
}

export interface ContractMissions {
  tags: MissionTag[];
  /** Missions the rules gave that a per-contract override removed, with the reason. */
  removed: Array<MissionTag & { removedBecause: string }>;
  /** Codes no rule matched. */
  unmapped: string[];
}

/**
 * A contract's missions: each CPV code (main first, duplicates once) through the index; the main code's primary
 * mission is the contract's primary, every other mission is secondary. Overrides then add (provenance `contract`)
 * or remove missions.
 */
export function missionsForContract(
  cpv: { main: string | null; codes: readonly string[] },
  index: MissionIndex,
  overrides: readonly ContractMissionOverride[] = [],
): ContractMissions {
  const codes = [...new Set([...(cpv.main ? [cpv.main] : []), ...cpv.codes].map((c) => c.slice(0, 8)))];
  const tags = new Map<string, MissionTag>();
  const unmapped: string[] = [];
  codes.forEach((code, i) => {
    const rule = ruleForCpv(code, index);
    if (!rule) return void unmapped.push(code);
    const missions = [...(rule.primary ? [rule.primary] : []), ...rule.secondary];
    missions.forEach((missionId, j) => {
      const role = i === 0 && j === 0 ? 'primary' : 'secondary';
      const tag = tags.get(missionId);
      const source = tag?.rules.find((r) => r.scope === rule.scope && r.prefix === rule.prefix);
      if (source) source.codes.push(code);
      else if (tag)
        tag.rules.push({ tier: rule.tier, scope: rule.scope, prefix: rule.prefix, codes: [code] });
      else
        tags.set(missionId, {
          missionId,
          role,
          provenance: rule.tier,
          rules: [{ tier: rule.tier, scope: rule.scope, prefix: rule.prefix, codes: [code] }],
          reason: null,
        });
    });
  });
  const removed: ContractMissions['removed'] = [];
  for (const o of overrides) {
    const tag = tags.get(o.missionId);
    if (o.action === 'remove') {
      if (tag) {
        tags.delete(o.missionId);
        removed.push({ ...tag, removedBecause: o.reason });
      }
    } else if (!tag) {
      // An add for a mission the rules already give changes nothing (it stays with the rule's provenance).
      tags.set(o.missionId, {
        missionId: o.missionId,
        role: 'secondary',
        provenance: 'contract',
        rules: [],
        reason: o.reason,
      });
    }
  }
  return { tags: [...tags.values()], removed, unmapped };
}

/**
 * Reads cpv-mission-map.csv (`prefix,primary,secondary,note`; secondary missions separated by `;`). Throws on a bad
 * prefix, a duplicate prefix or a mission that is not in `missionIds`: the default map is checked at start.
 */
export function parseDefaultMissionMap(csv: string, missionIds: ReadonlySet<string>): MappingRule[] {
  const rows = parseCsv(csv);
  const header = (rows[0] ?? []).map((h) => h.trim());
  if (header.join(',') !== 'prefix,primary,secondary,note')
    throw new Error(`cpv-mission-map.csv: unexpected header ${header.join(',')}`);
  const seen = new Set<string>();
  return rows.slice(1).map(([prefix = '', primary = '', secondary = '', note = ''], i) => {
    const line = i + 2;
    if (!isRulePrefix(prefix.trim()))
      throw new Error(`cpv-mission-map.csv line ${line}: bad prefix ${prefix}`);
    if (seen.has(prefix.trim()))
      throw new Error(`cpv-mission-map.csv line ${line}: duplicate prefix ${prefix}`);
    seen.add(prefix.trim());
    const missions = [primary, ...secondary.split(';')].map((m) => m.trim()).filter((m) => m !== '');
    for (const m of missions)
      if (!missionIds.has(m)) throw new Error(`cpv-mission-map.csv line ${line}: unknown mission ${m}`);
    return {
      tier: 'default',
      scope: 'default',
      prefix: prefix.trim(),
      primary: missions[0] ?? null,
      secondary: missions.slice(1),
      note: note.trim(),
    };
  });
}
