// The KPI library's pure rules: the four UK9 rating bands in both directions, threshold ordering, the starter set
// (data/reference/kpi-library, checked against the national standard) and the library search.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  bands,
  rate,
  searchLibrary,
  thresholdProblems,
  type KpiTemplate,
} from '../../src/domain/kpi-library.js';
import { parseNationalStandard } from '../../src/domain/missions/national.js';
import { repoPath } from '../../src/paths.js';
import { parseStarterSet } from '../../src/services/kpis/library-reference.js';

const national = parseNationalStandard(
  JSON.parse(readFileSync(repoPath('data/reference/missions/national-standard.json'), 'utf8')),
);
const starterJson = JSON.parse(readFileSync(repoPath('data/reference/kpi-library/templates.json'), 'utf8'));
const starter = parseStarterSet(starterJson, national);
const missionOf = (o: string) => national.outcomes.find((x) => x.id === o)?.missionId;

describe('rating a value against a KPI', () => {
  const higher = { direction: 'higher' as const, target: 95, slightlyBelow: 90, below: 80 };
  const lower = { direction: 'lower' as const, target: 50, slightlyBelow: 80, below: 120 };
  it.each([
    [higher, 99, 'met'],
    [higher, 95, 'met'],
    [higher, 94.9, 'slightlyBelow'],
    [higher, 90, 'slightlyBelow'],
    [higher, 89, 'below'],
    [higher, 80, 'below'],
    [higher, 79.99, 'significantlyBelow'],
    [lower, 10, 'met'],
    [lower, 50, 'met'],
    [lower, 51, 'slightlyBelow'],
    [lower, 80, 'slightlyBelow'],
    [lower, 120, 'below'],
    [lower, 121, 'significantlyBelow'],
  ])('%o, %d → %s', (k, v, code) => expect(rate(k, v)).toBe(code));

  it('describes the bands in words', () => {
    expect(bands({ ...higher, unit: '%' })).toEqual({
      met: '95 % or more',
      slightlyBelow: '90 % or more, less than 95 %',
      below: '80 % or more, less than 90 %',
      significantlyBelow: 'less than 80 %',
    });
    expect(bands({ ...lower, unit: '' }).significantlyBelow).toBe('more than 120');
  });

  it('refuses thresholds out of order for the direction', () => {
    expect(thresholdProblems(higher)).toEqual([]);
    expect(thresholdProblems(lower)).toEqual([]);
    expect(thresholdProblems({ ...higher, slightlyBelow: 96 }).map((p) => p.field)).toEqual([
      'slightlyBelow',
    ]);
    expect(thresholdProblems({ ...lower, below: 60 }).map((p) => p.field)).toEqual(['below']);
  });
});

describe('the starter set', () => {
  it('reads every template, each marked as a template with a good and a bad example', () => {
    expect(starter).toHaveLength(starterJson.templates.length);
    for (const t of starter) {
      expect(t.template).toBe(true);
      expect(t.good.why.length).toBeGreaterThan(10);
      expect(t.bad.why.length).toBeGreaterThan(10);
      expect(thresholdProblems(t)).toEqual([]);
    }
  });

  it('covers the main categories and every mission', () => {
    const categories = new Set(starter.map((t) => t.category));
    for (const c of [
      'Construction and works',
      'Facilities management',
      'IT and digital',
      'Health and social care',
      'Professional services',
      'Transport and fleet',
      'Waste',
      'Food and catering',
    ])
      expect(categories).toContain(c);
    const missions = new Set(starter.flatMap((t) => t.outcomeIds.map(missionOf)));
    expect([...missions].sort()).toEqual(national.missions.map((m) => m.id).sort());
  });

  it('refuses an unknown outcome, a duplicate id and thresholds out of order, naming the item', () => {
    const one = starterJson.templates[0];
    expect(() =>
      parseStarterSet({ templates: [{ ...one, outcomeIds: ['ppn002.o9.nope'] }] }, national),
    ).toThrow(/kpi.works.defects-at-handover: .*ppn002.o9.nope/);
    expect(() => parseStarterSet({ templates: [one, one] }, national)).toThrow(/duplicate/);
    expect(() => parseStarterSet({ templates: [{ ...one, below: 99 }] }, national)).toThrow(
      /Requires improvement/,
    );
  });
});

describe('searching the library', () => {
  const ids = (r: KpiTemplate[]) => r.map((t) => t.id);
  const expected = (pred: (t: KpiTemplate) => boolean) =>
    starter
      .filter(pred)
      .map((t) => t.id)
      .sort();

  it('matches every word as a word prefix, names first', () => {
    const r = searchLibrary(starter, { text: 'recycl' }, missionOf);
    expect(ids(r)).toEqual(['kpi.waste.recycling-rate']);
    const both = searchLibrary(starter, { text: 'missed collections' }, missionOf);
    expect(ids(both)).toEqual(['kpi.waste.missed-collections']);
    expect(searchLibrary(starter, { text: 'zzzz' }, missionOf)).toEqual([]);
  });

  it('filters by outcome, mission and CPV division (templates for all categories match every division)', () => {
    expect(
      ids(searchLibrary(starter, { outcome: 'ppn002.o5.reduction-in-crime' }, missionOf)).sort(),
    ).toEqual(expected((t) => t.outcomeIds.includes('ppn002.o5.reduction-in-crime')));
    expect(ids(searchLibrary(starter, { mission: 'clean-energy' }, missionOf)).sort()).toEqual(
      expected((t) => t.outcomeIds.some((o) => missionOf(o) === 'clean-energy')),
    );
    const works = ids(searchLibrary(starter, { cpv: '45233141' }, missionOf)).sort();
    expect(works).toEqual(expected((t) => t.cpvDivisions.includes('45') || t.cpvDivisions.length === 0));
    expect(works).toContain('kpi.cross.prompt-payment-supply-chain');
  });

  it('leaves retired templates out unless asked', () => {
    const retired = starter.map((t, i) => (i === 0 ? { ...t, status: 'retired' as const } : t));
    expect(ids(searchLibrary(retired, {}, missionOf))).not.toContain(starter[0]!.id);
    expect(ids(searchLibrary(retired, { includeRetired: true }, missionOf))).toContain(starter[0]!.id);
  });
});
