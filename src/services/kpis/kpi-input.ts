// Input for the KPI library (docs/kpi-library.md), from web forms (strings), the API (JSON) and the starter set
// (data/reference/kpi-library): a template's fields, or a buyer's tailoring of an attached copy. Every problem is a
// { field, message } (the pages show them in the error summary). Pure.
import {
  DIRECTIONS,
  thresholdProblems,
  type Direction,
  type KpiMeasure,
  type KpiTemplate,
} from '../../domain/kpi-library.js';
import { InputProblems, type Problem } from '../missions/standards-input.js';

export const KPI_LIMITS = { name: 160, text: 2000, short: 200, list: 20 } as const;

type Raw = Record<string, unknown>;

const text = (raw: Raw, key: string): string => {
  const v = raw[key];
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
};

function required(raw: Raw, key: string, label: string, max: number, problems: Problem[]): string {
  const v = text(raw, key);
  if (v === '') problems.push({ field: key, message: `Enter ${label}` });
  else if (v.length > max)
    problems.push({ field: key, message: `${label} must be ${max} characters or fewer` });
  return v;
}

function num(raw: Raw, key: string, label: string, problems: Problem[]): number {
  const v = text(raw, key).replace(/,/g, '');
  const n = Number(v);
  if (v === '' || !Number.isFinite(n) || Math.abs(n) > 1e12) {
    problems.push({ field: key, message: `Enter ${label} as a number, like 95 or 0.5` });
    return 0;
  }
  return n;
}

/** A list from JSON arrays, repeated form fields, or comma/space separated text. */
export function list(raw: Raw, key: string): string[] {
  const v = raw[key];
  const items = Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(/[\s,]+/) : [];
  return [...new Set(items.map((s) => s.trim()).filter((s) => s !== ''))];
}

/** Name, measure, target and thresholds (what an attached copy may tailor), checked against the direction. */
export function readMeasure(raw: Raw, direction: Direction, problems: Problem[]): KpiMeasure {
  const m: KpiMeasure = {
    name: required(raw, 'name', 'a name', KPI_LIMITS.name, problems),
    measure: required(raw, 'measure', 'the measure', KPI_LIMITS.text, problems),
    target: num(raw, 'target', 'the target', problems),
    slightlyBelow: num(raw, 'slightlyBelow', 'where “approaching target” starts', problems),
    below: num(raw, 'below', 'where “requires improvement” starts', problems),
  };
  if (!problems.some((p) => ['target', 'slightlyBelow', 'below'].includes(p.field)))
    problems.push(...thresholdProblems({ ...m, direction }));
  return m;
}

/** A tailored copy's fields, or InputProblems. */
export function readTailoring(raw: Raw, direction: Direction): KpiMeasure {
  const problems: Problem[] = [];
  const m = readMeasure(raw, direction, problems);
  if (problems.length > 0) throw new InputProblems(problems);
  return m;
}

export type TemplateFields = Omit<KpiTemplate, 'id' | 'template' | 'status'>;

/**
 * A template's fields, or InputProblems. `knownOutcomes`: outcome ids of the national standard (a library item is
 * national: regional and local outcomes are tailored by the buyer when attaching).
 */
export function readTemplate(raw: Raw, knownOutcomes: ReadonlySet<string>): TemplateFields {
  const problems: Problem[] = [];
  const dir = text(raw, 'direction');
  const direction = (DIRECTIONS as readonly string[]).includes(dir) ? (dir as Direction) : null;
  if (direction === null)
    problems.push({ field: 'direction', message: 'Select whether higher or lower is better' });
  const measure = readMeasure(raw, direction ?? 'higher', problems);
  const cpvDivisions = list(raw, 'cpvDivisions');
  const badCpv = cpvDivisions.find((d) => !/^\d{2}$/.test(d));
  if (badCpv !== undefined)
    problems.push({
      field: 'cpvDivisions',
      message: `“${badCpv}” is not a CPV division (2 digits, like 45)`,
    });
  const outcomeIds = list(raw, 'outcomeIds');
  if (outcomeIds.length === 0) problems.push({ field: 'outcomeIds', message: 'Select at least one outcome' });
  const unknown = outcomeIds.find((o) => !knownOutcomes.has(o));
  if (unknown !== undefined)
    problems.push({ field: 'outcomeIds', message: `${unknown} is not an outcome of the national standard` });
  if (cpvDivisions.length > KPI_LIMITS.list || outcomeIds.length > KPI_LIMITS.list)
    problems.push({ field: 'outcomeIds', message: `At most ${KPI_LIMITS.list} outcomes and divisions` });
  const example = (kind: 'good' | 'bad', label: string) => {
    const nested = (raw[kind] ?? {}) as Raw;
    const src = typeof raw[kind] === 'object' && raw[kind] !== null ? nested : raw;
    const prefix = src === raw ? kind : '';
    const key = (k: string) => (prefix ? `${prefix}${k[0]!.toUpperCase()}${k.slice(1)}` : k);
    const t = text(src, key('text'));
    const why = text(src, key('why'));
    const field = `${kind}Text`;
    if (t === '' || why === '') problems.push({ field, message: `Enter the ${label} example and why` });
    else if (t.length > KPI_LIMITS.text || why.length > KPI_LIMITS.text)
      problems.push({
        field,
        message: `The ${label} example must be ${KPI_LIMITS.text} characters or fewer`,
      });
    return { text: t, why };
  };
  const fields: TemplateFields = {
    ...measure,
    outcomeStatement: required(raw, 'outcomeStatement', 'the outcome statement', KPI_LIMITS.text, problems),
    unit: text(raw, 'unit').slice(0, KPI_LIMITS.short),
    direction: direction ?? 'higher',
    frequency: required(raw, 'frequency', 'how often it is reported', KPI_LIMITS.short, problems),
    category: required(raw, 'category', 'a category', KPI_LIMITS.short, problems),
    cpvDivisions,
    outcomeIds,
    good: example('good', 'good'),
    bad: example('bad', 'bad'),
    source: required(raw, 'source', 'what informed it', KPI_LIMITS.text, problems),
  };
  if (problems.length > 0) throw new InputProblems(problems);
  return fields;
}
