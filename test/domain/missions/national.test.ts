// The national tier as shipped (data/reference/missions/national-standard.json): every PPN 002 outcome has a real
// definition and at least one countable national metric, outcome 1's model award criteria are catalogue items with
// stable ids, and the items that existed before keep their meaning (outcome, unit, direction; an outcome's
// mission), so figures recorded against them still add up.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNationalStandard } from '../../../src/domain/missions/national.js';
import { isAdditive } from '../../../src/domain/missions/social-value.js';
import { repoPath } from '../../../src/paths.js';

const raw = (): Record<string, unknown> =>
  JSON.parse(
    readFileSync(repoPath('data', 'reference', 'missions', 'national-standard.json'), 'utf8'),
  ) as Record<string, unknown>;
const national = parseNationalStandard(raw());

describe('national standard (reference file)', () => {
  it('gives every outcome a definition, not a placeholder', () => {
    expect(national.outcomes).toHaveLength(8);
    for (const o of national.outcomes) {
      expect(o.definition).not.toMatch(/^PPN 002 outcome \d\.?$/);
      expect(o.definition.length).toBeGreaterThan(60);
    }
  });

  it('has at least one countable (summable) national metric under every outcome', () => {
    for (const o of national.outcomes) {
      const countable = national.metrics.filter((m) => m.outcomeId === o.id && isAdditive(m));
      expect(countable.length, o.id).toBeGreaterThan(0);
      for (const m of countable) {
        expect(m.unit).not.toBe('');
        expect(m.evidence).not.toBe('');
        expect(m.definition).not.toBe('');
      }
    }
  });

  it('keeps official codes empty where the sources do not give them', () => {
    const ours = national.metrics.filter((m) => m.id.startsWith('ppn002.'));
    expect(ours.length).toBeGreaterThanOrEqual(8);
    expect(ours.every((m) => m.officialCode === null)).toBe(true);
  });

  it('lists outcome 1’s model award criteria 1a–1e as items with stable ids', () => {
    const o1 = national.outcomes.find((o) => o.id === 'ppn002.o1.fair-work')!;
    expect(o1.criteria.map((c) => [c.id, c.officialCode])).toEqual([
      ['ppn002.o1.mac1a', '1a'],
      ['ppn002.o1.mac1b', '1b'],
      ['ppn002.o1.mac1c', '1c'],
      ['ppn002.o1.mac1d', '1d'],
      ['ppn002.o1.mac1e', '1e'],
    ]);
    expect(o1.criteria[0]!.wording).toBe('Create and retain high-quality jobs');
    // 1e is cut short in the source: kept, and marked so.
    expect(o1.criteria.map((c) => c.wordingComplete)).toEqual([true, true, true, true, false]);
  });

  it('keeps the meaning of the items that existed before (ids never change meaning)', () => {
    const meaning = Object.fromEntries(
      national.metrics.map((m) => [m.id, [m.outcomeId, m.unit, m.direction]]),
    );
    const o3 = 'ppn002.o3.resilient-supply-chains';
    expect(meaning).toMatchObject({
      'ppn001.sme-direct-spend-share': [o3, 'percent of value', 'higher'],
      'ppn001.vcse-direct-spend-share': [o3, 'percent of value', 'higher'],
      'pa2023.s68.invoices-paid-within-30-days-share': [o3, 'percent of invoices', 'higher'],
      'policy.prompt-payment.average-days-to-pay': [o3, 'days', 'lower'],
      'lm3.local-multiplier': [o3, 'ratio (1.0–3.0)', 'higher'],
    });
    expect(Object.fromEntries(national.outcomes.map((o) => [o.id, o.missionId]))).toEqual({
      'ppn002.o1.fair-work': 'growth',
      'ppn002.o2.skills-for-growth': 'growth',
      'ppn002.o3.resilient-supply-chains': 'growth',
      'ppn002.o4.sustainable-procurement': 'clean-energy',
      'ppn002.o5.reduction-in-crime': 'safer-streets',
      'ppn002.o6.employment-barriers': 'opportunity',
      'ppn002.o7.barriers-to-entry': 'opportunity',
      'ppn002.o8.wellbeing-productivity': 'nhs',
    });
  });

  it('refuses a criterion whose id is not under its outcome, and duplicate ids', () => {
    const bad = raw();
    const outcomes = bad.outcomes as Array<Record<string, unknown>>;
    outcomes[1]!.criteria = [{ id: 'ppn002.o1.mac2a', wording: 'x', source: 's' }];
    expect(() => parseNationalStandard(bad)).toThrow(/ppn002\.o1\.mac2a/);
    const dup = raw();
    (dup.outcomes as Array<Record<string, unknown>>)[1]!.criteria = [
      { id: 'ppn002.o2.mac1a', wording: 'x', source: 's' },
      { id: 'ppn002.o2.mac1a', wording: 'y', source: 's' },
    ];
    expect(() => parseNationalStandard(dup)).toThrow(/duplicate id ppn002\.o2\.mac1a/);
  });
});
