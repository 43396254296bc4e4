// `missionbuy market` as a user runs it (the built CLI in a child process) on the ingested sample: the same
// profile as the service as JSON, the readable report, and usage errors for bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createMarketService } from '../../src/services/market/market.service.js';
import { rewriteMarketFacts } from '../../src/store/market-fact.repository.js';
import { summaryState } from '../../src/store/market-summary.repository.js';
import { runCli } from '../support/cli.js';
import { createSampleDb, type TestDb } from '../support/db.js';

const PERIOD = ['--from', '2021-04-01', '--to', '2027-03-31'];

describe('missionbuy market', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createSampleDb();
  }, 180_000);
  afterAll(async () => t.drop());

  const env = () => ({ DATABASE_URL: t.url });

  it('prints the same profile as the service as JSON', async () => {
    const r = await runCli(['market', '--cpv', '34', ...PERIOD, '--json'], env());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const market = createMarketService({ db: t.db });
    const direct = await market.profile(
      market.queryOrThrow({ cpv: '34', from: '2021-04-01', to: '2027-03-31' }),
    );
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(direct)));
    expect(direct.figures.awards).toBeGreaterThan(0);
  });

  it('rebuilds the summary table first with --refresh, when the facts have changed', async () => {
    const ocid = await sql<{ ocid: string }>`select ocid from market_fact limit 1`.execute(t.db);
    await rewriteMarketFacts(t.db, [ocid.rows[0]!.ocid]);
    expect((await summaryState(t.db))?.fresh).toBe(false);
    const r = await runCli(['market', '--cpv', '34', ...PERIOD, '--refresh'], env());
    expect(r.code).toBe(0);
    expect((await summaryState(t.db))?.fresh).toBe(true);
  });

  it('prints a report with every figure and the largest suppliers', async () => {
    const market = createMarketService({ db: t.db });
    const p = await market.profile(market.queryOrThrow({ cpv: '85', from: '2021-04-01', to: '2027-03-31' }));
    const r = await runCli(['market', '--cpv', '85', ...PERIOD, '--top', '3'], env());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Market: CPV 85 \(cpv\), awards dated 2021-04-01 to 2027-03-31/);
    expect(r.stdout).toContain(`HHI: ${Math.round(p.figures.hhi!)} (`);
    expect(r.stdout).toContain('US 2023 Merger Guidelines');
    expect(r.stdout).toMatch(/SME share: .* not known: .*, \d+ awards/);
    expect(r.stdout).toMatch(/Local share \(ITL1\)/);
    expect(r.stdout).toContain('2025-04-01 to 2026-03-31');
    for (const s of p.figures.suppliers.slice(0, 3)) expect(r.stdout).toContain(s.name);
    expect(r.stdout).not.toContain(p.figures.suppliers[3]!.name);
  });

  it('rejects bad input with exit code 64 and the reasons', async () => {
    const none = await runCli(['market'], env());
    expect(none.code).toBe(64);
    expect(none.stderr).toMatch(/Give a buyer, a CPV code or a region/);
    const both = await runCli(['market', '--buyer', '1', '--region', 'TLE'], env());
    expect(both.code).toBe(64);
    expect(both.stderr).toMatch(/a buyer or a region, not both/);
    const bad = await runCli(['market', '--cpv', 'x', '--from', '2025-02-30'], env());
    expect(bad.code).toBe(64);
    expect(bad.stderr).toMatch(/cpv: .*from: /);
    const missing = await runCli(['market', '--buyer', '999999'], env());
    expect(missing.code).toBe(66);
  });
});
