// Form and API input for social value (docs/social-value.md), checked into typed values or field problems
// ({ field, message }: the pages show them in the GOV.UK error summary). Pure. Whether the metric exists for the
// contract's buyer and the unit is the metric's is checked by the service, which knows the standard.
import { toDecimal } from '../../domain/decimal.js';
import { checkEvidenceUrl, EVIDENCE_LINKS_MAX, type Verdict } from '../../domain/missions/social-value.js';
import { InputProblems, type Problem } from '../missions/standards-input.js';

type Raw = Record<string, unknown>;

export const SV_LIMITS = { note: 1000, unit: 40, digits: 15 } as const;

const text = (raw: Raw, key: string): string =>
  typeof raw[key] === 'string'
    ? (raw[key] as string).trim()
    : typeof raw[key] === 'number'
      ? String(raw[key])
      : '';

/** YYYY-MM-DD that is a real day, else null. */
export function isoDay(v: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return null;
  const d = new Date(`${v}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v ? null : v;
}

function day(raw: Raw, key: string, label: string, problems: Problem[]): string | null {
  const v = text(raw, key);
  if (v === '') {
    problems.push({ field: key, message: `Enter the ${label}` });
    return null;
  }
  const d = isoDay(v);
  if (d === null) problems.push({ field: key, message: `The ${label} must be a real date like 2026-03-31` });
  return d;
}

/** A quantity: a decimal number, zero or more, at most 15 digits before the point and 4 after. */
function quantity(raw: Raw, key: string, label: string, problems: Problem[]): string {
  const v = text(raw, key).replace(/,/g, '');
  const d = /^\d+(\.\d+)?$/.test(v) ? toDecimal(v) : null;
  if (v === '') problems.push({ field: key, message: `Enter the ${label}` });
  else if (d === null)
    problems.push({ field: key, message: `The ${label} must be a number, like 12 or 3.5` });
  else if (!/^\d{1,15}(\.\d{1,4})?$/.test(d))
    problems.push({
      field: key,
      message: `The ${label} must have at most ${SV_LIMITS.digits} digits before the point and 4 after`,
    });
  return d ?? '0';
}

function period(raw: Raw, problems: Problem[]): { start: string | null; end: string | null } {
  const start = day(raw, 'periodStart', 'start of the period', problems);
  const end = day(raw, 'periodEnd', 'end of the period', problems);
  if (start && end && end < start)
    problems.push({ field: 'periodEnd', message: 'The end of the period must be on or after its start' });
  return { start, end };
}

function note(raw: Raw, key: string, problems: Problem[]): string | null {
  const v = text(raw, key);
  if (v.length > SV_LIMITS.note)
    problems.push({ field: key, message: `The note must be ${SV_LIMITS.note} characters or fewer` });
  return v === '' ? null : v;
}

export interface CommitmentInput {
  metricId: string;
  target: string;
  unit: string;
  timing: 'due' | 'period';
  dueDate: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  note: string | null;
}

export function readCommitmentInput(raw: Raw): CommitmentInput {
  const problems: Problem[] = [];
  const metricId = text(raw, 'metricId');
  if (metricId === '') problems.push({ field: 'metricId', message: 'Select a metric' });
  const target = quantity(raw, 'target', 'target quantity', problems);
  const unit = text(raw, 'unit');
  if (unit === '') problems.push({ field: 'unit', message: 'Enter the unit of the target' });
  else if (unit.length > SV_LIMITS.unit)
    problems.push({ field: 'unit', message: `The unit must be ${SV_LIMITS.unit} characters or fewer` });
  const t = text(raw, 'timing');
  let dueDate: string | null = null;
  let p: { start: string | null; end: string | null } = { start: null, end: null };
  if (t === 'due') dueDate = day(raw, 'dueDate', 'due date', problems);
  else if (t === 'period') p = period(raw, problems);
  else problems.push({ field: 'timing', message: 'Select a due date or a period' });
  const n = note(raw, 'note', problems);
  if (problems.length > 0) throw new InputProblems(problems);
  return {
    metricId,
    target,
    unit,
    timing: t as 'due' | 'period',
    dueDate,
    periodStart: p.start,
    periodEnd: p.end,
    note: n,
  };
}

export interface DeliveryInput {
  quantity: string;
  periodStart: string;
  periodEnd: string;
  evidence: string[];
  note: string | null;
}

/** Evidence links: one per line (a form's textarea) or a list (the API); at least one, each a web address. */
function evidence(raw: Raw, problems: Problem[]): string[] {
  const v = raw.evidence;
  const lines = (Array.isArray(v) ? v : typeof v === 'string' ? v.split(/\r?\n/) : [])
    .filter((s): s is string => typeof s === 'string')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (lines.length === 0) {
    problems.push({ field: 'evidence', message: 'Enter at least one evidence link' });
    return [];
  }
  if (lines.length > EVIDENCE_LINKS_MAX)
    problems.push({ field: 'evidence', message: `Enter at most ${EVIDENCE_LINKS_MAX} evidence links` });
  const urls: string[] = [];
  lines.forEach((line, i) => {
    const c = checkEvidenceUrl(line);
    if (c.ok) urls.push(c.url);
    else problems.push({ field: 'evidence', message: `Evidence link ${i + 1} ${c.reason}` });
  });
  return [...new Set(urls)];
}

export function readDeliveryInput(raw: Raw): DeliveryInput {
  const problems: Problem[] = [];
  const q = quantity(raw, 'quantity', 'quantity delivered', problems);
  const p = period(raw, problems);
  const links = evidence(raw, problems);
  const n = note(raw, 'note', problems);
  if (problems.length > 0 || p.start === null || p.end === null) throw new InputProblems(problems);
  return { quantity: q, periodStart: p.start, periodEnd: p.end, evidence: links, note: n };
}

export interface VerdictInput {
  verdict: Verdict;
  note: string | null;
}

export function readVerdictInput(raw: Raw): VerdictInput {
  const problems: Problem[] = [];
  const v = text(raw, 'verdict');
  if (v !== 'verified' && v !== 'rejected')
    problems.push({ field: 'verdict', message: 'Select whether the evidence verifies the delivery' });
  const n = note(raw, 'note', problems);
  if (v === 'rejected' && n === null)
    problems.push({ field: 'note', message: 'Enter why the report is rejected' });
  if (problems.length > 0) throw new InputProblems(problems);
  return { verdict: v as Verdict, note: n };
}
