// The supplier profile query (docs/market-analytics.md, "Supplier profile"): a supplier (organisation id), a period
// of UK days (as the market profile's) and the CPV level its markets are measured at. Pure.
import type { Day } from '../../domain/rules/index.js';
import { AppError } from '../../errors.js';
import { checkPeriod } from './market-query.js';

/** Market level → length of the CPV prefix. */
export const CPV_LEVELS = { division: 2, group: 3, class: 4 } as const;
export type CpvLevel = keyof typeof CPV_LEVELS;
export const CPV_LEVEL_KEYS = Object.keys(CPV_LEVELS) as CpvLevel[];
export const DEFAULT_CPV_LEVEL: CpvLevel = 'group';

export interface SupplierQueryInput {
  from?: string | undefined;
  to?: string | undefined;
  /** division, group (default) or class. */
  level?: string | undefined;
}

export interface SupplierQuery {
  supplierId: number;
  from: Day;
  to: Day;
  level: CpvLevel;
}

export interface SupplierProblem {
  field: 'from' | 'to' | 'level';
  message: string;
}

/** Checks the input: the query, or every problem by field (the page shows them in an error summary). */
export function checkSupplierQuery(
  supplierId: number,
  input: SupplierQueryInput,
  today: Day,
): { query: SupplierQuery | null; problems: SupplierProblem[] } {
  const problems: SupplierProblem[] = [];
  const problem = (field: SupplierProblem['field'], message: string) => problems.push({ field, message });
  const { from, to } = checkPeriod(input, today, problem);
  const level = input.level?.trim() || DEFAULT_CPV_LEVEL;
  if (!(CPV_LEVEL_KEYS as string[]).includes(level))
    problem('level', `Market level must be one of ${CPV_LEVEL_KEYS.join(', ')}`);
  if (problems.length > 0) return { query: null, problems };
  return { query: { supplierId, from, to, level: level as CpvLevel }, problems };
}

/** The same, throwing BAD_REQUEST naming every problem (API, CLI). */
export function parseSupplierQuery(supplierId: number, input: SupplierQueryInput, today: Day): SupplierQuery {
  const { query, problems } = checkSupplierQuery(supplierId, input, today);
  if (!query) throw new AppError('BAD_REQUEST', problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  return query;
}
