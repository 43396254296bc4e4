// The tiered standards catalogue (issue 8 item 1; domain.md §4 "Demos tiers"): missions → outcomes → metrics, in
// three tiers. The national tier (data/reference/missions/national-standard.json) holds the missions, the PPN 002
// outcomes and the national metrics; a region (ITL1) adds outcomes and metrics and sets priorities and minimum
// weightings; a buyer organisation tailors within what its region allows. `resolveStandard` merges the tiers into
// the effective standard for one buyer with the provenance of every item and setting, by the rules in
// docs/missions.md ("Resolution rules"), and reports what it had to set aside as conflicts. Pure: no I/O.

export type Tier = 'national' | 'regional' | 'local';
export type Priority = 'high' | 'medium' | 'low';
export type Direction = 'higher' | 'lower';

export const PRIORITIES: readonly Priority[] = ['high', 'medium', 'low'];
export const DIRECTIONS: readonly Direction[] = ['higher', 'lower'];
/** The settings target that stands for social value as a whole (PPN 002: at least 10% of the total score). */
export const SOCIAL_VALUE = 'social-value';

/** Where a tier's items live: `national`, `region:UKF` (an ITL1 code, NUTS form), `org:441` (an organisation id). */
export type Scope = string;
export const NATIONAL: Scope = 'national';
export const regionScope = (itl1: string): Scope => `region:${itl1}`;
export const orgScope = (organisationId: number): Scope => `org:${organisationId}`;

export function tierOf(scope: Scope): Tier {
  if (scope === NATIONAL) return 'national';
  return scope.startsWith('region:') ? 'regional' : 'local';
}

/**
 * Identifiers are namespaced by the scope that owns them, so a lower tier can never reuse (and so redefine) an
 * upper tier's id: `region.UKF.<slug>`, `org.441.<slug>`. National ids are those of the reference file.
 */
export function idPrefix(scope: Scope): string {
  if (scope === NATIONAL) return '';
  return `${scope.replace(':', '.')}.`;
}

export interface Mission {
  id: string;
  name: string;
  source: string;
}

export interface Outcome {
  id: string;
  missionId: string;
  name: string;
  definition: string;
  officialCode: string | null;
  /** PPN 002 model award criteria (MACs) known for the outcome (national only; regional outcomes have none). */
  criteria: AwardCriterion[];
  source: string;
  status: 'active' | 'retired';
}

/**
 * A PPN 002 model award criterion (MAC) of a national outcome: a catalogue item with a stable id
 * (`ppn002.o1.mac1a`), the model's code (`1a`) and its wording as our source gives it. `wordingComplete` is false
 * when the source's text is cut short (the wording is then the part we have).
 */
export interface AwardCriterion {
  id: string;
  outcomeId: string;
  officialCode: string | null;
  wording: string;
  wordingComplete: boolean;
  source: string;
}

export interface Metric {
  id: string;
  outcomeId: string;
  name: string;
  unit: string;
  direction: Direction;
  definition: string;
  evidence: string;
  officialCode: string | null;
  source: string;
  status: 'active' | 'retired';
}

export interface Setting {
  /** A mission, an outcome or SOCIAL_VALUE. */
  targetId: string;
  priority: Priority | null;
  /** Minimum weighting, percent of the total score. */
  minWeightPercent: number | null;
  /** Set by a region: its buyers may not change the priority. */
  locked: boolean;
  source: string;
}

/** One tier's own content. */
export interface Layer {
  scope: Scope;
  outcomes: Outcome[];
  metrics: Metric[];
  settings: Setting[];
}

export interface NationalStandard extends Layer {
  id: string;
  name: string;
  validFrom: string;
  validTo: string | null;
  source: string;
  missions: Mission[];
  notes: string[];
}

export interface Provenance {
  tier: Tier;
  scope: Scope;
}

export interface Resolved<T> {
  value: T;
  from: Provenance;
}

export interface EffectiveMetric extends Metric {
  provenance: Provenance;
}

