// `missionbuy missions` as a user runs it (the built CLI in a child process) on the real sample: --refresh fills the
// summary, the text lists the five missions, --json is the service's overview, one mission by region, and a
// one-line failure with a non-zero exit for a region that is not one.
import { describe, expect, it } from 'vitest';
import { createMissionDashboardService } from '../../src/services/missions/dashboard.service.js';
import { createSocialValueService } from '../../src/services/social-value/social-value.service.js';
import { runCli } from '../support/cli.js';
import { useSampleDb } from '../support/db.js';

describe('missionbuy missions', () => {
  const t = useSampleDb();
  const env = () => ({ DATABASE_URL: t().url });

  it('refreshes, prints the five missions, and the same JSON as the service', async () => {
    const text = await runCli(['missions', '--refresh'], env());
    expect(text.stderr).toBe('');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Missions \(national\)/);
    for (const id of ['growth', 'clean-energy', 'safer-streets', 'opportunity', 'nhs'])
      expect(text.stdout).toContain(`[${id}]`);
    const json = await runCli(['missions', '--json'], env());
    const service = createMissionDashboardService({
      db: t().db,
      socialValue: createSocialValueService({ db: t().db }),
    });
    expect(JSON.parse(json.stdout)).toEqual(JSON.parse(JSON.stringify(await service.overview())));
    const one = await runCli(['missions', '--mission', 'clean-energy', '--region', 'UKL'], env());
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^Make Britain a clean energy superpower \[clean-energy\] \(region Wales\)/);
    // Every buyer with --all (a page of 20 without it).
    const all = await runCli(['missions', '--mission', 'growth', '--all'], env());
    const total = Number(/Buyers 1–\d+ of (\d+)/.exec(all.stdout)?.[1]);
    expect(total).toBeGreaterThan(20);
    expect(all.stdout.match(/^\s*buyer /gm)).toHaveLength(total);
  }, 180_000);

  it('fails in one line with a non-zero exit on a bad region', async () => {
    const bad = await runCli(['missions', '--region', 'ZZZ'], env());
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('Region must be an ITL1 code');
  });
});
