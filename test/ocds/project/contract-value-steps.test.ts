// The value history of a modified contract from a record's releases, on releases derived from the real UK6 award
// of 06e832 (the sample has no contract or amendment: test/analytics/quality/support.ts says how they are derived).
import { describe, expect, it } from 'vitest';
import { contractValueSteps } from '../../../src/ocds/project/contract-value-steps.js';
import { SAMPLE, derivedUk10, derivedUk7, releasesOf } from '../../analytics/quality/support.js';

const uk6 = releasesOf(SAMPLE.fts, 'ocds-h6vhtk-06e832')[0]!;
const uk7 = derivedUk7(uk6, 'uk7-1', '2026-10-20T09:00:00+01:00', { id: 'C1' });
const uk10 = (id: string, date: string, gross: number) =>
  derivedUk10(uk6, id, date, 'C1', { value: { amountGross: gross, currency: 'GBP' } });
const steps = (releases: Record<string, unknown>[]) =>
  contractValueSteps(
    'ocds-h6vhtk-06e832',
    releases.map((r) => ({ id: String(r.id), date: String(r.date), tags: r.tag as string[], data: r })),
  ).map((s) => [s.step, s.kind, s.release_id, s.notice_type, s.amendment_id, s.value_gross]);

describe('contractValueSteps', () => {
  it('gives nothing for a contract without amendments', () => {
    expect(steps([uk6, uk7])).toEqual([]);
  });

  it('keeps the value first agreed, then each amendment in date order, whatever the arrival order', () => {
    const later = derivedUk10(uk6, 'uk10-2', '2027-06-01T10:00:00Z', 'C1', {
      id: '2',
      value: { amountGross: 300000, currency: 'GBP' },
    });
    expect(steps([later, uk10('uk10-1', '2027-03-02T10:00:00Z', 283298.5), uk7, uk6])).toEqual([
      [0, 'first', 'uk7-1', 'UK7', null, '256378.74'],
      [1, 'amendment', 'uk10-1', 'UK10', '1', '283298.5'],
      [2, 'amendment', 'uk10-2', 'UK10', '2', '300000'],
    ]);
  });

  it('takes a re-published amendment’s later value (a correction) and keeps its first release', () => {
    expect(
      steps([
        uk6,
        uk7,
        uk10('uk10-1', '2027-03-02T10:00:00Z', 2832985),
        uk10('uk10-1b', '2027-03-03T10:00:00Z', 283298.5),
      ]),
    ).toEqual([
      [0, 'first', 'uk7-1', 'UK7', null, '256378.74'],
      [1, 'amendment', 'uk10-1', 'UK10', '1', '283298.5'],
    ]);
  });

  it('has no value first agreed when the contract first appears with an amendment', () => {
    expect(steps([uk6, uk10('uk10-1', '2027-03-02T10:00:00Z', 283298.5)])).toEqual([
      [0, 'amendment', 'uk10-1', 'UK10', '1', '283298.5'],
    ]);
  });
});