export interface EffectiveOutcome extends Outcome {
  provenance: Provenance;
  priority: Resolved<Priority> | null;
  minWeightPercent: Resolved<number> | null;
  metrics: EffectiveMetric[];
}

export interface EffectiveMission extends Mission {
  provenance: Provenance;
  priority: Resolved<Priority> | null;
  minWeightPercent: Resolved<number> | null;
  outcomes: EffectiveOutcome[];
}

export type ConflictRule =
  | 'id-outside-namespace'
  | 'outcome-from-local-tier'
  | 'unknown-parent'
  | 'unknown-target'
  | 'weight-below-upper-minimum'
  | 'priority-locked';

export interface Conflict {
  rule: ConflictRule;
  scope: Scope;
  itemId: string;
  message: string;
}

export interface EffectiveStandard {
  standard: { id: string; name: string; validFrom: string; source: string };
  scopes: Scope[];
  socialValueMinWeightPercent: Resolved<number> | null;
  missions: EffectiveMission[];
  conflicts: Conflict[];
  notes: string[];
}

const provenanceOf = (scope: Scope): Provenance => ({ tier: tierOf(scope), scope });
const inNamespace = (scope: Scope, id: string): boolean =>
  scope === NATIONAL || (id.startsWith(idPrefix(scope)) && id.length > idPrefix(scope).length);

/** Rule W: the effective minimum weighting is the highest any tier sets; a lower tier may raise, never lower it. */
function resolveWeight(
  targetId: string,
  layers: readonly Layer[],
  conflicts: Conflict[],
): Resolved<number> | null {
  let best: Resolved<number> | null = null;
  for (const layer of layers) {
    const s = layer.settings.find((x) => x.targetId === targetId);
    if (!s || s.minWeightPercent === null) continue;
    if (best && s.minWeightPercent < best.value) {
      conflicts.push({
        rule: 'weight-below-upper-minimum',
        scope: layer.scope,
        itemId: targetId,
        message: `${layer.scope} sets a minimum weighting of ${s.minWeightPercent}% for ${targetId}, below the ${best.value}% set by ${best.from.scope}: ${best.value}% applies`,
      });
      continue;
    }
    if (!best || s.minWeightPercent > best.value)
      best = { value: s.minWeightPercent, from: provenanceOf(layer.scope) };
  }
  return best;
}

/** Rule P: the most local tier's priority applies, unless an upper tier locked it. */
function resolvePriority(
  targetId: string,
  layers: readonly Layer[],
  conflicts: Conflict[],
): Resolved<Priority> | null {
  let current: Resolved<Priority> | null = null;
  let lockedBy: Scope | null = null;
  for (const layer of layers) {
    const s = layer.settings.find((x) => x.targetId === targetId);
    if (!s || s.priority === null) continue;
    if (lockedBy !== null) {
      if (s.priority !== current?.value)
        conflicts.push({
          rule: 'priority-locked',
          scope: layer.scope,
          itemId: targetId,
          message: `${layer.scope} sets priority ${s.priority} for ${targetId}, but ${lockedBy} locked it at ${current?.value ?? 'none'}`,
        });
      continue;
    }
    current = { value: s.priority, from: provenanceOf(layer.scope) };
    if (s.locked && layer.scope !== NATIONAL && tierOf(layer.scope) === 'regional') lockedBy = layer.scope;
  }
  return current;
}

/**
 * The effective standard for a scope chain: the national standard, then (optionally) a region's layer, then
 * (optionally) a buyer's layer, in that order. Items from a lower tier that break a rule are left out and reported
 * in `conflicts`; national items are always present (no tier can remove or redefine them).
 */
