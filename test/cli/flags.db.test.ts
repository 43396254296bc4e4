// `missionbuy flags` as a user runs it (the built CLI in a child process) on the real sample: the definitions,
// one record's flags as text and JSON (the same figures as the service), and one-line failures with exit codes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedFlagsService } from '../../src/services/redflags.service.js';
import { runCli } from '../support/cli.js';
import { createSampleDb, type TestDb } from '../support/db.js';

describe('missionbuy flags', () => {
  let t: TestDb;
  let env: Record<string, string>;
  beforeAll(async () => {
    t = await createSampleDb();
    env = { DATABASE_URL: t.url };
  }, 180_000);
  afterAll(() => t.drop());

  it('lists every flag with its thresholds, marking configurable defaults', async () => {
    const r = await runCli(['flags', '--definitions'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('short-tender-period — Tender period below statutory minimum (record, high)');
    expect(r.stdout).toContain('  redflag.tender-period-min-days = 25\n');
    expect(r.stdout).toContain('  redflag.rollover-min-awards = 3 [?]');
  });

  it('prints the national list (no --buyer) as text and as the service’s JSON, filters applied', async () => {
    const service = createRedFlagsService({ db: t.db });
    await service.refresh();
    const all = await service.national({});
    expect(all.total).toBeGreaterThan(0);
    const text = await runCli(['flags'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(
      new RegExp(
        `^National red flags, sorted by severity: ${all.total} flagged result\\(s\\), page 1 of 1\n`,
      ),
    );
    const i = all.items[0]!;
    expect(text.stdout).toContain(`  ${i.flagId}${i.ocid ? ` ${i.ocid}` : ''}`);
    expect(text.stdout).toContain(`— ${i.buyer.name} (organisation ${i.buyer.id}): ${i.detail}`);
    const json = await runCli(['flags', '--flag', i.flagId, '--json'], env);
    expect(JSON.parse(json.stdout)).toEqual(
      JSON.parse(JSON.stringify(await service.national({ flag: i.flagId }))),
    );
    const bad = await runCli(['flags', '--region', 'nowhere'], env);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/Region must be an ITL or NUTS code/);
  });

  it('prints one record’s flags as text and as the service’s JSON', async () => {
    const text = await runCli(['flags', '--ocid', 'ocds-h6vhtk-078219', '--status', 'all'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Red flags for ocds-h6vhtk-078219: 1 record\(s\) judged/);
    expect(text.stdout).toMatch(/short-tender-period +record +high +0 +0 +1 +0/);
    expect(text.stdout).toContain('tender period: 2026-10-06 to 2026-11-05 (30 days)');
    const json = await runCli(['flags', '--ocid', 'ocds-h6vhtk-078219', '--status', 'all', '--json'], env);
    expect(json.code).toBe(0);
    const service = createRedFlagsService({ db: t.db });
    expect(JSON.parse(json.stdout)).toEqual(
      await service.flags({ ocid: 'ocds-h6vhtk-078219', status: 'all' }),
    );
  });

  it('fails with one line and the right exit code', async () => {
    const bad = await runCli(['flags', '--buyer', 'abc'], env);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/buyerId: must be a whole number/);
    const missing = await runCli(['flags', '--buyer', '999999'], env);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toMatch(/No organisation 999999/);
  });
});
