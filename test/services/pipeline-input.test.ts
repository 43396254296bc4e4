// The pipeline's pure rules: status moves, the three rolling UK financial years and which group a start day falls
// in, and how an editor's input is checked and normalised (every problem at once), and diffed.
import { describe, expect, it } from 'vitest';
import { canMove, rollingYears, yearGroup } from '../../src/domain/pipeline.js';
import { diffFields, parsePipelineInput } from '../../src/services/pipeline/pipeline-input.js';

describe('pipeline rules', () => {
  it.each([
    ['idea', 'planned', true],
    ['idea', 'in-market', false],
    ['planned', 'idea', true],
    ['planned', 'awarded', false],
    ['in-market', 'awarded', true],
    ['in-market', 'planned', false],
    ['awarded', 'cancelled', false],
    ['cancelled', 'idea', true],
    ['cancelled', 'planned', false],
    ['awarded', 'awarded', true],
  ] as const)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canMove(from, to)).toBe(allowed);
  });

  it('rolls three financial years from 1 April', () => {
    expect(rollingYears('2026-03-31').map((y) => [y.label, y.start, y.end])).toEqual([
      ['FY 2025-26', '2025-04-01', '2026-03-31'],
      ['FY 2026-27', '2026-04-01', '2027-03-31'],
      ['FY 2027-28', '2027-04-01', '2028-03-31'],
    ]);
    expect(rollingYears('2026-04-01')[0]!.label).toBe('FY 2026-27');
    expect(rollingYears('2099-12-31')[2]!.label).toBe('FY 2101-02');
  });

  it.each([
    [null, 'undated'],
    ['2026-03-31', 'earlier'],
    ['2026-04-01', '2026-04-01'],
    ['2027-03-31', '2026-04-01'],
    ['2028-01-15', '2027-04-01'],
    ['2029-03-31', '2028-04-01'],
    ['2029-04-01', 'later'],
  ])('procurement start %s is grouped under %s (as of 6 Dec 2026)', (start, group) => {
    expect(yearGroup(start, rollingYears('2026-12-06'))).toBe(group);
  });
});

describe('pipeline input', () => {
  it('normalises what an editor types', () => {
    expect(
      parsePipelineInput({
        title: '  Parks  ',
        cpvCode: ' 77313000-7 ',
        deliveryRegion: 'tlf11',
        valueMin: '£1,250,000.50',
        valueMax: '1250000.5',
        linkedOcids: 'ocds-h6vhtk-1, ocds-h6vhtk-1\nocds-b5fd17-abc',
        innovation: 'true',
        published: '',
        confidence: 'high',
      }),
    ).toEqual({
      title: 'Parks',
      description: null,
      cpvCode: '77313000',
      deliveryRegion: 'TLF11',
      valueMin: '1250000.5',
      valueMax: '1250000.5',
      procurementStart: null,
      contractStart: null,
      contractEnd: null,
      route: null,
      status: 'idea',
      confidence: 'high',
      linkedOcids: ['ocds-h6vhtk-1', 'ocds-b5fd17-abc'],
      innovation: true,
      published: false,
    });
  });

  it('reports every problem, in form order', () => {
    expect(() =>
      parsePipelineInput({
        title: 'x'.repeat(201),
        deliveryRegion: 'Derby',
        valueMin: '1.005',
        contractStart: '2027-05-01',
        contractEnd: '2027-04-30',
        route: 'tender',
        confidence: 'sure',
      }),
    ).toThrow(
      'title: must be at most 200 characters; deliveryRegion: must be an ITL region code, like UKF or TLF11; ' +
        'valueMin: must be an amount in pounds, like 2500000 or 2,500,000.50; contractEnd: must be the same as or ' +
        'after the contract start; route: must be one of open, competitive-flexible, direct-award, ' +
        'framework-call-off, dynamic-market, below-threshold, other; confidence: must be one of low, medium, high',
    );
  });

  it('diffs two versions field by field', () => {
    const a = parsePipelineInput({ title: 'A', valueMax: '10', linkedOcids: ['ocds-x-1'] });
    const b = parsePipelineInput({
      title: 'A',
      valueMax: '12',
      linkedOcids: ['ocds-x-1', 'ocds-x-2'],
      published: true,
    });
    expect(diffFields(a, b)).toEqual([
      { field: 'valueMax', before: '10', after: '12' },
      { field: 'linkedOcids', before: ['ocds-x-1'], after: ['ocds-x-1', 'ocds-x-2'] },
      { field: 'published', before: false, after: true },
    ]);
    expect(diffFields(a, a)).toEqual([]);
  });
});