export function resolveStandard(national: NationalStandard, lower: readonly Layer[] = []): EffectiveStandard {
  const conflicts: Conflict[] = [];
  const layers: Layer[] = [national, ...lower];
  const outcomes = new Map<string, EffectiveOutcome>();
  const missionIds = new Set(national.missions.map((m) => m.id));

  for (const layer of layers) {
    for (const o of layer.outcomes) {
      const reason: [ConflictRule, string] | null = !inNamespace(layer.scope, o.id)
        ? [
            'id-outside-namespace',
            `outcome ${o.id} is not in ${layer.scope}'s namespace (${idPrefix(layer.scope)}…)`,
          ]
        : tierOf(layer.scope) === 'local'
          ? ['outcome-from-local-tier', `a buyer may add metrics, not outcomes (${o.id})`]
          : !missionIds.has(o.missionId)
            ? ['unknown-parent', `outcome ${o.id} hangs from unknown mission ${o.missionId}`]
            : outcomes.has(o.id)
              ? ['id-outside-namespace', `outcome id ${o.id} is already defined`]
              : null;
      if (reason) {
        conflicts.push({ rule: reason[0], scope: layer.scope, itemId: o.id, message: reason[1] });
        continue;
      }
      outcomes.set(o.id, {
        ...o,
        provenance: provenanceOf(layer.scope),
        priority: null,
        minWeightPercent: null,
        metrics: [],
      });
    }
  }
  const metricIds = new Set<string>();
  for (const layer of layers) {
    for (const m of layer.metrics) {
      const parent = outcomes.get(m.outcomeId);
      const reason: [ConflictRule, string] | null =
        !inNamespace(layer.scope, m.id) || metricIds.has(m.id)
          ? [
              'id-outside-namespace',
              `metric ${m.id} is not in ${layer.scope}'s namespace or is already defined`,
            ]
          : !parent
            ? [
                'unknown-parent',
                `metric ${m.id} hangs from outcome ${m.outcomeId}, which this standard does not have`,
              ]
            : null;
      if (reason || !parent) {
        conflicts.push({
          rule: reason?.[0] ?? 'unknown-parent',
          scope: layer.scope,
          itemId: m.id,
          message: reason?.[1] ?? '',
        });
        continue;
      }
      metricIds.add(m.id);
      parent.metrics.push({ ...m, provenance: provenanceOf(layer.scope) });
    }
  }

  const targets = new Set<string>([SOCIAL_VALUE, ...missionIds, ...outcomes.keys()]);
  for (const layer of layers)
    for (const s of layer.settings)
      if (!targets.has(s.targetId))
        conflicts.push({
          rule: 'unknown-target',
          scope: layer.scope,
          itemId: s.targetId,
          message: `${layer.scope} has a setting for ${s.targetId}, which this standard does not have`,
        });

  for (const o of outcomes.values()) {
    o.priority = resolvePriority(o.id, layers, conflicts);
    o.minWeightPercent = resolveWeight(o.id, layers, conflicts);
  }
  const missions = national.missions.map<EffectiveMission>((m) => ({
    ...m,
    provenance: provenanceOf(NATIONAL),
    priority: resolvePriority(m.id, layers, conflicts),
    minWeightPercent: resolveWeight(m.id, layers, conflicts),
    outcomes: [...outcomes.values()].filter((o) => o.missionId === m.id),
  }));
  return {
    standard: {
      id: national.id,
      name: national.name,
      validFrom: national.validFrom,
      source: national.source,
    },
    scopes: layers.map((l) => l.scope),
    socialValueMinWeightPercent: resolveWeight(SOCIAL_VALUE, layers, conflicts),
    missions,
    conflicts,
    notes: national.notes,
  };
}

/** Every item of an effective standard by id (missions, outcomes, metrics), for look-ups and checks. */
export function itemsById(
  s: EffectiveStandard,
): Map<string, EffectiveMission | EffectiveOutcome | EffectiveMetric> {
  const all = new Map<string, EffectiveMission | EffectiveOutcome | EffectiveMetric>();
  for (const m of s.missions) {
    all.set(m.id, m);
    for (const o of m.outcomes) {
      all.set(o.id, o);
      for (const x of o.metrics) all.set(x.id, x);
    }
  }
  return all;
}
