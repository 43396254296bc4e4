// The rolling pipeline's rules (issue 7, item 2): the lifecycle of an entry, its confidence and procurement route,
// and the UK financial years the pipeline is grouped by. Pure: no I/O, no clock (the "today" comes in).
import { addMonths, financialYearEnd, financialYearStart, type Day } from './rules/index.js';

export const PIPELINE_STATUSES = ['idea', 'planned', 'in-market', 'awarded', 'cancelled'] as const;
export type PipelineStatus = (typeof PIPELINE_STATUSES)[number];

export const STATUS_LABELS: Readonly<Record<PipelineStatus, string>> = {
  idea: 'Idea',
  planned: 'Planned',
  'in-market': 'In market',
  awarded: 'Awarded',
  cancelled: 'Cancelled',
};

/**
 * Where an entry may go next. Forward along idea → planned → in market → awarded; a plan can step back to an idea;
 * anything not yet awarded can be cancelled; a cancelled entry can be revived as an idea. Awarded is final: the
 * contract is then in the published data.
 */
export const STATUS_TRANSITIONS: Readonly<Record<PipelineStatus, readonly PipelineStatus[]>> = {
  idea: ['planned', 'cancelled'],
  planned: ['idea', 'in-market', 'cancelled'],
  'in-market': ['awarded', 'cancelled'],
  awarded: [],
  cancelled: ['idea'],
};

export const canMove = (from: PipelineStatus, to: PipelineStatus): boolean =>
  from === to || STATUS_TRANSITIONS[from].includes(to);

export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/**
 * How the buyer expects to procure, with the OCDS `procurementMethod` each maps to (OCDS 1.1 codelist: open,
 * selective, limited, direct) and the words FTS uses in `procurementMethodDetails`.
 */
export const PROCUREMENT_ROUTES = {
  open: { label: 'Open procedure', ocds: 'open' },
  'competitive-flexible': { label: 'Competitive flexible procedure', ocds: 'selective' },
  'direct-award': { label: 'Direct award', ocds: 'direct' },
  'framework-call-off': { label: 'Call-off from a framework', ocds: 'selective' },
  'dynamic-market': { label: 'Award under a dynamic market', ocds: 'selective' },
  'below-threshold': { label: 'Below threshold - open competition', ocds: 'open' },
  other: { label: 'Other or not yet decided', ocds: null },
} as const satisfies Record<string, { label: string; ocds: string | null }>;
export type ProcurementRoute = keyof typeof PROCUREMENT_ROUTES;
export const ROUTE_IDS = Object.keys(PROCUREMENT_ROUTES) as ProcurementRoute[];

/** The three financial years of a rolling pipeline as of a day: this one (1 April – 31 March) and the next two. */
export interface FinancialYear {
  start: Day;
  end: Day;
  /** `FY 2026-27`. */
  label: string;
}

export function financialYear(start: Day): FinancialYear {
  const y = Number(start.slice(0, 4));
  return { start, end: financialYearEnd(start), label: `FY ${y}-${String((y + 1) % 100).padStart(2, '0')}` };
}

export const PIPELINE_YEARS = 3;

export function rollingYears(asOf: Day, years = PIPELINE_YEARS): FinancialYear[] {
  const first = financialYearStart(asOf);
  return Array.from({ length: years }, (_, i) => financialYear(addMonths(first, 12 * i)));
}

/** Which group an entry's estimated procurement start puts it in. */
export type YearGroup = 'earlier' | 'later' | 'undated' | Day;

export function yearGroup(procurementStart: Day | null, years: readonly FinancialYear[]): YearGroup {
  if (procurementStart === null) return 'undated';
  if (years.length === 0 || procurementStart < years[0]!.start) return 'earlier';
  const fy = years.find((y) => procurementStart >= y.start && procurementStart <= y.end);
  return fy ? fy.start : 'later';
}

/** Missions and outcomes tagged on an entry (standards catalogue ids; docs/pipeline.md). */
export interface MissionTags {
  missionIds: string[];
  outcomeIds: string[];
}

/** The tags stored on an entry (the `missions` column), empty when none. */
export function missionTags(stored: unknown): MissionTags {
  const o = (stored ?? {}) as Partial<Record<keyof MissionTags, unknown>>;
  const ids = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return { missionIds: ids(o.missionIds), outcomeIds: ids(o.outcomeIds) };
}
