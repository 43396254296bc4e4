// Identifiers never change meaning: ids are namespaced by their owner, and an edit of a metric's outcome, unit or
// direction is detected (the service refuses it; a new id must be created).
import { describe, expect, it } from 'vitest';
import {
  metricMeaningChanges,
  newItemId,
  outcomeMeaningChanges,
  slugify,
} from '../../../src/domain/missions/identifiers.js';
import { NATIONAL, orgScope, regionScope, type Metric } from '../../../src/domain/missions/standard.js';

const base: Metric = {
  id: 'region.UKC.local-jobs-fte',
  outcomeId: 'ppn002.o1.fair-work',
  name: 'Local jobs',
  unit: 'FTE',
  direction: 'higher',
  definition: 'Full-time equivalent jobs held by residents of the region',
  evidence: 'payroll',
  officialCode: null,
  source: 'test',
  status: 'active',
};

describe('identifiers', () => {
  it.each([
    ['Local jobs (FTE)', 'local-jobs-fte'],
    ['  Café  apprenticeships — North East ', 'cafe-apprenticeships-north-east'],
    ['%%%', ''],
  ])('slugify(%j) = %j', (text, slug) => expect(slugify(text)).toBe(slug));

  it('namespaces ids by scope, so a lower tier cannot take a national id', () => {
    expect(newItemId(regionScope('UKC'), 'local-jobs')).toBe('region.UKC.local-jobs');
    expect(newItemId(orgScope(441), 'local-jobs')).toBe('org.441.local-jobs');
    expect(newItemId(NATIONAL, 'x')).toBe('x');
  });

  it('finds the edits that would change what a metric means', () => {
    expect(metricMeaningChanges(base, { ...base, unit: ' fte ' })).toEqual([]);
    expect(metricMeaningChanges(base, { ...base, unit: 'people' })).toEqual(['unit']);
    expect(metricMeaningChanges(base, { ...base, direction: 'lower', outcomeId: 'x' })).toEqual([
      'outcomeId',
      'direction',
    ]);
    expect(
      outcomeMeaningChanges(
        {
          id: 'o',
          missionId: 'growth',
          name: '',
          definition: '',
          officialCode: null,
          criteria: [],
          source: '',
          status: 'active',
        },
        { missionId: 'nhs' },
      ),
    ).toEqual(['missionId']);
  });
});
