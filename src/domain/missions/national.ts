// Reads the national tier (data/reference/missions/national-standard.json) into a NationalStandard, checking what
// the resolution relies on: unique ids, outcomes under known missions, metrics under known outcomes, a unit and a
// direction for every metric. Throws with the offending id: the reference file is checked at start. Pure.
import {
  DIRECTIONS,
  NATIONAL,
  PRIORITIES,
  type Direction,
  type NationalStandard,
  type Priority,
} from './standard.js';

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function str(o: Obj, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '')
    throw new Error(`national standard: ${where}: ${key} is missing`);
  return v;
}

const optStr = (o: Obj, key: string): string | null =>
  typeof o[key] === 'string' ? (o[key] as string) : null;

function list(o: Obj, key: string): Obj[] {
  const v = o[key];
  if (!Array.isArray(v) || !v.every(isObj))
    throw new Error(`national standard: ${key} must be a list of objects`);
  return v;
}

export function parseNationalStandard(json: unknown): NationalStandard {
  if (!isObj(json)) throw new Error('national standard: not an object');
  const ids = new Set<string>();
  const unique = (id: string): string => {
    if (ids.has(id)) throw new Error(`national standard: duplicate id ${id}`);
    ids.add(id);
    return id;
  };
  const missions = list(json, 'missions').map((m) => ({
    id: unique(str(m, 'id', 'mission')),
    name: str(m, 'name', `mission ${String(m.id)}`),
    source: str(m, 'source', `mission ${String(m.id)}`),
  }));
  const missionIds = new Set(missions.map((m) => m.id));
  const outcomes = list(json, 'outcomes').map((o) => {
    const id = unique(str(o, 'id', 'outcome'));
    const missionId = str(o, 'missionId', id);
    if (!missionIds.has(missionId)) throw new Error(`national standard: ${id}: unknown mission ${missionId}`);
    const criteria = (o.criteria === undefined ? [] : list(o, 'criteria')).map((c) => {
      const cid = unique(str(c, 'id', `${id} criterion`));
      if (!cid.startsWith(`${id.split('.').slice(0, 2).join('.')}.mac`))
        throw new Error(`national standard: ${cid}: a criterion's id must start with its outcome's (…mac)`);
      return {
        id: cid,
        outcomeId: id,
        officialCode: optStr(c, 'officialCode'),
        wording: str(c, 'wording', cid),
        wordingComplete: c.wordingComplete !== false,
        source: str(c, 'source', cid),
      };
    });
    return {
      id,
      missionId,
      name: str(o, 'name', id),
      definition: str(o, 'definition', id),
      officialCode: optStr(o, 'officialCode'),
      criteria,
      source: str(o, 'source', id),
      status: 'active' as const,
    };
  });
  const outcomeIds = new Set(outcomes.map((o) => o.id));
  const metrics = list(json, 'metrics').map((m) => {
    const id = unique(str(m, 'id', 'metric'));
    const outcomeId = str(m, 'outcomeId', id);
    if (!outcomeIds.has(outcomeId)) throw new Error(`national standard: ${id}: unknown outcome ${outcomeId}`);
    const direction = str(m, 'direction', id);
    if (!DIRECTIONS.includes(direction as Direction))
      throw new Error(`national standard: ${id}: direction must be higher or lower`);
    return {
      id,
      outcomeId,
      name: str(m, 'name', id),
      unit: str(m, 'unit', id),
      direction: direction as Direction,
      definition: str(m, 'definition', id),
      evidence: str(m, 'evidence', id),
      officialCode: optStr(m, 'officialCode'),
      source: str(m, 'source', id),
      status: 'active' as const,
    };
  });
  const settings = list(json, 'settings').map((s) => {
    const priority = optStr(s, 'priority');
    if (priority !== null && !PRIORITIES.includes(priority as Priority))
      throw new Error(`national standard: setting ${String(s.targetId)}: bad priority`);
    return {
      targetId: str(s, 'targetId', 'setting'),
      priority: priority as Priority | null,
      minWeightPercent: typeof s.minWeightPercent === 'number' ? s.minWeightPercent : null,
      locked: s.locked === true,
      source: str(s, 'source', `setting ${String(s.targetId)}`),
    };
  });
  return {
    scope: NATIONAL,
    id: str(json, 'id', 'standard'),
    name: str(json, 'name', 'standard'),
    validFrom: str(json, 'validFrom', 'standard'),
    validTo: optStr(json, 'validTo'),
    source: str(json, 'source', 'standard'),
    missions,
    outcomes,
    metrics,
    settings,
    notes: Array.isArray(json.notes) ? json.notes.filter((n): n is string => typeof n === 'string') : [],
  };
}
