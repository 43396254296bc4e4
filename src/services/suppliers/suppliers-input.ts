// Input checks for the suppliers service (pages, API and CLI). Problems become one BAD_REQUEST naming every field.
import { AppError } from '../../errors.js';
import {
  PAYEE_SORTS,
  SUPPLIER_SORTS,
  type PayeeSort,
  type SupplierSort,
} from '../../store/supplier-read.repository.js';
import { integer } from '../quality-input.js';

export { PAYEE_SORTS, SUPPLIER_SORTS };

export const SUPPLIERS_MAX_PAGE_SIZE = 200;
export const SUPPLIERS_DEFAULT_PAGE_SIZE = 50;
export const SUPPLIERS_MAX_PAGE = 10_000;
export const OVERRIDE_REASON_MAX = 500;
/** Source keys as the store writes them: `ocds:<entity key>`, `register:<hash>`, `spend:<hash>`. */
const SOURCE_KEY = /^(?:ocds:[^\s\p{Cc}]{1,300}|(?:register|spend):[0-9a-f]{20})$/u;

export interface SupplierListInput {
  q?: string;
  sort?: string;
  page?: number | string;
  pageSize?: number | string;
}

export interface PayeeListInput {
  buyerId?: number | string;
  sort?: string;
  page?: number | string;
  pageSize?: number | string;
}

function paging(input: { page?: number | string; pageSize?: number | string }, problems: string[]) {
  return {
    page: integer('page', input.page, 1, SUPPLIERS_MAX_PAGE, problems),
    pageSize: integer(
      'pageSize',
      input.pageSize,
      SUPPLIERS_DEFAULT_PAGE_SIZE,
      SUPPLIERS_MAX_PAGE_SIZE,
      problems,
    ),
  };
}

function oneOf<T extends string>(
  name: string,
  value: string | undefined,
  allowed: readonly T[],
  out: string[],
): T {
  const v = (value === undefined || value === '' ? allowed[0] : value) as T;
  if (!allowed.includes(v)) out.push(`${name}: must be one of ${allowed.join(', ')}, got "${value}"`);
  return allowed.includes(v) ? v : (allowed[0] as T);
}

export function parseSupplierList(input: SupplierListInput) {
  const problems: string[] = [];
  const search = input.q?.trim() || null;
  if (search !== null && search.length > 200) problems.push('q: at most 200 characters');
  const sort: SupplierSort = oneOf('sort', input.sort, SUPPLIER_SORTS, problems);
  const p = paging(input, problems);
  if (problems.length > 0) throw new AppError('BAD_REQUEST', problems.join('; '));
  return { search, sort, ...p };
}

export function parsePayeeList(input: PayeeListInput) {
  const problems: string[] = [];
  const buyerId =
    input.buyerId === undefined || input.buyerId === ''
      ? null
      : integer('buyerId', input.buyerId, 0, Number.MAX_SAFE_INTEGER, problems);
  const sort: PayeeSort = oneOf('sort', input.sort, PAYEE_SORTS, problems);
  const p = paging(input, problems);
  if (problems.length > 0) throw new AppError('BAD_REQUEST', problems.join('; '));
  return { buyerId, sort, ...p };
}

export interface OverrideInput {
  kind: string;
  sourceKey: string;
  otherKey?: string;
  reason: string;
}

export interface OverrideField {
  field: 'kind' | 'sourceKey' | 'otherKey' | 'reason';
  text: string;
}

/** Field-level problems (for the form's error summary), empty when the override is well formed. */
export function overrideProblems(input: OverrideInput): OverrideField[] {
  const out: OverrideField[] = [];
  if (input.kind !== 'merge' && input.kind !== 'split')
    out.push({ field: 'kind', text: 'Choose merge or split' });
  if (!SOURCE_KEY.test(input.sourceKey.trim())) out.push({ field: 'sourceKey', text: 'Choose a source' });
  if (input.kind === 'merge') {
    const other = input.otherKey?.trim() ?? '';
    if (other === '')
      out.push({ field: 'otherKey', text: 'Enter the source key or supplier number to merge with' });
    else if (!SOURCE_KEY.test(other) && !/^\d{1,15}$/.test(other))
      out.push({
        field: 'otherKey',
        text: 'Enter a source key (such as spend:… or ocds:GB-COH-…) or a supplier number',
      });
    else if (other === input.sourceKey.trim())
      out.push({ field: 'otherKey', text: 'Choose a different source' });
  }
  const reason = input.reason.trim();
  if (reason === '') out.push({ field: 'reason', text: 'Enter the reason for this change' });
  else if (reason.length > OVERRIDE_REASON_MAX)
    out.push({ field: 'reason', text: `Reason must be ${OVERRIDE_REASON_MAX} characters or fewer` });
  return out;
}
