// `missionbuy horizon` as a user runs it (the built CLI in a child process) on the ingested sample: the same
// figures as the service and API, JSON and CSV output, and a usage error for bad input.
import { describe, expect, it } from 'vitest';
import { createHorizonService } from '../../src/services/horizon/horizon.service.js';
import { runCli } from '../support/cli.js';
import { useSampleDb } from '../support/db.js';

const AS_OF = '2026-06-01';

describe('missionbuy horizon', () => {
  const sample = useSampleDb();

  const env = () => ({ DATABASE_URL: sample().url });

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

  it('rejects bad input with exit code 64 and the reason', async () => {
    const r = await runCli(['horizon', '--months', '0', '--cpv', 'x'], env());
    expect(r.code).toBe(64);
    expect(r.stderr).toMatch(/^missionbuy: months: .*cpv: /);
  });
});
