// Input checks for the quality service (API, CLI and, later, forms): the league table's query and the accountable
// officer's details. Problems become one BAD_REQUEST naming every field at fault.
import { AppError } from '../errors.js';
import type { OfficerInput } from '../store/officer.repository.js';

export const LEAGUE_SORTS = ['score', 'name', 'failures'] as const;
export const LEAGUE_MAX_PAGE_SIZE = 100;
export const LEAGUE_MAX_PAGE = 10_000;

export interface LeagueQueryInput {
  sort?: string;
  order?: string;
  page?: number | string;
  pageSize?: number | string;
  asOf?: string;
}

export interface LeagueQuery {
  sort: (typeof LEAGUE_SORTS)[number];
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
  asOf?: string;
}

const fail = (problems: string[]): never => {
  throw new AppError('BAD_REQUEST', problems.join('; '));
};

export function integer(
  name: string,
  v: number | string | undefined,
  fallback: number,
  max: number,
  out: string[],
) {
  if (v === undefined || v === '') return fallback;
  const n = typeof v === 'number' ? v : /^\d+$/.test(v) ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > max) {
    out.push(`${name}: must be a whole number from 1 to ${max}, got "${v}"`);
    return fallback;
  }
  return n;
}

export function parseLeagueQuery(input: LeagueQueryInput): LeagueQuery {
  const problems: string[] = [];
  const sort = input.sort ?? 'score';
  if (!(LEAGUE_SORTS as readonly string[]).includes(sort))
    problems.push(`sort: must be one of ${LEAGUE_SORTS.join(', ')}, got "${sort}"`);
  // Best first by default: highest score, fewest failures, names A–Z.
  const order = input.order ?? (sort === 'score' ? 'desc' : 'asc');
  if (order !== 'asc' && order !== 'desc') problems.push(`order: must be asc or desc, got "${order}"`);
  const page = integer('page', input.page, 1, LEAGUE_MAX_PAGE, problems);
  const pageSize = integer('pageSize', input.pageSize, 25, LEAGUE_MAX_PAGE_SIZE, problems);
  if (problems.length > 0) fail(problems);
  return {
    sort: sort as LeagueQuery['sort'],
    order: order as LeagueQuery['order'],
    page,
    pageSize,
    ...(input.asOf === undefined ? {} : { asOf: input.asOf }),
  };
}

export interface OfficerInputRaw {
  name?: string;
  role?: string;
  email?: string;
  phone?: string | null;
}

export const OFFICER_LIMITS = { name: 200, role: 200, email: 254, phone: 40 } as const;
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
const PHONE = /^\+?[0-9 ()-]{6,}$/;

/** Checks and tidies an officer's details: name, role and email required; phone optional. */
export function parseOfficerInput(input: OfficerInputRaw): OfficerInput {
  const problems: string[] = [];
  const text = (field: keyof typeof OFFICER_LIMITS, required: boolean): string | null => {
    const v = (input[field] ?? '').trim().replace(/\s+/g, ' ');
    if (v === '') {
      if (required) problems.push(`${field}: is required`);
      return null;
    }
    if (v.length > OFFICER_LIMITS[field])
      problems.push(`${field}: at most ${OFFICER_LIMITS[field]} characters (got ${v.length})`);
    return v;
  };
  const name = text('name', true);
  const role = text('role', true);
  const email = text('email', true);
  const phone = text('phone', false);
  if (email !== null && !EMAIL.test(email)) problems.push(`email: "${email}" is not an email address`);
  if (phone !== null && !PHONE.test(phone))
    problems.push(`phone: "${phone}" is not a phone number (digits, spaces, +, brackets, dashes)`);
  if (problems.length > 0) fail(problems);
  return { name: name!, role: role!, email: email!, phone };
}
