// The stored quality snapshot on the real sample: a full refresh stores exactly what the checks compute; after more
// data arrives only the buyers it touches are recomputed and the result equals a full recompute; a new day starts
// over; a failed refresh leaves the previous snapshot whole; concurrent refreshes queue behind each other.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectQualityResults } from '../../src/analytics/quality/index.js';
import { addResults, newTallies, scoreChecks } from '../../src/analytics/quality/scorecard.js';
import type { Day } from '../../src/domain/rules/index.js';
import { ingestPaths } from '../../src/ocds/pipeline.js';
import { repoPath } from '../../src/paths.js';
import { refreshQuality, snapshotDays } from '../../src/services/quality-refresh.js';
import { readSnapshot } from '../../src/store/quality-snapshot.repository.js';
import { createTestDb, type TestDb } from '../support/db.js';

const DAY: Day = '2026-11-25';

/** Every buyer's score as of each day, computed from scratch with the plain runner (not the accumulator). */
async function expectedScores(t: TestDb, days: readonly Day[]): Promise<string[]> {
  const out: string[] = [];
  for (const day of days) {
    const tallies = addResults(newTallies(), await collectQualityResults(t.db, { all: true }, { asOf: day }));
    for (const [buyerId, checks] of tallies) {
      const s = scoreChecks(checks);
      out.push(`${buyerId} ${day} ${s.score} ${s.failures} ${s.notComputable} ${s.checksScored}`);
    }
  }
  return out.sort();
}

async function storedScores(t: TestDb): Promise<string[]> {
  const r = await sql<{ line: string }>`
    select buyer_id || ' ' || as_of::text || ' ' || coalesce(score::float8::text, 'null') || ' ' || failures
      || ' ' || not_computable || ' ' || checks_scored as line
    from quality_score`.execute(t.db);
  return r.rows.map((x) => x.line).sort();
}

async function storedFailureCount(t: TestDb): Promise<number> {
  const r = await sql<{ n: string }>`select count(*) as n from quality_failure`.execute(t.db);
  return Number(r.rows[0]!.n);
}

async function expectedFailureCount(t: TestDb): Promise<number> {
  const tallies = addResults(newTallies(), await collectQualityResults(t.db, { all: true }, { asOf: DAY }));
  let n = 0;
  for (const checks of tallies.values())
    for (const c of checks.values()) n += new Set(c.failingOcids).size + c.failingSubjects.length;
  return n;
}

describe('stored quality snapshot', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await ingestPaths(
      t.db,
      ['contracts-finder', 'find-a-tender', 'public-contracts-scotland'].map((d) =>
        repoPath('data/sample', d),
      ),
      { source: 'sample' },
    );
  }, 180_000);
  afterAll(async () => t.drop());

  it('stores what the checks compute, for the day and its trend quarters', async () => {
    const summary = await refreshQuality(t.db, { asOf: DAY, pageSize: 50 });
    expect(summary).toMatchObject({ kind: 'full', asOf: DAY });
    expect(summary.buyers).toBeGreaterThan(100);
    expect(await storedScores(t)).toEqual(await expectedScores(t, snapshotDays(DAY)));
    expect(await storedFailureCount(t)).toBe(await expectedFailureCount(t));
    expect(await readSnapshot(t.db)).toMatchObject({ asOf: DAY, kind: 'full', buyers: summary.buyers });
    expect(await refreshQuality(t.db, { asOf: DAY })).toMatchObject({ kind: 'none', buyers: 0 });
  });

  it('recomputes only the buyers new data touches, with the same result as a full pass', async () => {
    await ingestPaths(t.db, [repoPath('data/sample/sell2wales')], { source: 'sample' });
    const queued = await sql<{ n: string }>`select count(distinct ocid) as n from quality_queue`.execute(
      t.db,
    );
    expect(Number(queued.rows[0]!.n)).toBeGreaterThan(0);
    const summary = await refreshQuality(t.db, { asOf: DAY, pageSize: 50 });
    expect(summary.kind).toBe('incremental');
    const buyers = await sql<{ n: string }>`
      select count(distinct buyer_id) as n from process where source = 'sample' and ocid like 'ocds-kuma6s-%'`.execute(
      t.db,
    );
    expect(summary.buyers).toBeGreaterThan(0);
    expect(summary.buyers).toBeLessThanOrEqual(Number(buyers.rows[0]!.n));
    expect(await storedScores(t)).toEqual(await expectedScores(t, snapshotDays(DAY)));
    expect(await storedFailureCount(t)).toBe(await expectedFailureCount(t));
    const left = await sql<{ n: string }>`select count(*) as n from quality_queue`.execute(t.db);
    expect(Number(left.rows[0]!.n)).toBe(0);
  });

  it('starts over on a new day, and a failed refresh leaves the previous snapshot whole', async () => {
    const before = await storedScores(t);
    await expect(refreshQuality(t.db, { asOf: 'not-a-day' as Day })).rejects.toThrow(/not a day/);
    expect(await storedScores(t)).toEqual(before);
    expect((await readSnapshot(t.db))?.asOf).toBe(DAY);
    const next: Day = '2026-11-26';
    expect((await refreshQuality(t.db, { asOf: next })).kind).toBe('full');
    expect(await storedScores(t)).toEqual(await expectedScores(t, snapshotDays(next)));
  });

  it('runs concurrent refreshes one after the other', async () => {
    const [a, b] = await Promise.all([
      refreshQuality(t.db, { asOf: DAY, full: true }),
      refreshQuality(t.db, { asOf: DAY, full: true }),
    ]);
    expect([a.kind, b.kind]).toEqual(['full', 'full']);
    expect(await storedScores(t)).toEqual(await expectedScores(t, snapshotDays(DAY)));
  });
});
