// Checking what an editor sends for an engagement exercise or a no-engagement rationale (web form strings or API
// JSON). Every problem is collected as "field: message" (one AppError BAD_REQUEST), so a page can show them all in
// its error summary; participants' rows that are wholly blank are dropped, and a row's flags default to not known.
import {
  ENGAGEMENT_FORMATS,
  PARTICIPANT_FLAGS,
  TRI_STATES,
  type Participant,
  type TriState,
} from '../../domain/engagement.js';
import { isDay } from '../../domain/rules/index.js';
import { AppError } from '../../errors.js';
import type { ExerciseFields } from '../../store/engagement.repository.js';

export const EXERCISE_FIELDS = [
  'purpose',
  'startDate',
  'endDate',
  'format',
  'questions',
  'participants',
  'summary',
  'requirementChanges',
  'tenderOcid',
] as const;
export type ExerciseField = (typeof EXERCISE_FIELDS)[number] | 'rationale';

export interface ParticipantRaw {
  name?: unknown;
  identifier?: unknown;
  sme?: unknown;
  vcse?: unknown;
  local?: unknown;
}
export type ExerciseInputRaw = Partial<
  Record<Exclude<ExerciseField, 'participants' | 'rationale'>, unknown>
> & {
  participants?: ParticipantRaw[] | unknown;
};

export const ENGAGEMENT_LIMITS = {
  purpose: 1000,
  text: 5000,
  participants: 200,
  name: 200,
  identifier: 100,
  ocid: 200,
} as const;
const OCID = /^ocds-[A-Za-z0-9]+-\S+$/;

export interface Problem {
  field: ExerciseField;
  message: string;
}

export const problemsText = (problems: readonly Problem[]): string =>
  problems.map((p) => `${p.field}: ${p.message}`).join('; ');

/** "field: message; …" back into problems, for the error summary. */
export function problemsOf(message: string): Problem[] {
  const known: readonly string[] = [...EXERCISE_FIELDS, 'rationale'];
  return message.split('; ').map((part) => {
    const i = part.indexOf(': ');
    const field = part.slice(0, i);
    return known.includes(field)
      ? { field: field as ExerciseField, message: part.slice(i + 2) }
      : { field: 'purpose', message: part };
  });
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : v == null ? '' : String(v).trim());

function longText(v: unknown, field: ExerciseField, max: number, problems: Problem[]): string | null {
  const s = str(v);
  if (s.length > max) problems.push({ field, message: `must be at most ${max} characters` });
  return s === '' ? null : s;
}

function day(v: unknown, field: ExerciseField, problems: Problem[]): string | null {
  const s = str(v);
  if (s === '') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(s) && isDay(s)) return s;
  problems.push({ field, message: 'must be a real date' });
  return null;
}

function tri(v: unknown): TriState | undefined {
  if (v === true) return 'yes';
  if (v === false) return 'no';
  const s = str(v).toLowerCase();
  if (s === '' || s === 'unknown' || s === 'not known') return 'unknown';
  return (TRI_STATES as readonly string[]).includes(s) ? (s as TriState) : undefined;
}

function participants(v: unknown, problems: Problem[]): Participant[] {
  if (v !== undefined && v !== null && !Array.isArray(v)) {
    problems.push({ field: 'participants', message: 'must be a list' });
    return [];
  }
  const out: Participant[] = [];
  ((v as ParticipantRaw[] | undefined) ?? []).forEach((raw, i) => {
    const row = `row ${i + 1}`;
    const name = str(raw?.name);
    const identifier = str(raw?.identifier);
    if (name === '' && identifier === '') return;
    if (name === '')
      problems.push({ field: 'participants', message: `${row}: enter the organisation’s name` });
    if (name.length > ENGAGEMENT_LIMITS.name)
      problems.push({ field: 'participants', message: `${row}: name must be at most 200 characters` });
    if (identifier.length > ENGAGEMENT_LIMITS.identifier)
      problems.push({ field: 'participants', message: `${row}: identifier must be at most 100 characters` });
    const p: Participant = {
      name,
      identifier: identifier || null,
      sme: 'unknown',
      vcse: 'unknown',
      local: 'unknown',
    };
    for (const f of PARTICIPANT_FLAGS) {
      const t = tri(raw?.[f]);
      if (t === undefined)
        problems.push({ field: 'participants', message: `${row}: ${f} must be yes, no or unknown` });
      else p[f] = t;
    }
    out.push(p);
  });
  if (out.length > ENGAGEMENT_LIMITS.participants)
    problems.push({
      field: 'participants',
      message: `at most ${ENGAGEMENT_LIMITS.participants} participants`,
    });
  return out;
}

/** The exercise's fields from raw input, or BAD_REQUEST listing every problem (the tender is checked later). */
export function parseExerciseInput(raw: ExerciseInputRaw): ExerciseFields {
  const problems: Problem[] = [];
  const purpose = longText(raw.purpose, 'purpose', ENGAGEMENT_LIMITS.purpose, problems);
  if (purpose === null) problems.push({ field: 'purpose', message: 'is required' });
  const startDate = day(raw.startDate, 'startDate', problems);
  const endDate = day(raw.endDate, 'endDate', problems);
  if (startDate !== null && endDate !== null && endDate < startDate)
    problems.push({ field: 'endDate', message: 'must be the same as or after the start date' });
  const format = str(raw.format);
  if (!(ENGAGEMENT_FORMATS as readonly string[]).includes(format))
    problems.push({ field: 'format', message: `must be one of ${ENGAGEMENT_FORMATS.join(', ')}` });
  const tenderOcid = str(raw.tenderOcid) || null;
  if (tenderOcid !== null && (tenderOcid.length > ENGAGEMENT_LIMITS.ocid || !OCID.test(tenderOcid)))
    problems.push({ field: 'tenderOcid', message: 'must be an OCDS ocid (ocds-prefix-id)' });
  const fields: ExerciseFields = {
    purpose: purpose ?? '',
    startDate,
    endDate,
    format,
    questions: longText(raw.questions, 'questions', ENGAGEMENT_LIMITS.text, problems),
    participants: participants(raw.participants, problems),
    summary: longText(raw.summary, 'summary', ENGAGEMENT_LIMITS.text, problems),
    requirementChanges: longText(
      raw.requirementChanges,
      'requirementChanges',
      ENGAGEMENT_LIMITS.text,
      problems,
    ),
    tenderOcid,
  };
  if (problems.length > 0) throw new AppError('BAD_REQUEST', problemsText(problems));
  return fields;
}

/** A no-engagement rationale (blank clears it). */
export function parseRationale(raw: unknown): string | null {
  const problems: Problem[] = [];
  const r = longText(raw, 'rationale', ENGAGEMENT_LIMITS.text, problems);
  if (problems.length > 0) throw new AppError('BAD_REQUEST', problemsText(problems));
  return r;
}
