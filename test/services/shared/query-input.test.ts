// The query checks the horizon scan and the collaboration finder share (src/services/shared/query-input.ts).
import { describe, expect, it } from 'vitest';
import {
  cpvRegionFilters,
  organisationId,
  parseListing,
  whole,
} from '../../../src/services/shared/query-input.js';

const collect = () => {
  const problems: { field: string; message: string }[] = [];
  return { problems, problem: (field: string, message: string) => problems.push({ field, message }) };
};

const RULES = {
  sorts: ['value', 'decision'] as const,
  defaultSort: 'value' as const,
  defaultOrder: { value: 'desc', decision: 'asc' } as const,
  maxPage: 10_000,
  maxPageSize: 100,
  pageSizes: [25, 50, 100] as const,
};

describe('shared query input', () => {
  it('reads whole numbers within bounds, from strings or numbers', () => {
    expect(whole(' 12 ', 1, 60)).toBe(12);
    expect(whole(61, 1, 60)).toBeNull();
    expect(whole('1.5', 1, 60)).toBeNull();
    expect(whole('  ', 1, 60)).toBeUndefined();
  });

  it('defaults the listing and takes the order from the sort', () => {
    const { problems, problem } = collect();
    expect(parseListing({}, RULES, problem)).toEqual({ sort: 'value', order: 'desc', page: 1, pageSize: 25 });
    expect(
      parseListing({ sort: 'decision', page: '3', pageSize: 50, asOf: '2026-06-01' }, RULES, problem),
    ).toEqual({ asOf: '2026-06-01', sort: 'decision', order: 'asc', page: 3, pageSize: 50 });
    expect(problems).toEqual([]);
  });

  it('reports each bad listing field and falls back to its default', () => {
    const { problems, problem } = collect();
    const l = parseListing(
      { asOf: '2026-02-30', sort: 'name', order: 'up', page: '0', pageSize: '101' },
      RULES,
      problem,
    );
    expect(l).toEqual({ sort: 'value', order: 'desc', page: 1, pageSize: 25 });
    expect(problems.map((p) => p.field)).toEqual(['asOf', 'sort', 'order', 'page', 'pageSize']);
    expect(problems[1]!.message).toBe('Sort must be one of value, decision');
  });

  it('normalises CPV to a prefix and ITL to NUTS, and names bad ones', () => {
    const ok = collect();
    expect(cpvRegionFilters({ cpv: '72000000', region: 'TLE42' }, '72 or 45210000', ok.problem)).toEqual({
      cpv: '72',
      region: 'UKE42',
    });
    expect(ok.problems).toEqual([]);
    const bad = collect();
    expect(cpvRegionFilters({ cpv: '7', region: 'XX' }, '85 or 85311000', bad.problem)).toEqual({});
    expect(bad.problems).toEqual([
      { field: 'cpv', message: 'CPV code must be 2 to 8 digits, like 85 or 85311000' },
      { field: 'region', message: 'Region must be an ITL or NUTS code, like TLE, UKE or TLE42' },
    ]);
  });

  it('reads organisation ids', () => {
    const { problems, problem } = collect();
    expect(organisationId('441', 'buyerId', 'Buyer ID', problem)).toBe(441);
    expect(organisationId(undefined, 'buyerId', 'Buyer ID', problem)).toBeUndefined();
    expect(organisationId('abc', 'supplierId', 'Supplier ID', problem)).toBeUndefined();
    expect(problems).toEqual([
      { field: 'supplierId', message: 'Supplier ID must be a whole number, like 441' },
    ]);
  });
});
