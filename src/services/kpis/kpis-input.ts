// Form and API input for entered KPIs and their ratings (docs/kpis.md), checked into typed values or field problems
// (the GOV.UK error summary shape). A day is `YYYY-MM-DD`, or the three fields of a GOV.UK date input
// (`<name>-day`, `-month`, `-year`). Pure.
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

export function readRatingInput(raw: Raw, today: string): NewRating {
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
  const rating = text(raw, 'rating');
  if (!isRatingCode(rating))
    problems.push({
      field: 'rating',
      message: `Choose a rating: ${RATING_CODES.map((c) => ratingLabel(c)).join(', ')}`,
    });
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
    rating: rating as NewRating['rating'],
    comment,
    evidenceUrl,
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
