// Checking what an editor sends for an opportunity (web form strings or API JSON), and the public list's query.
// Every problem is collected as "field: message"; missions and outcomes must be in the standards catalogue
// (docs/missions.md), and an outcome brings its mission with it.
import { compareDecimals } from '../../domain/decimal.js';
import {
  OPPORTUNITY_LIMITS,
  OPPORTUNITY_STATUSES,
  PUBLIC_STATUSES,
  type OpportunityStatus,
} from '../../domain/opportunity.js';
import { AppError } from '../../errors.js';
import {
  OPPORTUNITY_SORTS,
  type OpportunityFields,
  type OpportunitySort,
} from '../../store/opportunity.repository.js';
import { EMAIL } from '../quality-input.js';
import {
  boundedText,
  cpvOf,
  dayOf,
  money,
  oneOf,
  regionOf,
  text,
  type FieldProblem,
} from '../shared/field-input.js';

export const OPPORTUNITY_INPUT_FIELDS = [
  'title',
  'problem',
  'outcomesSought',
  'missionIds',
  'outcomeIds',
  'windowStart',
  'windowEnd',
  'budgetMin',
  'budgetMax',
  'cpvCode',
  'region',
  'contactName',
  'contactEmail',
  'status',
] as const;
export type OpportunityInputField = (typeof OPPORTUNITY_INPUT_FIELDS)[number];
export type OpportunityInputRaw = Partial<Record<OpportunityInputField, unknown>>;

const REGION = /^(UK|TL)[A-Z0-9]{0,3}$/;

/** What the catalogue knows of the ids sent: every mission, and each sent outcome's mission. */
export interface Catalogue {
  missions: ReadonlySet<string>;
  /** outcome id → its mission (only outcomes that exist and are not retired). */
  outcomes: ReadonlyMap<string, string>;
}

/** A list of ids from an array or a comma / space separated string, deduplicated. */
export const idList = (v: unknown): string[] => [
  ...new Set((Array.isArray(v) ? v.map(text) : text(v).split(/[\s,]+/)).filter((s) => s !== '')),
];

export const problemsMessage = (problems: readonly FieldProblem<string>[]): string =>
  problems.map((p) => `${p.field}: ${p.message}`).join('; ');

export function parseOpportunityInput(raw: OpportunityInputRaw, catalogue: Catalogue): OpportunityFields {
  const problems: FieldProblem<OpportunityInputField>[] = [];
  const L = OPPORTUNITY_LIMITS;
  const title = boundedText(raw.title, 'title', L.title, problems, true) ?? '';
  const problem = boundedText(raw.problem, 'problem', L.problem, problems, true) ?? '';
  const outcomesSought =
    boundedText(raw.outcomesSought, 'outcomesSought', L.outcomesSought, problems, true) ?? '';

  const outcomeIds = idList(raw.outcomeIds);
  const unknownOutcome = outcomeIds.find((id) => !catalogue.outcomes.has(id));
  if (unknownOutcome !== undefined)
    problems.push({
      field: 'outcomeIds',
      message: `"${unknownOutcome}" is not an outcome in the standards catalogue`,
    });
  if (outcomeIds.length > L.outcomeIds)
    problems.push({ field: 'outcomeIds', message: `at most ${L.outcomeIds} outcomes` });
  const missionIds = idList(raw.missionIds);
  const unknownMission = missionIds.find((id) => !catalogue.missions.has(id));
  if (unknownMission !== undefined)
    problems.push({ field: 'missionIds', message: `"${unknownMission}" is not a mission` });
  for (const id of outcomeIds) {
    const mission = catalogue.outcomes.get(id);
    if (mission !== undefined && !missionIds.includes(mission)) missionIds.push(mission);
  }
  if (missionIds.length === 0) problems.push({ field: 'missionIds', message: 'choose at least one mission' });

  const windowStart = dayOf(raw.windowStart, 'windowStart', problems);
  const windowEnd = dayOf(raw.windowEnd, 'windowEnd', problems);
  if (windowStart !== null && windowEnd !== null && windowEnd < windowStart)
    problems.push({ field: 'windowEnd', message: 'must be the same as or after the start of the window' });
  const budgetMin = money(raw.budgetMin, 'budgetMin', problems);
  const budgetMax = money(raw.budgetMax, 'budgetMax', problems);
  if (budgetMin !== null && budgetMax !== null && compareDecimals(budgetMin, budgetMax) > 0)
    problems.push({ field: 'budgetMax', message: 'must be the same as or more than the lowest budget' });

  const cpvCode = cpvOf(raw.cpvCode, 'cpvCode', problems);
  const region = regionOf(raw.region, 'region', problems);

  const contactName = boundedText(raw.contactName, 'contactName', L.contactName, problems, true) ?? '';
  const contactEmail = text(raw.contactEmail).toLowerCase();
  if (contactEmail === '') problems.push({ field: 'contactEmail', message: 'is required' });
  else if (contactEmail.length > 254 || !EMAIL.test(contactEmail))
    problems.push({ field: 'contactEmail', message: 'must be an email address, like name@example.gov.uk' });
  const status = oneOf(raw.status, OPPORTUNITY_STATUSES, 'status', problems) ?? 'draft';

  if (problems.length > 0) throw new AppError('BAD_REQUEST', problemsMessage(problems));
  return {
    title,
    problem,
    outcomesSought,
    missionIds,
    outcomeIds,
    windowStart,
    windowEnd,
    budgetMin,
    budgetMax,
    cpvCode,
    region,
    contactName,
    contactEmail,
    status,
  };
}

