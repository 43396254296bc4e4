// The market analytics query (docs/market-analytics.md): one slice (buyer, CPV prefix or region, or a CPV prefix
// within a buyer or a region) and a
// period of UK days (default: the current financial year and the two before it, to today). Pure.
import { normaliseRegion } from '../../domain/region.js';
import { HHI_BAND_SETS, addMonths, financialYearStart, isDay, type Day } from '../../domain/rules/index.js';
import { AppError } from '../../errors.js';
import { cpvPrefix } from '../contracts/contract-query.js';
import type { MarketScope } from '../../analytics/market/index.js';

export interface MarketQueryInput {
  buyerId?: string | number | undefined;
  cpv?: string | undefined;
  region?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** HHI band set: us-2023 (default), us-2010, cma-2010. */
  bands?: string | undefined;
}

export interface MarketQuery {
  scope: MarketScope;
  from: Day;
  to: Day;
  /** A key of HHI_BAND_SETS; undefined = the set of the policy in force. */
  bands?: string;
}

export const HHI_BAND_SET_KEYS = Object.keys(HHI_BAND_SETS);

/** Longest period analysed at once, in years. */
export const MARKET_MAX_YEARS = 10;

const text = (v: string | number | undefined): string | undefined => {
  const s = v === undefined ? undefined : String(v).trim();
  return s === '' ? undefined : s;
};

export type MarketField = 'buyerId' | 'cpv' | 'region' | 'scope' | 'from' | 'to' | 'bands';

export interface MarketProblem {
  field: MarketField;
  message: string;
}

/**
 * The period of a market or supplier profile: `from`–`to` (UK days, inclusive; default: the current financial year
 * and the two before it, to today), at most MARKET_MAX_YEARS long. Problems are reported through `problem`.
 */
export function checkPeriod(
  input: { from?: string | undefined; to?: string | undefined },
  today: Day,
  problem: (field: 'from' | 'to', message: string) => void,
): { from: Day; to: Day } {
  const to = text(input.to) ?? today;
  const from = text(input.from) ?? addMonths(financialYearStart(today), -24);
  if (!isDay(from)) problem('from', 'From must be a day, YYYY-MM-DD');
  if (!isDay(to)) problem('to', 'To must be a day, YYYY-MM-DD');
  if (isDay(from) && isDay(to)) {
    if (from > to) problem('to', 'To must be on or after From');
    else if (addMonths(from, 12 * MARKET_MAX_YEARS) <= to)
      problem('to', `The period can be at most ${MARKET_MAX_YEARS} years`);
  }
  return { from, to };
}

/** Checks the input: the query, or every problem by field (pages show them in an error summary). */
export function checkMarketQuery(
  input: MarketQueryInput,
  today: Day,
): { query: MarketQuery | null; problems: MarketProblem[] } {
  const problems: MarketProblem[] = [];
  const problem = (field: MarketField, message: string) => problems.push({ field, message });
  const scopes: MarketScope[] = [];
  const buyer = text(input.buyerId);
  if (buyer !== undefined) {
    if (/^\d{1,12}$/.test(buyer) && Number(buyer) >= 1)
      scopes.push({ kind: 'buyer', buyerId: Number(buyer) });
    else problem('buyerId', 'Buyer ID must be a whole number from 1');
  }
  const cpv = text(input.cpv);
  if (cpv !== undefined) {
    const prefix = cpvPrefix(cpv);
    if (prefix === undefined) problem('cpv', 'CPV code must be 2 to 8 digits, like 72 or 45210000');
    else scopes.push({ kind: 'cpv', cpvPrefix: prefix });
  }
  const region = text(input.region);
  if (region !== undefined) {
    const r = region.length <= 7 ? normaliseRegion(region) : null;
    if (r?.nuts == null || r.level === 0)
      problem('region', 'Region must be an ITL or NUTS code, like TLE, UKE or TLE42');
    else scopes.push({ kind: 'region', region: r.nuts });
  }
  // One slice, or a CPV market within a buyer's or a region's awards (buyer × CPV, region × CPV).
  if (buyer === undefined && cpv === undefined && region === undefined)
    problem('scope', 'Give a buyer, a CPV code or a region (a CPV code can go with a buyer or a region)');
  if (buyer !== undefined && region !== undefined)
    problem('scope', 'Give a buyer or a region, not both (either can go with a CPV code)');

  const { from, to } = checkPeriod(input, today, problem);
  const bands = text(input.bands);
  if (bands !== undefined && !HHI_BAND_SET_KEYS.includes(bands))
    problem('bands', `HHI bands must be one of ${HHI_BAND_SET_KEYS.join(', ')}`);
  if (problems.length > 0 || scopes.length === 0) return { query: null, problems };
  const cpvScope = scopes.find((x) => x.kind === 'cpv');
  const outer = scopes.find((x) => x.kind !== 'cpv');
  const scope: MarketScope =
    outer && cpvScope ? { ...outer, cpvPrefix: cpvScope.cpvPrefix } : (outer ?? cpvScope)!;
  return { query: { scope, from, to, ...(bands !== undefined ? { bands } : {}) }, problems };
}

/** The same, throwing BAD_REQUEST naming every problem (API, CLI). `today` gives the default period. */
export function parseMarketQuery(input: MarketQueryInput, today: Day): MarketQuery {
  const { query, problems } = checkMarketQuery(input, today);
  if (!query) throw new AppError('BAD_REQUEST', problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  return query;
}

/** The API's page of the supplier list: its default and largest size (the CSV gives every supplier). */
export const MARKET_API_PAGE_SIZE = 100;
export const MARKET_API_MAX_PAGE_SIZE = 1000;
