// Supplier resolution as a pure function, on sources built from real rows: Salford's contract register 2022-07 and
// spend files, Calderdale, Manchester and Newcastle spend (test/fixtures/uk-more) and Contracts Finder suppliers in
// data/sample. Golden matches and non-matches picked by hand; the database test checks the same on the real import.
import { describe, expect, it } from 'vitest';
import { normaliseIdentifier, type OrgIdentifier } from '../../src/domain/org-id.js';
import { normalisePostcode } from '../../src/domain/postcode.js';
import { supplierNameKeys } from '../../src/domain/supplier-name.js';
import {
  assignSupplierIds,
  resolveSuppliers,
  type SourceKind,
  type SupplierOverride,
  type SupplierSource,
} from '../../src/domain/supplier-resolution.js';

const SALFORD = 1;
const CALDERDALE = 2;
const MANCHESTER = 3;
const NEWCASTLE = 4;

function src(
  key: string,
  kind: SourceKind,
  name: string,
  o: { buyer?: number; postcode?: string; coh?: string; localId?: string } = {},
): SupplierSource {
  const keys = supplierNameKeys(name);
  const ids: OrgIdentifier[] = [];
  const coh = o.coh ? normaliseIdentifier('GB-COH', o.coh) : null;
  if (coh) ids.push(coh);
  return {
    key,
    kind,
    buyerId: o.buyer ?? null,
    name,
    normalisedName: keys.legal,
    tradingName: keys.trading,
    postcode: normalisePostcode(o.postcode ?? null),
    identifiers: ids,
    localId: o.localId ?? null,
  };
}

/** A row of Salford's contract register (every register source here is one). */
const register = (key: string, name: string, o: { postcode?: string; coh?: string } = {}): SupplierSource =>
  src(key, 'register', name, { buyer: SALFORD, ...o });

function together(sources: SupplierSource[], overrides: SupplierOverride[] = []) {
  const r = resolveSuppliers(sources, overrides);
  const at = (key: string) => sources.findIndex((s) => s.key === key);
  return {
    r,
    same: (a: string, b: string) => r.sources[at(a)]?.group === r.sources[at(b)]?.group,
    evidence: (key: string) => r.sources[at(key)]?.evidence ?? null,
    refused: (key: string) => r.sources[at(key)]?.refused ?? [],
  };
}

describe('golden matches', () => {
  it('register row and spend payee of the same buyer by name: Whistl UK Limited / Whistl Uk Ltd (0.7)', () => {
    const t = together([
      register('reg', 'Whistl UK Limited', { postcode: 'SL7 1TB', coh: '4417047' }),
      src('pay', 'spend', 'Whistl Uk Ltd', { buyer: SALFORD }),
    ]);
    expect(t.same('reg', 'pay')).toBe(true);
    expect(t.evidence('pay')).toMatchObject({ rule: 'name-same-buyer', confidence: 0.7, with: 'reg' });
  });

  it('one Companies House number written two ways joins register and spend: Flowbird (04869035)', () => {
    const t = together([
      register('reg', 'Flowbird Transport Ltd', { coh: '4869035' }),
      src('pay', 'spend', 'Flowbird Smart City UK Ltd', { buyer: CALDERDALE, coh: '04869035' }),
    ]);
    expect(t.same('reg', 'pay')).toBe(true);
    expect(t.evidence('pay')).toMatchObject({
      rule: 'identifier',
      confidence: 1,
      values: { identifier: 'GB-COH-04869035' },
    });
  });

  it('name and postcode join two register rows, the number on one of them carries over (Schofield & Sons, M30 9PS)', () => {
    const t = together([
      register('a', 'Schofield & Sons Ltd', { postcode: 'M30 9PS', coh: '25459259' }),
      register('b', 'Schofield and Sons Ltd', { postcode: 'M30 9PS' }),
    ]);
    expect(t.same('a', 'b')).toBe(true);
    expect(t.evidence('b')).toMatchObject({ rule: 'name-postcode', confidence: 0.9 });
  });

  it('a trading name matches the legal name it stands for, at lower confidence (Zurich Municipal)', () => {
    const t = together([
      src('cf', 'ocds', 'Zurich Insurance Company t/a Zurich Municipal', { postcode: 'GU14 6GB' }),
      src('pay', 'spend', 'Zurich Municipal', { buyer: CALDERDALE }),
    ]);
    expect(t.same('cf', 'pay')).toBe(true);
    expect(t.evidence('pay')).toMatchObject({ rule: 'trading-name', confidence: 0.6 });
  });

  it('a buyer’s own supplier id joins two spellings at that buyer only', () => {
    const t = together([
      src('a', 'spend', 'Achieve Together Ltd', { buyer: CALDERDALE, localId: 'S385887' }),
      src('b', 'spend', 'Achieve Together', { buyer: CALDERDALE, localId: 'S385887' }),
      src('c', 'spend', 'Some Other Payee', { buyer: SALFORD, localId: 'S385887' }),
    ]);
    expect(t.same('a', 'b')).toBe(true);
    expect(t.same('a', 'c')).toBe(false);
  });

  it('name alone across buyers is the weakest match (0.5): Liquidlogic Ltd at Salford and Calderdale', () => {
    const t = together([
      src('s', 'spend', 'Liquidlogic Ltd', { buyer: SALFORD }),
      src('c', 'spend', 'Liquidlogic Ltd', { buyer: CALDERDALE }),
    ]);
    expect(t.evidence('c')).toMatchObject({ rule: 'name', confidence: 0.5 });
  });
});

