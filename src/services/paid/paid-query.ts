// The paid-money query (docs/paid-money.md): a buyer or a place (ITL/NUTS code or local authority code), a period of UK days (the market
// analytics' default and limit), the period kind of the breakdown and the contract-matching slack. Pure.
import { DEFAULT_MATCH_SLACK_DAYS, PERIOD_KINDS, type PeriodKind } from '../../analytics/paid/index.js';
import { normaliseLaCode } from '../../domain/local-authority.js';
import { normaliseRegion } from '../../domain/region.js';
import type { Day } from '../../domain/rules/index.js';
import { AppError } from '../../errors.js';
import { checkPeriod } from '../market/market-query.js';

export interface PaidQueryInput {
  buyerId?: string | number | undefined;
  place?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  period?: string | undefined;
  slack?: string | number | undefined;
}

export type PaidScope =
  | { kind: 'buyer'; buyerId: number }
  | { kind: 'place'; region: string }
  /** A local authority: the organisations whose local authority code is this one (migration 0041). */
  | { kind: 'authority'; laCode: string };

export interface PaidQuery {
  scope: PaidScope;
  from: Day;
  to: Day;
  periodKind: PeriodKind;
  slackDays: number;
}

export type PaidField = 'buyerId' | 'place' | 'scope' | 'from' | 'to' | 'period' | 'slack';
export interface PaidProblem {
  field: PaidField;
  message: string;
}

/** Longest slack accepted, in days. */
export const MAX_SLACK_DAYS = 366;

const text = (v: string | number | undefined): string | undefined => {
  const s = v === undefined ? undefined : String(v).trim();
  return s === '' ? undefined : s;
};

export function checkPaidQuery(
  input: PaidQueryInput,
  today: Day,
): { query: PaidQuery | null; problems: PaidProblem[] } {
  const problems: PaidProblem[] = [];
  const problem = (field: PaidField, message: string) => problems.push({ field, message });
  let scope: PaidScope | null = null;
  const buyer = text(input.buyerId);
  const place = text(input.place);
  if (buyer !== undefined && place !== undefined) problem('scope', 'Give a buyer or a place, not both');
  else if (buyer !== undefined) {
    if (/^\d{1,12}$/.test(buyer) && Number(buyer) >= 1) scope = { kind: 'buyer', buyerId: Number(buyer) };
    else problem('buyerId', 'Buyer ID must be a whole number from 1');
  } else if (place !== undefined) {
    const la = place.length <= 9 ? normaliseLaCode(place) : null;
    const r = la === null && place.length <= 7 ? normaliseRegion(place) : null;
    if (la !== null) scope = { kind: 'authority', laCode: la };
    else if (r?.nuts == null || r.level === 0)
      problem(
        'place',
        'Place must be an ITL or NUTS code, like TLD or TLD34, or a local authority code, like E08000006',
      );
    else scope = { kind: 'place', region: r.nuts };
  } else problem('scope', 'Give a buyer or a place');
  const { from, to } = checkPeriod(input, today, problem);
  const period = text(input.period) ?? 'month';
  if (!PERIOD_KINDS.includes(period as PeriodKind)) problem('period', 'Period must be month, quarter or fy');
  const slackText = text(input.slack);
  const slackDays = slackText === undefined ? DEFAULT_MATCH_SLACK_DAYS : Number(slackText);
  if (!/^\d{1,3}$/.test(slackText ?? '0') || slackDays > MAX_SLACK_DAYS)
    problem('slack', `Slack must be a whole number of days from 0 to ${MAX_SLACK_DAYS}`);
  if (problems.length > 0 || scope === null) return { query: null, problems };
  return { query: { scope, from, to, periodKind: period as PeriodKind, slackDays }, problems };
}

/** The same, throwing BAD_REQUEST naming every problem (API, CLI). */
export function parsePaidQuery(input: PaidQueryInput, today: Day): PaidQuery {
  const { query, problems } = checkPaidQuery(input, today);
  if (!query) throw new AppError('BAD_REQUEST', problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  return query;
}
