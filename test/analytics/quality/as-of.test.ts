// The runner judges checks that do not read the as-of day once for several days (readsAsOf in check.ts). This
// holds every check to that: on every real record of three sample files, a check that claims not to read the day
// gives the same outcomes as of days years apart; and the multi-day runner gives what one run per day gives.
import { describe, expect, it } from 'vitest';
import { readsAsOf } from '../../../src/analytics/quality/check.js';
import { RECORD_CHECKS } from '../../../src/analytics/quality/registry.js';
import { evaluateRecord, evaluateRecordOn } from '../../../src/analytics/quality/run.js';
import { SAMPLE, ctx, factsFromReleases, sampleReleases } from './support.js';

const DAYS = ['2015-01-01', '2025-03-31', '2026-11-25', '2031-06-30'].map(ctx);

const facts = [SAMPLE.fts, SAMPLE.ftsUk1, SAMPLE.ftsUk4, SAMPLE.cf2025].flatMap((file) => {
  const byOcid = new Map<string, ReturnType<typeof sampleReleases>>();
  for (const r of sampleReleases(file))
    byOcid.set(String(r.ocid), [...(byOcid.get(String(r.ocid)) ?? []), r]);
  return [...byOcid.values()].map((releases) => factsFromReleases(releases));
});

describe('as-of independence', () => {
  it('covers real records', () => expect(facts.length).toBeGreaterThan(100));

  for (const check of RECORD_CHECKS.filter((c) => !readsAsOf(c)))
    it(`${check.id} gives the same outcomes whatever the day`, () => {
      for (const f of facts) {
        const [first, ...rest] = DAYS.map((d) => JSON.stringify(check.evaluate(f, d)));
        for (const other of rest) expect(other).toBe(first);
      }
    });

  it('Procurement Act checks do read the day (on at least one real record)', () => {
    const changes = RECORD_CHECKS.filter(readsAsOf).filter((check) =>
      facts.some((f) => new Set(DAYS.map((d) => JSON.stringify(check.evaluate(f, d)))).size > 1),
    );
    expect(changes.length).toBeGreaterThan(0);
  });

  it('judges several days at once exactly as one day at a time', () => {
    for (const f of facts) {
      const together = evaluateRecordOn(f, DAYS);
      DAYS.forEach((d, i) => expect(JSON.stringify(together[i])).toBe(JSON.stringify(evaluateRecord(f, d))));
    }
  });
});
