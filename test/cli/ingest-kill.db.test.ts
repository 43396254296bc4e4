// Kill the ingest process (SIGKILL) at random points, re-run: the stored set equals a clean run's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRealReleases, syntheticLines } from '../../bench/lib/synthetic.js';
import { repoPath } from '../../src/paths.js';
import { runCli, startCli } from '../support/cli.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { fingerprint, mulberry32 } from '../support/fingerprint.js';
import { tempDir, type TempDir } from '../support/files.js';

describe('ingest survives SIGKILL at random points', () => {
  let clean: TestDb;
  let killed: TestDb;
  let files: TempDir;
  let input: string;
  beforeAll(async () => {
    [clean, killed] = await Promise.all([createTestDb(), createTestDb()]);
    files = tempDir();
    // Synthetic (scaled from the real sample), large enough that an ingest takes a few seconds.
    const text = [...syntheticLines(loadRealReleases(repoPath('data/sample')), 8000)].join('');
    input = files.write('synthetic.jsonl', text);
  });
  afterAll(async () => {
    files.remove();
    await Promise.all([clean.drop(), killed.drop()]);
  });

  it('ends with exactly the clean run’s releases, records and projection', async () => {
    const args = ['ingest', input, '--synthetic', '--json'];
    const cleanRun = await runCli(args, { DATABASE_URL: clean.url });
    expect(cleanRun.code, cleanRun.stderr).toBe(0);
    const expected = await fingerprint(clean.db);
    expect(expected.releases).toBeGreaterThan(7000);

    const seed = Number(process.env.KILL_SEED ?? 20261125);
    const random = mulberry32(seed);
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const delay = 300 + Math.floor(random() * 2500);
      delays.push(delay);
      const { child, done } = startCli(args, { DATABASE_URL: killed.url });
      const timer = setTimeout(() => child.kill('SIGKILL'), delay);
      const r = await done;
      clearTimeout(timer);
      expect([0, null]).toContain(r.code); // finished before the kill, or killed
    }
    const finalRun = await runCli(args, { DATABASE_URL: killed.url });
    expect(finalRun.code, `${finalRun.stderr} (seed ${seed}, delays ${delays.join(',')})`).toBe(0);
    expect(await fingerprint(killed.db)).toEqual(expected);
  }, 240_000);
});
