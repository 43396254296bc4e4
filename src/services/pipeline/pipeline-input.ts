// Checking what an editor sends for a pipeline entry (web form strings or API JSON): every problem is collected as
// "field: message", so a page can show them all in its error summary, and the values come out normalised (CPV as
// 8 digits, money as exact decimals, days as YYYY-MM-DD, ocids deduplicated).
import { compareDecimals } from '../../domain/decimal.js';
import {
  CONFIDENCE_LEVELS,
  PIPELINE_STATUSES,
  PROCUREMENT_ROUTES,
  type PipelineStatus,
} from '../../domain/pipeline.js';
import { AppError } from '../../errors.js';
import type { PipelineFields } from '../../store/pipeline.repository.js';
import {
  cpvOf,
  dayOf,
  regionOf,
  flag,
  money,
  oneOf,
  optional,
  text,
  type FieldProblem as GenericProblem,
} from '../shared/field-input.js';

export const PIPELINE_INPUT_FIELDS = [
  'title',
  'description',
  'cpvCode',
  'deliveryRegion',
  'valueMin',
  'valueMax',
  'procurementStart',
  'contractStart',
  'contractEnd',
  'route',
  'status',
  'confidence',
  'linkedOcids',
  'innovation',
  'published',
] as const;
export type PipelineInputField = (typeof PIPELINE_INPUT_FIELDS)[number];
export type PipelineInputRaw = Partial<Record<PipelineInputField, unknown>>;

export const PIPELINE_LIMITS = { title: 200, description: 5000, ocids: 20, ocid: 200 } as const;
const OCID = /^ocds-[A-Za-z0-9]+-\S+$/;

export type FieldProblem = GenericProblem<PipelineInputField>;

/** The problems as one message (AppError BAD_REQUEST), "field: message; field: message". */
export const problemsMessage = (problems: readonly FieldProblem[]): string =>
  problems.map((p) => `${p.field}: ${p.message}`).join('; ');

/** "field: message; …" back into problems (the web form shows each against its field). */
export function parseProblems(message: string): FieldProblem[] {
  return message.split('; ').map((part) => {
    const i = part.indexOf(': ');
    const field = part.slice(0, i) as PipelineInputField;
    return PIPELINE_INPUT_FIELDS.includes(field)
      ? { field, message: part.slice(i + 2) }
      : { field: 'title', message: part };
  });
}

function ocids(v: unknown, problems: FieldProblem[]): string[] {
  const items = Array.isArray(v) ? v.map(text) : text(v).split(/[\s,]+/);
  const out = [...new Set(items.filter((s) => s !== ''))];
  const bad = out.filter((o) => o.length > PIPELINE_LIMITS.ocid || !OCID.test(o));
  if (bad.length > 0)
    problems.push({ field: 'linkedOcids', message: `"${bad[0]}" is not an OCDS ocid (ocds-prefix-id)` });
  if (out.length > PIPELINE_LIMITS.ocids)
    problems.push({ field: 'linkedOcids', message: `at most ${PIPELINE_LIMITS.ocids} contracts` });
  return out;
}

/** The entry's fields from raw input, or BAD_REQUEST listing every problem. */
export function parsePipelineInput(
  raw: PipelineInputRaw,
  defaultStatus: PipelineStatus = 'idea',
): PipelineFields {
  const problems: FieldProblem[] = [];
  const title = text(raw.title);
  if (title === '') problems.push({ field: 'title', message: 'is required' });
  else if (title.length > PIPELINE_LIMITS.title)
    problems.push({ field: 'title', message: `must be at most ${PIPELINE_LIMITS.title} characters` });
  const description = optional(raw.description);
  if (description !== null && description.length > PIPELINE_LIMITS.description)
    problems.push({
      field: 'description',
      message: `must be at most ${PIPELINE_LIMITS.description} characters`,
    });

  const cpvCode = cpvOf(raw.cpvCode, 'cpvCode', problems);
  const deliveryRegion = regionOf(raw.deliveryRegion, 'deliveryRegion', problems);

  const valueMin = money(raw.valueMin, 'valueMin', problems);
  const valueMax = money(raw.valueMax, 'valueMax', problems);
  if (valueMin !== null && valueMax !== null && compareDecimals(valueMin, valueMax) > 0)
    problems.push({ field: 'valueMax', message: 'must be the same as or more than the lowest estimate' });

  const procurementStart = dayOf(raw.procurementStart, 'procurementStart', problems);
  const contractStart = dayOf(raw.contractStart, 'contractStart', problems);
  const contractEnd = dayOf(raw.contractEnd, 'contractEnd', problems);
  if (contractStart !== null && contractEnd !== null && contractEnd < contractStart)
    problems.push({ field: 'contractEnd', message: 'must be the same as or after the contract start' });

  const route = oneOf(raw.route, Object.keys(PROCUREMENT_ROUTES), 'route', problems);
  const status = oneOf(raw.status, PIPELINE_STATUSES, 'status', problems) ?? defaultStatus;
  const confidence = oneOf(raw.confidence, CONFIDENCE_LEVELS, 'confidence', problems);
  const linkedOcids = ocids(raw.linkedOcids, problems);

  if (problems.length > 0) throw new AppError('BAD_REQUEST', problemsMessage(problems));
  return {
    title,
    description,
    cpvCode,
    deliveryRegion,
    valueMin,
    valueMax,
    procurementStart,
    contractStart,
    contractEnd,
    route,
    status,
    confidence,
    linkedOcids,
    innovation: flag(raw.innovation),
    published: flag(raw.published),
  };
}

/** The fields that differ between two versions, in form order (arrays compared as lists). */
export function diffFields(
  before: PipelineFields | null,
  after: PipelineFields,
): { field: PipelineInputField; before: unknown; after: unknown }[] {
  const out: { field: PipelineInputField; before: unknown; after: unknown }[] = [];
  for (const field of PIPELINE_INPUT_FIELDS) {
    const a = before === null ? null : before[field];
    const b = after[field];
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ field, before: a, after: b });
  }
  return out;
}

export const fieldsOf = (e: PipelineFields): PipelineFields =>
  Object.fromEntries(PIPELINE_INPUT_FIELDS.map((f) => [f, e[f]])) as unknown as PipelineFields;
