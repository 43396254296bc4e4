// The outcome-focused KPI library (docs/kpi-library.md): KPI templates with an outcome statement, a measure, a
// target and the thresholds of the four UK9 ratings (domain.md §2.3), by category (CPV division) and by outcome of
// the standards catalogue, each with a good and a bad example. The rating of a value against a KPI, checks of a
// template or a tailored copy, and the library search are pure functions here; the store holds the copies.

export type Direction = 'higher' | 'lower';
export const DIRECTIONS: readonly Direction[] = ['higher', 'lower'];

/** The four statutory UK9 ratings with their OCDS `measureClassification` codes (domain.md §2.3), best first. */
export const RATINGS = [
  { code: 'met', label: 'Good', meaning: 'meeting or exceeding the KPI' },
  { code: 'slightlyBelow', label: 'Approaching target', meaning: 'close to meeting it' },
  { code: 'below', label: 'Requires improvement', meaning: 'below the KPI' },
  { code: 'significantlyBelow', label: 'Inadequate', meaning: 'significantly below the KPI' },
] as const;
export type RatingCode = (typeof RATINGS)[number]['code'];

/**
 * The rating bands: `met` from the target, `slightlyBelow` from the first threshold, `below` from the second,
 * `significantlyBelow` beyond it ("from" = at or better than, in the KPI's direction).
 */
export interface Thresholds {
  target: number;
  slightlyBelow: number;
  below: number;
}

/** What a rated KPI's code is derived from: the unit and direction with the target and thresholds. */
export interface RatedMeasure extends Thresholds {
  unit: string;
  direction: Direction;
}

/** What a buyer may tailor when attaching a template (the direction and unit stay: they are its meaning). */
export interface KpiMeasure extends Thresholds {
  name: string;
  measure: string;
}

export interface KpiExample {
  text: string;
  why: string;
}

export interface KpiTemplate extends KpiMeasure {
  id: string;
  outcomeStatement: string;
  unit: string;
  direction: Direction;
  /** Reporting frequency, e.g. "monthly, rated annually". */
  frequency: string;
  /** Category label (e.g. "Construction and works") and the CPV divisions it covers (2 digits). */
  category: string;
  cpvDivisions: string[];
  /** Outcome identifiers of the standards catalogue (missions come from them). */
  outcomeIds: string[];
  good: KpiExample;
  bad: KpiExample;
  source: string;
  /** Every library item is a template: a starting point a buyer copies and tailors. */
  template: true;
  status: 'active' | 'retired';
}

/** Whether `value` is at or better than `bound` in the KPI's direction. */
const atLeast = (direction: Direction, value: number, bound: number): boolean =>
  direction === 'higher' ? value >= bound : value <= bound;

/** The UK9 rating of an observed value. */
export function rate(k: Thresholds & { direction: Direction }, value: number): RatingCode {
  if (atLeast(k.direction, value, k.target)) return 'met';
  if (atLeast(k.direction, value, k.slightlyBelow)) return 'slightlyBelow';
  if (atLeast(k.direction, value, k.below)) return 'below';
  return 'significantlyBelow';
}

export const ratingLabel = (code: RatingCode): string => RATINGS.find((r) => r.code === code)!.label;

/** The four bands as text, e.g. "95 % or more", for pages and CSV. */
export function bands(k: Thresholds & { direction: Direction; unit: string }): Record<RatingCode, string> {
  const u = (n: number) => `${n}${k.unit ? ` ${k.unit}` : ''}`;
  const better = k.direction === 'higher' ? 'or more' : 'or less';
  const worse = k.direction === 'higher' ? 'less than' : 'more than';
  const between = (from: number, to: number) => `${u(from)} ${better}, ${worse} ${u(to)}`;
  return {
    met: `${u(k.target)} ${better}`,
    slightlyBelow: between(k.slightlyBelow, k.target),
    below: between(k.below, k.slightlyBelow),
    significantlyBelow: `${worse} ${u(k.below)}`,
  };
}

/** Problems with thresholds: the bands must be ordered in the KPI's direction. */
export function thresholdProblems(
  k: Thresholds & { direction: Direction },
): Array<{ field: keyof Thresholds; message: string }> {
  const out: Array<{ field: keyof Thresholds; message: string }> = [];
  const word = k.direction === 'higher' ? 'at most' : 'at least';
  if (!atLeast(k.direction, k.target, k.slightlyBelow))
    out.push({ field: 'slightlyBelow', message: `“Approaching target” must start ${word} the target` });
  if (!atLeast(k.direction, k.slightlyBelow, k.below))
    out.push({
      field: 'below',
      message: `“Requires improvement” must start ${word} where “approaching target” starts`,
    });
  return out;
}

export interface LibraryFilters {
  text?: string;
  /** CPV division (2 digits) or a longer code, matched on its division. */
  cpv?: string;
  outcome?: string;
  mission?: string;
  includeRetired?: boolean;
}

const words = (s: string): string[] =>
  s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);

/**
 * Templates matching every filter, best text match first, then by category and name. Text matches every word
 * anywhere in the template's words (name, statement, measure, category, examples); `missionOf` maps an outcome id
 * to its mission.
 */
export function searchLibrary(
  items: readonly KpiTemplate[],
  f: LibraryFilters,
  missionOf: (outcomeId: string) => string | undefined,
): KpiTemplate[] {
  const terms = words(f.text ?? '');
  const division = f.cpv ? f.cpv.replace(/\D/g, '').slice(0, 2) : '';
  const scored = items.flatMap((t) => {
    if (!f.includeRetired && t.status === 'retired') return [];
    // A template with no division ("All categories") applies to every category.
    if (division && t.cpvDivisions.length > 0 && !t.cpvDivisions.includes(division)) return [];
    if (f.outcome && !t.outcomeIds.includes(f.outcome)) return [];
    if (f.mission && !t.outcomeIds.some((o) => missionOf(o) === f.mission)) return [];
    if (terms.length === 0) return [{ t, score: 0 }];
    const title = new Set(words(t.name));
    const body = new Set(
      words([t.name, t.outcomeStatement, t.measure, t.category, t.good.text, t.bad.text, t.id].join(' ')),
    );
    if (!terms.every((w) => [...body].some((b) => b.startsWith(w)))) return [];
    return [{ t, score: terms.filter((w) => [...title].some((b) => b.startsWith(w))).length }];
  });
  return scored
    .sort(
      (a, b) =>
        b.score - a.score || a.t.category.localeCompare(b.t.category) || a.t.name.localeCompare(b.t.name),
    )
    .map((s) => s.t);
}

/** Missions of a template, in catalogue order of first appearance. */
export const missionsOf = (t: KpiTemplate, missionOf: (o: string) => string | undefined): string[] => [
  ...new Set(t.outcomeIds.map(missionOf).filter((m): m is string => m !== undefined)),
];
