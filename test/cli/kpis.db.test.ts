// `missionbuy kpis ratings` as a user runs it (the built CLI in a child process) on the real sample plus the derived
// UK7/UK9 fixture (test/fixtures/kpis/SOURCES.md): the overdue KPIs as text and as the service's JSON, and one-line
// failures with exit codes.
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ocds/pipeline.js';
import { repoPath } from '../../src/paths.js';
import { createKpisService } from '../../src/services/kpis/kpis.service.js';
import { loadCpvLabels } from '../../src/services/reference/cpv-labels.js';
import { runCli } from '../support/cli.js';
import { useSampleDb } from '../support/db.js';

const OCID = 'ocds-b5fd17-049318f6-a64f-468a-914b-072544499c9d';

describe('missionbuy kpis ratings', () => {
  const t = useSampleDb();
  let env: Record<string, string>;
  let mod: string;
  beforeAll(async () => {
    await ingestPaths(t().db, [repoPath('test/fixtures/kpis/uk7-uk9-derived.jsonl')], { source: 'fixture' });
    env = { DATABASE_URL: t().url };
    const p = await t()
      .db.selectFrom('process')
      .select('buyer_id')
      .where('ocid', '=', OCID)
      .executeTakeFirstOrThrow();
    mod = String(p.buyer_id);
  }, 60_000);

  it('prints the overdue KPIs as text and as the service’s JSON', async () => {
    const text = await runCli(['kpis', 'ratings', '--buyer', mod, '--overdue', '--as-of', '2026-06-01'], env);
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^3 overdue KPI\(s\) as of 2026-06-01/);
    expect(text.stdout).toMatch(
      /Service availability +data +Approaching target +2025-08-31 +Contract ended without a final rating/,
    );
    const json = await runCli(
      ['kpis', 'ratings', '--buyer', mod, '--overdue', '--as-of', '2026-06-01', '--json'],
      env,
    );
    expect(json.code).toBe(0);
    const service = createKpisService({
      db: t().db,
      cpv: loadCpvLabels(),
    });
    expect(JSON.parse(json.stdout)).toEqual(
      JSON.parse(
        JSON.stringify(await service.ratings({ buyerId: Number(mod), overdue: true, asOf: '2026-06-01' })),
      ),
    );
  }, 120_000);

  it('fails in one line with an exit code', async () => {
    const bad = await runCli(['kpis', 'ratings', '--buyer', 'abc'], env);
    expect(bad.code).toBe(64);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('--buyer must be an organisation id');
    const unknown = await runCli(['kpis', 'ratings', '--buyer', '999999999'], env);
    expect(unknown.code).toBe(66);
    const day = await runCli(['kpis', 'ratings', '--as-of', '2026-02-30'], env);
    expect(day.code).toBe(64);
  }, 120_000);
});
