// Input checks for the red-flags service (API and CLI): which buyer or record, which outcomes, which page.
// Problems become one BAD_REQUEST naming every field at fault.
import { AppError } from '../errors.js';
import { integer } from './quality-input.js';

export const FLAG_STATUSES = ['flagged', 'not-computable', 'clear', 'out-of-scope', 'all'] as const;
export type FlagStatusFilter = (typeof FLAG_STATUSES)[number];
export const FLAGS_MAX_PAGE_SIZE = 200;
/** Any stored ocid (imported files may carry other prefixes): no spaces or control characters, at most 250. */
const OCID = /^[^\s\p{Cc}]{1,250}$/u;

export interface FlagsQueryInput {
  buyerId?: number | string;
  ocid?: string;
  status?: string;
  page?: number | string;
  pageSize?: number | string;
}

export interface FlagsQuery {
  buyerId?: number;
  ocid?: string;
  status: FlagStatusFilter;
  page: number;
  pageSize: number;
}

export function parseFlagsQuery(input: FlagsQueryInput): FlagsQuery {
  const problems: string[] = [];
  const buyerId =
    input.buyerId === undefined || input.buyerId === ''
      ? undefined
      : integer('buyerId', input.buyerId, 0, Number.MAX_SAFE_INTEGER, problems);
  const ocid = input.ocid === undefined || input.ocid === '' ? undefined : input.ocid.trim();
  if (ocid !== undefined && !OCID.test(ocid))
    problems.push(`ocid: must be an OCDS id (no spaces, at most 250 characters), got "${input.ocid}"`);
  if (buyerId !== undefined && ocid !== undefined) problems.push('give buyerId or ocid, not both');
  const status = (input.status ?? 'flagged') as FlagStatusFilter;
  if (!FLAG_STATUSES.includes(status))
    problems.push(`status: must be one of ${FLAG_STATUSES.join(', ')}, got "${input.status}"`);
  const page = integer('page', input.page, 1, 10_000, problems);
  const pageSize = integer('pageSize', input.pageSize, 50, FLAGS_MAX_PAGE_SIZE, problems);
  if (problems.length > 0) throw new AppError('BAD_REQUEST', problems.join('; '));
  return { buyerId, ocid, status, page, pageSize };
}
