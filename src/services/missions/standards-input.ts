// Form and API input for the standards catalogue and the mission mapping, checked into typed values or field
// problems ({ field, message }: the pages show them in the GOV.UK error summary). Pure.
import { AppError } from '../../errors.js';
import { isRulePrefix, cpvPrefix } from '../../domain/missions/mission-map.js';
import { slugify } from '../../domain/missions/identifiers.js';
import { DIRECTIONS, PRIORITIES, type Direction, type Priority } from '../../domain/missions/standard.js';

export interface Problem {
  field: string;
  message: string;
}

/** A BAD_REQUEST that carries one problem per field. */
export class InputProblems extends AppError {
  constructor(readonly problems: Problem[]) {
    super('BAD_REQUEST', problems.map((p) => p.message).join('; '));
  }
}

export const isInputProblems = (e: unknown): e is InputProblems => e instanceof InputProblems;

export const LIMITS = { name: 120, text: 2000, unit: 40, reason: 500 } as const;

type Raw = Record<string, unknown>;
const text = (raw: Raw, key: string): string =>
  typeof raw[key] === 'string' ? (raw[key] as string).trim() : '';

function required(raw: Raw, key: string, label: string, max: number, problems: Problem[]): string {
  const v = text(raw, key);
  if (v === '') problems.push({ field: key, message: `Enter ${label}` });
  else if (v.length > max)
    problems.push({
      field: key,
      message: `${label[0]?.toUpperCase()}${label.slice(1)} must be ${max} characters or fewer`,
    });
  return v;
}

export interface ItemInput {
  kind: 'outcome' | 'metric';
  parentId: string;
  slug: string;
  name: string;
  definition: string;
  unit: string | null;
  direction: Direction | null;
  evidence: string | null;
  source: string;
}

/** A new outcome (parent: a mission) or metric (parent: an outcome); the slug defaults to the name's. */
export function readItemInput(kind: 'outcome' | 'metric', raw: Raw): ItemInput {
  const problems: Problem[] = [];
  const parentId = text(raw, 'parentId');
  if (parentId === '')
    problems.push({
      field: 'parentId',
      message: kind === 'outcome' ? 'Select a mission' : 'Select an outcome',
    });
  const name = required(raw, 'name', 'a name', LIMITS.name, problems);
  const definition = required(raw, 'definition', 'a definition', LIMITS.text, problems);
  const slug = slugify(text(raw, 'slug') || name);
  if (name !== '' && slug === '')
    problems.push({ field: 'slug', message: 'Enter an identifier made of letters or digits' });
  let unit: string | null = null;
  let direction: Direction | null = null;
  let evidence: string | null = null;
  if (kind === 'metric') {
    unit = required(raw, 'unit', 'a unit', LIMITS.unit, problems);
    const d = text(raw, 'direction');
    if (!DIRECTIONS.includes(d as Direction))
      problems.push({ field: 'direction', message: 'Select whether higher or lower is better' });
    else direction = d as Direction;
    evidence = required(raw, 'evidence', 'the evidence required', LIMITS.text, problems);
  }
  const source = text(raw, 'source').slice(0, LIMITS.text) || 'entered in missionbuy';
  if (problems.length > 0) throw new InputProblems(problems);
  return { kind, parentId, slug, name, definition, unit, direction, evidence, source };
}

export interface SettingInput {
  priority: Priority | null;
  minWeightPercent: number | null;
  locked: boolean;
}

export function readSettingInput(raw: Raw): SettingInput {
  const problems: Problem[] = [];
  const p = text(raw, 'priority');
  let priority: Priority | null = null;
  if (p !== '' && p !== 'none') {
    if (PRIORITIES.includes(p as Priority)) priority = p as Priority;
    else problems.push({ field: 'priority', message: 'Select a priority' });
  }
  const w = text(raw, 'minWeightPercent');
  let minWeightPercent: number | null = null;
  if (w !== '') {
    const n = Number(w.replace(/%$/, ''));
    if (!/^\d{1,3}(\.\d{1,2})?%?$/.test(w) || !Number.isFinite(n) || n < 0 || n > 100)
      problems.push({
        field: 'minWeightPercent',
        message: 'Minimum weighting must be a percentage from 0 to 100, like 12.5',
      });
    else minWeightPercent = n;
  }
  const locked = raw.locked === true || raw.locked === 'true' || raw.locked === 'on';
  if (problems.length > 0) throw new InputProblems(problems);
  return { priority, minWeightPercent, locked };
}

export interface RuleInput {
  prefix: string;
  missions: string[];
  reason: string;
}

/** A mapping rule: a CPV code or prefix, the primary mission, secondary missions, a reason. */
export function readRuleInput(raw: Raw, missionIds: ReadonlySet<string>): RuleInput {
  const problems: Problem[] = [];
  const code = text(raw, 'cpv').replace(/-\d$/, '');
  const prefix = /^\d{2,8}$/.test(code) ? (code.length === 8 ? cpvPrefix(code) : code) : '';
  if (!isRulePrefix(prefix))
    problems.push({
      field: 'cpv',
      message: 'Enter a CPV code (like 45000000) or prefix (2 to 8 digits, like 4521)',
    });
  const primary = text(raw, 'primary');
  const secondaryRaw = raw.secondary;
  const secondary = (Array.isArray(secondaryRaw) ? secondaryRaw : [secondaryRaw])
    .filter((s): s is string => typeof s === 'string' && s !== '')
    .filter((s) => s !== primary);
  if (primary !== '' && primary !== 'none' && !missionIds.has(primary))
    problems.push({ field: 'primary', message: 'Select a mission' });
  if (secondary.some((s) => !missionIds.has(s)))
    problems.push({ field: 'secondary', message: 'Select missions from the list' });
  if ((primary === '' || primary === 'none') && secondary.length > 0)
    problems.push({ field: 'primary', message: 'Select a primary mission, or no secondary missions' });
  const reason = required(raw, 'reason', 'a reason', LIMITS.reason, problems);
  if (problems.length > 0) throw new InputProblems(problems);
  return {
    prefix,
    missions: primary === '' || primary === 'none' ? [] : [primary, ...new Set(secondary)],
    reason,
  };
}

export interface OverrideInput {
  missionId: string;
  action: 'add' | 'remove' | null;
  reason: string;
}

export function readOverrideInput(raw: Raw, missionIds: ReadonlySet<string>): OverrideInput {
  const problems: Problem[] = [];
  const missionId = text(raw, 'missionId');
  if (!missionIds.has(missionId)) problems.push({ field: 'missionId', message: 'Select a mission' });
  const a = text(raw, 'action');
  const action = a === 'add' || a === 'remove' ? a : a === 'withdraw' ? null : undefined;
  if (action === undefined)
    problems.push({ field: 'action', message: 'Select whether to add or remove the mission' });
  const reason = required(raw, 'reason', 'a reason', LIMITS.reason, problems);
  if (problems.length > 0 || action === undefined) throw new InputProblems(problems);
  return { missionId, action, reason };
}
