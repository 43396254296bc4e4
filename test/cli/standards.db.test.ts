// `missionbuy standards` as a user runs it (the built CLI in a child process) on the ingested sample: the national
// catalogue, a region's and a buyer's with provenance (a regional outcome added through the service first), JSON
// equal to the service's, and usage errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStandardsService } from '../../src/services/missions/standards.service.js';
import { centralActor as central } from '../support/actors.js';
import { runCli } from '../support/cli.js';
import { createSampleDb, type TestDb } from '../support/db.js';
import { organisationIdByName } from '../support/sample-app.js';

describe('missionbuy standards', () => {
  let t: TestDb;
  let harrogate: number;
  beforeAll(async () => {
    t = await createSampleDb();
    harrogate = await organisationIdByName(t, 'Harrogate Town Council');
    const s = createStandardsService({ db: t.db });
    await s.addItem(central, { region: 'UKE' }, 'outcome', {
      parentId: 'clean-energy',
      name: 'Warm homes',
      definition: 'Fewer households in fuel poverty',
    });
  }, 180_000);
  afterAll(async () => t.drop());
  const env = () => ({ DATABASE_URL: t.url });

  it('prints the national catalogue', async () => {
    const r = await runCli(['standards'], env());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Standard for national: tiers national\n/);
    expect(r.stdout).toContain('Social value minimum weighting: 10% (national) of the total score');
    expect(r.stdout).toMatch(
      /Direct spend with SMEs \[ppn001\.sme-direct-spend-share\]\s+metric\s+percent of value, higher is better/,
    );
    expect(r.stdout).not.toContain('region.UKE.warm-homes');
  });

  it('prints a buyer’s effective catalogue with provenance, and JSON equal to the service’s', async () => {
    const r = await runCli(['standards', '--org', String(harrogate)], env());
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`tiers national → region:UKE → org:${harrogate}`);
    expect(r.stdout).toMatch(/Warm homes \[region\.UKE\.warm-homes\]\s+outcome.*region:UKE/);
    const j = await runCli(['standards', '--region', 'UKE', '--json'], env());
    const direct = await createStandardsService({ db: t.db }).effective({ region: 'UKE' });
    expect(JSON.parse(j.stdout)).toEqual(JSON.parse(JSON.stringify(direct)));
  });

  it('fails with a usage error or not found', async () => {
    expect((await runCli(['standards', '--region', 'UKE', '--org', '1'], env())).code).toBe(64);
    expect((await runCli(['standards', '--org', 'x'], env())).code).toBe(64);
    const r = await runCli(['standards', '--region', 'UKX'], env());
    expect(r.code).toBe(66);
    expect(r.stderr).toMatch(/UKX is not an ITL1 region code/);
  });
});