describe('golden non-matches', () => {
  it('one name and postcode but two Companies House numbers stay two suppliers (Seddon Construction, BL4 0NN)', () => {
    const t = together([
      register('a', 'Seddon Construction Limited', { postcode: 'BL4 0NN', coh: '3578140' }),
      register('b', 'Seddon Construction Ltd', { postcode: 'BL4 0NN', coh: '172081' }),
      src('pay', 'spend', 'Seddon Construction Ltd', { buyer: SALFORD }),
    ]);
    expect(t.same('a', 'b')).toBe(false);
    expect(t.refused('b')[0]?.values.conflict).toBe('GB-COH-03578140 ≠ GB-COH-00172081');
  });

  it('a number typed beside another organisation’s name is not trusted (GT3 Architects given Bloom’s 08045123)', () => {
    const t = together([
      register('bloom', 'Bloom Procurement Services Ltd', { postcode: 'NE8 2ET', coh: '8045123' }),
      register('gt3', 'GT3 Architects', { postcode: 'NG1 1LW', coh: '8045123' }),
      register('cdw', 'CDW Ltd', { postcode: 'EC4M 9AF', coh: '2174990' }),
      register('softcat', 'Softcat PLC', { postcode: 'SL7 1LW', coh: '2174990' }),
    ]);
    expect(t.same('bloom', 'gt3')).toBe(false);
    expect(t.same('cdw', 'softcat')).toBe(false);
    expect(t.refused('gt3')[0]?.values).toMatchObject({
      identifier: 'GB-COH-08045123',
      conflict: 'names differ',
    });
  });

  it('redacted payees are never matched by name, across or within buyers', () => {
    const t = together([
      src('m', 'spend', 'Redacted Personal Information', { buyer: MANCHESTER }),
      src('n', 'spend', 'Redacted Personal Data', { buyer: NEWCASTLE }),
      src('n2', 'spend', 'REDACTED  PERSONAL DATA', { buyer: NEWCASTLE }),
      src('r', 'spend', 'Redactive Publishing Ltd', { buyer: MANCHESTER }),
      src('r2', 'spend', 'REDACTIVE PUBLISHING LTD', { buyer: NEWCASTLE }),
    ]);
    expect(t.same('m', 'n')).toBe(false);
    expect(t.same('n', 'n2')).toBe(false);
    expect(t.r.sources[0]?.placeholder).toBe(true);
    expect(t.same('r', 'r2')).toBe(true);
  });

  it('the same name at disjoint postcodes, with no number, is not one supplier (AECOM E1 8FA / M1 4HD)', () => {
    const t = together([
      src('cf', 'ocds', 'AECOM Limited', { postcode: 'E1 8FA' }),
      register('reg', 'AECOM', { postcode: 'M1 4HD' }),
    ]);
    expect(t.same('cf', 'reg')).toBe(false);
    expect(t.refused('reg')[0]?.values.conflict).toBe('postcodes E1 8FA ≠ M1 4HD');
  });

  it('a name-only chain never joins two different numbers (AECOM at M1 4HD: 01846493 and OC306911)', () => {
    const t = together([
      register('a', 'AECOM', { postcode: 'M1 4HD', coh: '1846493' }),
      src('pay', 'spend', 'Aecom Ltd', { buyer: SALFORD }),
      register('b', 'AECOM', { postcode: 'M1 4HD', coh: 'OC306911' }),
    ]);
    expect(t.same('a', 'b')).toBe(false);
    expect(t.same('a', 'pay') || t.same('b', 'pay')).toBe(true);
  });
});

describe('overrides', () => {
  const sources = () => [
    register('reg', 'Whistl UK Limited', { postcode: 'SL7 1TB', coh: '4417047' }),
    src('pay', 'spend', 'Whistl Uk Ltd', { buyer: SALFORD }),
    src('other', 'spend', 'Whistl', { buyer: CALDERDALE }),
  ];
  it('a split isolates the source from every automatic match', () => {
    const t = together(sources(), [{ id: 7, kind: 'split', sourceKey: 'pay', otherKey: null }]);
    expect(t.same('reg', 'pay')).toBe(false);
    expect(t.r.sources[1]?.split).toBe(true);
  });
  it('a merge joins what no rule would, with the override as evidence, even after a split', () => {
    const t = together(sources(), [
      { id: 7, kind: 'split', sourceKey: 'pay', otherKey: null },
      { id: 8, kind: 'merge', sourceKey: 'other', otherKey: 'reg' },
    ]);
    expect(t.same('other', 'reg')).toBe(true);
    expect(t.evidence('other')).toMatchObject({ rule: 'override-merge', values: { override: '8' } });
  });
  it('an override whose source is gone is dormant, not an error', () => {
    const t = together(sources(), [{ id: 9, kind: 'merge', sourceKey: 'gone', otherKey: 'reg' }]);
    expect(t.r.dormantOverrides).toEqual([9]);
  });
});

describe('assignSupplierIds keeps ids stable', () => {
  it('gives each group the id most of its members had, once; a split-off group gets a new id', () => {
    const { ids, retired } = assignSupplierIds([[0, 1], [2], [3]], [10, 10, 10, 11]);
    expect(ids).toEqual([10, null, 11]);
    expect(retired.size).toBe(0);
  });
  it('retires an id whose members all moved, pointing where most went', () => {
    const { ids, retired } = assignSupplierIds([[0, 1, 2]], [10, 11, 11]);
    expect(ids).toEqual([11]);
    expect(retired.get(10)).toBe(0);
  });
});
