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
  /** Only buyers of this type (organisation.buyer_type, e.g. UK_CA_TYPE codes as published). */
  buyerType?: string;
}

export interface LeagueQuery {
  sort: (typeof LEAGUE_SORTS)[number];
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
  asOf?: string;
  buyerType?: string;
}

export const BUYER_TYPE_MAX = 100;

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
  const buyerType = input.buyerType?.trim() || undefined;
  if (buyerType !== undefined && buyerType.length > BUYER_TYPE_MAX)
    problems.push(`buyerType: at most ${BUYER_TYPE_MAX} characters`);
  if (problems.length > 0) fail(problems);
  return {
    sort: sort as LeagueQuery['sort'],
    order: order as LeagueQuery['order'],
    page,
    pageSize,
    ...(input.asOf === undefined ? {} : { asOf: input.asOf }),
    ...(buyerType === undefined ? {} : { buyerType }),
  };
}

export interface OfficerInputRaw {
  name?: string;
  role?: string;
  email?: string;
  phone?: string | null;
}

export const OFFICER_LIMITS = { name: 200, role: 200, email: 254, phone: 40 } as const;
export const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
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

export const CHECK_RECORD_SORTS = ['title', 'ocid', 'published'] as const;
export const CHECK_RECORD_STATUSES = ['failed', 'not-computable'] as const;
export const CHECK_RECORDS_MAX_PAGE_SIZE = 100;

export interface CheckRecordsQueryInput {
  status?: string;
  sort?: string;
  order?: string;
  page?: number | string;
  pageSize?: number | string;
  asOf?: string;
}

export interface CheckRecordsQuery {
  /** Which records to list: those failing the check, or those it could not judge. */
  status: (typeof CHECK_RECORD_STATUSES)[number];
  sort: (typeof CHECK_RECORD_SORTS)[number];
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
  asOf?: string;
}

function oneOf<T extends string>(name: string, v: string, allowed: readonly T[], out: string[]): T {
  if (!(allowed as readonly string[]).includes(v))
    out.push(`${name}: must be one of ${allowed.join(', ')}, got "${v}"`);
  return v as T;
}

/** The records behind a check's figure: which, in what order, which page. Newest first for `published`. */
export function parseCheckRecordsQuery(input: CheckRecordsQueryInput): CheckRecordsQuery {
  const problems: string[] = [];
  const status = oneOf('status', input.status ?? 'failed', CHECK_RECORD_STATUSES, problems);
  const sort = oneOf('sort', input.sort ?? 'title', CHECK_RECORD_SORTS, problems);
  const order = oneOf(
    'order',
    input.order ?? (sort === 'published' ? 'desc' : 'asc'),
    ['asc', 'desc'],
    problems,
  );
  const page = integer('page', input.page, 1, LEAGUE_MAX_PAGE, problems);
  const pageSize = integer('pageSize', input.pageSize, 25, CHECK_RECORDS_MAX_PAGE_SIZE, problems);
  if (problems.length > 0) fail(problems);
  return {
    status,
    sort,
    order,
    page,
    pageSize,
    ...(input.asOf === undefined ? {} : { asOf: input.asOf }),
  };
}
