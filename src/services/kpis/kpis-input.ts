// Form and API input for entered KPIs and their ratings (docs/kpis.md), checked into typed values or field problems
// (the GOV.UK error summary shape). A day is `YYYY-MM-DD`, or the three fields of a GOV.UK date input
// (`<name>-day`, `-month`, `-year`). Pure.
import { rate, type RatedMeasure } from '../../domain/kpi-library.js';
import { isRatingCode, ratingLabel, RATING_CODES } from '../../domain/kpi-rating.js';
import { isDay } from '../../domain/rules/index.js';
import type { NewKpi, NewRating } from '../../store/kpi.repository.js';
import { InputProblems, type Problem } from '../missions/standards-input.js';

export const KPI_LIMITS = { title: 200, text: 2000, target: 500, templateRef: 200, url: 1000 } as const;

type Raw = Record<string, unknown>;
const text = (raw: Raw, key: string): string =>
  typeof raw[key] === 'string' ? (raw[key] as string).trim() : '';

function optional(raw: Raw, key: string, label: string, max: number, problems: Problem[]): string | null {
  const v = text(raw, key);
  if (v.length > max) problems.push({ field: key, message: `${label} must be ${max} characters or fewer` });
  return v === '' ? null : v;
}

/** A day from `key` or its day/month/year fields; problems name the field the error summary links to. */
export function readDay(raw: Raw, key: string, label: string, problems: Problem[]): string | null {
  const whole = text(raw, key);
  const [d, m, y] = ['day', 'month', 'year'].map((p) => text(raw, `${key}-${p}`));
  const parts = [d, m, y].some((p) => p !== '');
  if (whole === '' && !parts) {
    problems.push({ field: parts ? `${key}-day` : key, message: `Enter ${label}` });
    return null;
  }
  const value = whole !== '' ? whole : `${y!.padStart(4, '0')}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isDay(value) || (parts && !/^\d{4}$/.test(y!))) {
    problems.push({
      field: parts ? `${key}-day` : key,
      message: `${label[0]!.toUpperCase()}${label.slice(1)} must be a real date`,
    });
    return null;
  }
  return value;
}

export function readKpiInput(ocid: string, raw: Raw): NewKpi {
  const problems: Problem[] = [];
  const title = text(raw, 'title');
  if (title === '') problems.push({ field: 'title', message: 'Enter the KPI' });
  else if (title.length > KPI_LIMITS.title)
    problems.push({ field: 'title', message: `The KPI must be ${KPI_LIMITS.title} characters or fewer` });
  const description = optional(raw, 'description', 'The description', KPI_LIMITS.text, problems);
  const target = optional(raw, 'target', 'The target', KPI_LIMITS.target, problems);
  const templateRef = optional(
    raw,
    'templateRef',
    'The template reference',
    KPI_LIMITS.templateRef,
    problems,
  );
  const every = text(raw, 'intervalMonths');
  let intervalMonths: number | null = null;
  if (every !== '') {
    intervalMonths = /^\d{1,2}$/.test(every) ? Number(every) : NaN;
    if (!(intervalMonths >= 1 && intervalMonths <= 12))
      problems.push({
        field: 'intervalMonths',
        message:
          'Rate at least every 12 months: enter a whole number of months from 1 to 12, or leave it empty',
      });
  }
  if (problems.length > 0) throw new InputProblems(problems);
  return { ocid, title, description, target, intervalMonths, templateRef };
}

/** A measured value: a finite number (commas as thousands separators allowed); null when left empty. */
function readMeasuredValue(raw: Raw, problems: Problem[]): number | null {
  const v = raw.measuredValue;
  const t = (typeof v === 'number' ? String(v) : typeof v === 'string' ? v : '').trim().replace(/,/g, '');
  if (t === '') return null;
  const n = /^[-+]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(n) || Math.abs(n) > 1e12) {
    problems.push({
      field: 'measuredValue',
      message: 'Enter the measured value as a number, like 95 or 0.5',
    });
    return null;
  }
  return n;
}

/**
 * The rating's code. With a measure (a KPI made from a library template, with its thresholds) the code is derived
 * from the measured value by `rate()`; an entered code must then agree with it, and the only code entered without a
 * value is `other` (performance the four bands cannot describe). Without a measure the code is entered directly
 * (a measured value may be recorded beside it).
 */
function ratingCode(
  raw: Raw,
  measure: RatedMeasure | null,
  value: number | null,
  problems: Problem[],
): NewRating['rating'] | null {
  const entered = text(raw, 'rating');
  if (entered !== '' && !isRatingCode(entered)) {
    problems.push({
      field: 'rating',
      message: `Choose a rating: ${RATING_CODES.map((c) => ratingLabel(c)).join(', ')}`,
    });
    return null;
  }
  if (measure === null) {
    if (entered === '')
      problems.push({
        field: 'rating',
        message: `Choose a rating: ${RATING_CODES.map((c) => ratingLabel(c)).join(', ')}`,
      });
    return entered === '' ? null : (entered as NewRating['rating']);
  }
  if (value === null) {
    if (entered === 'other') return 'other';
    if (!problems.some((p) => p.field === 'measuredValue'))
      problems.push({
        field: 'measuredValue',
        message: `Enter the measured value (${measure.unit || 'in the KPI’s unit'}): the rating follows from the thresholds`,
      });
    return null;
  }
  const derived = rate(measure, value);
  if (entered !== '' && entered !== derived) {
    problems.push({
      field: 'rating',
      message: `A measured value of ${value} gives “${ratingLabel(derived)}” by this KPI’s thresholds, not “${ratingLabel(entered as NewRating['rating'])}”: leave the rating empty or change the value`,
    });
    return null;
  }
  return derived;
}

export function readRatingInput(raw: Raw, today: string, measure: RatedMeasure | null = null): NewRating {
  const problems: Problem[] = [];
  const periodStart = readDay(raw, 'periodStart', 'the first day of the period rated', problems);
  const periodEnd = readDay(raw, 'periodEnd', 'the last day of the period rated', problems);
  if (periodStart !== null && periodEnd !== null && periodStart > periodEnd)
    problems.push({
      field: 'periodEnd',
      message: 'The last day of the period must be on or after its first day',
    });
  if (periodStart !== null && periodStart > today)
    problems.push({
      field: 'periodStart',
      message: 'The period rated must have started: it cannot be in the future',
    });
  const measuredValue = readMeasuredValue(raw, problems);
  const rating = ratingCode(raw, measure, measuredValue, problems);
  const comment = optional(raw, 'comment', 'The comment', KPI_LIMITS.text, problems);
  const evidenceUrl = optional(raw, 'evidenceUrl', 'The evidence link', KPI_LIMITS.url, problems);
  if (evidenceUrl !== null && !isHttpUrl(evidenceUrl))
    problems.push({
      field: 'evidenceUrl',
      message: 'Enter the evidence link as a web address starting https:// or http://',
    });
  if (problems.length > 0) throw new InputProblems(problems);
  return {
    periodStart: periodStart!,
    periodEnd: periodEnd!,
    rating: rating!,
    comment,
    evidenceUrl,
    measuredValue,
  };
}

function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}
