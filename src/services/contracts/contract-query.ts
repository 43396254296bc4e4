// The contracts list query: what the page, the CSV export and the API accept, checked in one place so the
// three agree. Problems come back per field, so the page can show them in an error summary next to the inputs.

export const SORT_KEYS = ['updated', 'value', 'end', 'title'] as const;
export type ContractSort = (typeof SORT_KEYS)[number];
export type SortOrder = 'asc' | 'desc';
export const PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;
export const MAX_TEXT = 200;
// Offsets beyond this are slow and never useful to a person; the CSV export has no such limit.
export const MAX_PAGE = 10_000;

/** The order each sort starts in: newest, largest and soonest-ending first; titles A to Z. */
export const DEFAULT_ORDER: Record<ContractSort, SortOrder> = {
  updated: 'desc',
  value: 'desc',
  end: 'asc',
  title: 'asc',
};

/** Raw values as they arrive from a query string (strings) or a validated API query (numbers). */
export interface ContractQueryInput {
  q?: string | undefined;
  buyer?: string | undefined;
  buyerId?: string | number | undefined;
  supplier?: string | undefined;
  supplierId?: string | number | undefined;
  cpv?: string | undefined;
  minValue?: string | number | undefined;
  maxValue?: string | number | undefined;
  endFrom?: string | undefined;
  endTo?: string | undefined;
  sort?: string | undefined;
  order?: string | undefined;
  page?: string | number | undefined;
  pageSize?: string | number | undefined;
}

export type QueryField = keyof ContractQueryInput;

export interface ContractFilters {
  q?: string;
  buyer?: string;
  buyerId?: number;
  supplier?: string;
  supplierId?: number;
  /** The CPV code as entered, normalised to its meaningful leading digits (72000000 → 72). */
  cpv?: string;
  /** Pounds, exact decimal strings. */
  minValue?: string;
  maxValue?: string;
  /** ISO dates, inclusive. */
  endFrom?: string;
  endTo?: string;
}

export interface ContractQuery {
  filters: ContractFilters;
  sort: ContractSort;
  order: SortOrder;
  page: number;
  pageSize: number;
}

export interface QueryProblem {
  field: QueryField;
  message: string;
}

const text = (v: string | number | undefined): string | undefined => {
  if (v === undefined) return undefined;
  const s = String(v).trim();
  return s === '' ? undefined : s;
};

const MONEY = /^£?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?$/;

/** "£1,250,000.5" → "1250000.5"; undefined when it is not an amount of pounds. */
export function parsePounds(v: string): string | undefined {
  const m = MONEY.exec(v.trim());
  if (!m) return undefined;
  return `${m[1]!.replace(/,/g, '')}${m[2] ?? ''}`;
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/**
 * A CPV code or its leading digits → the prefix to match. A full 8-digit code stands for everything below it,
 * so its trailing zeros go (45210000 → 4521, a class); the check digit (-7) is ignored. Undefined when invalid.
 */
export function cpvPrefix(v: string): string | undefined {
  const m = /^(\d{2,8})(?:-\d)?$/.exec(v.replace(/\s+/g, ''));
  if (!m) return undefined;
  const digits = m[1]!;
  return digits.length === 8 ? digits.replace(/0+$/, '').padEnd(2, '0') : digits;
}

const wholeNumber = (v: string | number | undefined, min: number, max: number): number | undefined | null => {
  const s = text(v);
  if (s === undefined) return undefined;
  if (!/^\d+$/.test(s)) return null;
  const n = Number(s);
  return n >= min && n <= max ? n : null;
};

export function parseContractQuery(input: ContractQueryInput): {
  query: ContractQuery;
  problems: QueryProblem[];
} {
  const problems: QueryProblem[] = [];
  const filters: ContractFilters = {};
  const problem = (field: QueryField, message: string) => problems.push({ field, message });

  for (const [field, label] of [
    ['q', 'Search'],
    ['buyer', 'Buyer'],
    ['supplier', 'Supplier'],
  ] as const) {
    const v = text(input[field]);
    if (v === undefined) continue;
    if (v.length > MAX_TEXT) problem(field, `${label} must be ${MAX_TEXT} characters or fewer`);
    else filters[field] = v;
  }

  for (const [field, label] of [
    ['buyerId', 'Buyer ID'],
    ['supplierId', 'Supplier ID'],
  ] as const) {
    const n = wholeNumber(input[field], 1, Number.MAX_SAFE_INTEGER);
    if (n === null) problem(field, `${label} must be a whole number`);
    else if (n !== undefined) filters[field] = n;
  }

  const cpv = text(input.cpv);
  if (cpv !== undefined) {
    const prefix = cpvPrefix(cpv);
    if (prefix === undefined) problem('cpv', 'CPV code must be 2 to 8 digits, like 72 or 72200000');
    else filters.cpv = prefix;
  }

  for (const [field, label] of [
    ['minValue', 'Minimum value'],
    ['maxValue', 'Maximum value'],
  ] as const) {
    const v = text(input[field]);
    if (v === undefined) continue;
    const pounds = parsePounds(v);
    if (pounds === undefined)
      problem(field, `${label} must be an amount in pounds, like 10000 or £2,500,000`);
    else filters[field] = pounds;
  }
  if (
    filters.minValue !== undefined &&
    filters.maxValue !== undefined &&
    Number(filters.maxValue) < Number(filters.minValue)
  ) {
    problem('maxValue', 'Maximum value must be the same as or more than the minimum value');
  }

  for (const [field, label] of [
    ['endFrom', 'Contract ends on or after'],
    ['endTo', 'Contract ends on or before'],
  ] as const) {
    const v = text(input[field]);
    if (v === undefined) continue;
    if (!isIsoDate(v)) problem(field, `${label} must be a real date`);
    else filters[field] = v;
  }
  if (filters.endFrom && filters.endTo && filters.endTo < filters.endFrom) {
    problem('endTo', 'Contract ends on or before must be the same as or after contract ends on or after');
  }

  let sort: ContractSort = 'updated';
  const s = text(input.sort);
  if (s !== undefined) {
    if ((SORT_KEYS as readonly string[]).includes(s)) sort = s as ContractSort;
    else problem('sort', `Sort must be one of ${SORT_KEYS.join(', ')}`);
  }
  let order = DEFAULT_ORDER[sort];
  const o = text(input.order);
  if (o !== undefined) {
    if (o === 'asc' || o === 'desc') order = o;
    else problem('order', 'Order must be asc or desc');
  }

  const page = wholeNumber(input.page, 1, MAX_PAGE);
  if (page === null) problem('page', `Page must be a whole number from 1 to ${MAX_PAGE}`);
  const pageSize = wholeNumber(input.pageSize, 1, MAX_PAGE_SIZE);
  if (pageSize === null)
    problem('pageSize', `Results per page must be a whole number from 1 to ${MAX_PAGE_SIZE}`);

  return {
    query: { filters, sort, order, page: page ?? 1, pageSize: pageSize ?? DEFAULT_PAGE_SIZE },
    problems,
  };
}

/** True when any filter narrows the list (used for "no results" wording and to open the filter panel). */
export const hasFilters = (f: ContractFilters): boolean => Object.values(f).some((v) => v !== undefined);