export const OPPORTUNITY_PAGE_SIZE = 20;
export const OPPORTUNITY_MAX_PAGE_SIZE = 100;

export interface OpportunityQueryInput {
  mission?: string | undefined;
  region?: string | undefined;
  status?: string | undefined;
  sort?: string | undefined;
  page?: string | number | undefined;
  pageSize?: string | number | undefined;
}

export interface OpportunityQuery {
  missionId?: string;
  region?: string;
  statuses: readonly OpportunityStatus[];
  sort: OpportunitySort;
  page: number;
  pageSize: number;
}

const whole = (v: unknown, fallback: number, max: number): number | null => {
  const t = text(v);
  if (t === '') return fallback;
  return /^\d{1,6}$/.test(t) && Number(t) >= 1 && Number(t) <= max ? Number(t) : null;
};

/** The public list's filters, or BAD_REQUEST naming each bad one. Statuses: published and closed only. */
export function parseOpportunityQuery(
  q: OpportunityQueryInput,
  missions: ReadonlySet<string>,
): OpportunityQuery {
  const problems: FieldProblem<keyof OpportunityQueryInput>[] = [];
  const mission = text(q.mission);
  if (mission !== '' && !missions.has(mission))
    problems.push({ field: 'mission', message: 'is not a mission' });
  const region = text(q.region).toUpperCase();
  if (region !== '' && !REGION.test(region))
    problems.push({ field: 'region', message: 'must be an ITL region code, like UKF' });
  const status = oneOf(q.status, PUBLIC_STATUSES, 'status', problems);
  const sort = oneOf(q.sort, OPPORTUNITY_SORTS, 'sort', problems) ?? 'published';
  const page = whole(q.page, 1, 10_000);
  if (page === null) problems.push({ field: 'page', message: 'must be a whole number from 1 to 10,000' });
  const pageSize = whole(q.pageSize, OPPORTUNITY_PAGE_SIZE, OPPORTUNITY_MAX_PAGE_SIZE);
  if (pageSize === null)
    problems.push({
      field: 'pageSize',
      message: `must be a whole number from 1 to ${OPPORTUNITY_MAX_PAGE_SIZE}`,
    });
  if (problems.length > 0) throw new AppError('BAD_REQUEST', problemsMessage(problems));
  return {
    ...(mission ? { missionId: mission } : {}),
    ...(region ? { region } : {}),
    statuses: status ? [status] : PUBLIC_STATUSES,
    sort,
    page: page ?? 1,
    pageSize: pageSize ?? OPPORTUNITY_PAGE_SIZE,
  };
}
