// `missionbuy horizon` as a user runs it (the built CLI in a child process) on the ingested sample: the same
// figures as the service and API, JSON and CSV output, and a usage error for bad input.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHorizonService } from '../../src/services/horizon/horizon.service.js';
import { refreshMissions } from '../../src/services/missions/summary-refresh.js';
import { runCli } from '../support/cli.js';
import { useSampleDb } from '../support/db.js';

const AS_OF = '2026-06-01';

describe('missionbuy horizon', () => {
  const sample = useSampleDb();

  const env = () => ({ DATABASE_URL: sample().url });
  beforeAll(() => refreshMissions(sample().db).then(() => undefined));

  it('prints the same scan as the service as JSON', async () => {
    const r = await runCli(
      ['horizon', '--as-of', AS_OF, '--months', '18', '--page-size', '100', '--json'],
      env(),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const cli = JSON.parse(r.stdout) as { total: number; items: { ocid: string }[] };
    const horizon = createHorizonService({ db: sample().db, today: () => AS_OF });
    const direct = await horizon.scan(horizon.queryOrThrow({ months: 18, pageSize: 100 }));
    expect(cli).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(cli.total).toBeGreaterThan(0);
  });

  it('prints a table with the window summary, filtered by buyer', async () => {
    const horizon = createHorizonService({ db: sample().db, today: () => AS_OF });
    const first = (await horizon.scan(horizon.queryOrThrow({ months: 24 }))).items[0]!;
    const r = await runCli(
      ['horizon', '--as-of', AS_OF, '--months', '24', '--buyer', String(first.buyer!.id)],
      env(),
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Horizon scan as of 2026-06-01/);
    expect(r.stdout).toMatch(/24 months \(to 2028-06-01\): \d+ contracts/);
    expect(r.stdout).toContain(first.ocid);
    expect(r.stdout).toContain(first.decisionDueBy);
  });

  it('writes every contract as CSV', async () => {
    const r = await runCli(['horizon', '--as-of', AS_OF, '--months', '24', '--csv'], env());
    expect(r.code).toBe(0);
    const lines = r.stdout
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    const json = JSON.parse(
      (await runCli(['horizon', '--as-of', AS_OF, '--months', '24', '--json'], env())).stdout,
    ) as { total: number };
    expect(lines).toHaveLength(1 + json.total);
  });

  it('filters by mission (--mission), the same as the service, and names each row’s missions', async () => {
    const r = await runCli(
      ['horizon', '--as-of', AS_OF, '--months', '24', '--mission', 'nhs', '--json'],
      env(),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const cli = JSON.parse(r.stdout) as { total: number; filters: object; items: { ocid: string }[] };
    const horizon = createHorizonService({ db: sample().db, today: () => AS_OF });
    const direct = await horizon.scan(horizon.queryOrThrow({ months: 24, mission: 'nhs' }));
    expect(cli).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(cli.filters).toEqual({ mission: 'nhs' });
    expect(cli.total).toBe(5);
    const table = await runCli(['horizon', '--as-of', AS_OF, '--months', '24', '--mission', 'nhs'], env());
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/24 months \(to 2028-06-01\): 5 contracts, £10,180,915/);
    expect(table.stdout).toMatch(/nhs opportunity\s+ocds-h6vhtk-06d285/);
    const bad = await runCli(['horizon', '--mission', 'health'], env());
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/^missionbuy: mission: Mission must be one of the missions: growth, /);
  });

  it('rejects bad input with exit code 64 and the reason', async () => {
    const r = await runCli(['horizon', '--months', '0', '--cpv', 'x'], env());
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/^missionbuy: months: .*cpv: /);
  });
});
