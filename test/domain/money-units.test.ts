// Exact money units (src/domain/money-units.ts): an award value split among its suppliers is rounded to 10⁻¹⁰ pound
// half away from zero, sums do not depend on the order they are added in, and a sum reads back as the double that
// Number() gives for PostgreSQL's exact numeric text.
import { describe, expect, it } from 'vitest';
import { toUnits, unitsOf, unitsToPounds } from '../../src/domain/money-units.js';

describe('money units', () => {
  it.each([
    ['600', 2, 3_000_000_000_000n],
    ['100', 3, 333_333_333_333n],
    ['200', 3, 666_666_666_667n],
    ['0.00000000005', 1, 1n],
    ['0.00000000004', 1, 0n],
    ['-0.00000000005', 1, -1n],
    ['-200', 3, -666_666_666_667n],
    ['1234.5', 1, 12_345_000_000_000n],
    ['0', 7, 0n],
  ])('%s ÷ %i is %s units', (value, parts, units) => {
    expect(toUnits(value, parts)).toBe(units);
  });

  it('rejects what is not a decimal', () => {
    expect(() => toUnits('1e5')).toThrow(/not a decimal/);
    expect(() => toUnits('')).toThrow(/not a decimal/);
  });

  it('adds split values in any order to the same pounds, unlike doubles', () => {
    const parts = ['0.1', '0.2', '0.3', '1000000.07', '33.33'].map((v) => toUnits(v, 3));
    const forward = parts.reduce((a, u) => a + u, 0n);
    const backward = [...parts].reverse().reduce((a, u) => a + u, 0n);
    expect(unitsToPounds(forward)).toBe(unitsToPounds(backward));
    const doubles = [0.1, 0.2, 0.3].map((v) => v / 3);
    expect(doubles.reduce((a, v) => a + v, 0)).not.toBe([...doubles].reverse().reduce((a, v) => a + v, 0));
  });

  it('reads a sum back as Number() of its exact decimal text', () => {
    expect(unitsToPounds(12_345_000_000_000n)).toBe(1234.5);
    expect(unitsToPounds(-1n)).toBe(-1e-10);
    expect(unitsToPounds(333_333_333_333n)).toBe(Number('33.3333333333'));
    expect(unitsOf('12345000000000')).toBe(12_345_000_000_000n);
    expect(unitsOf('5.000')).toBe(5n);
    expect(unitsOf(null)).toBe(0n);
  });
});
