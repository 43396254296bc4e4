// `missionbuy social-value` as a user runs it (the built CLI in a child process) on the ingested sample: a
// commitment on Harrogate Town Council's district heating (ocds-h6vhtk-067fb8) recorded through the service, then
// the table, the JSON (equal to the service's) and a one-line error with exit code 64 for a bad filter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/authz.js';
import { createSocialValueService } from '../../src/services/social-value/social-value.service.js';
import { runCli } from '../support/cli.js';
import { createSampleDb, type TestDb } from '../support/db.js';
import { organisationIdByName } from '../support/sample-app.js';

describe('missionbuy social-value', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createSampleDb();
    const harrogate = await organisationIdByName(t, 'Harrogate Town Council');
    const editor: Actor = {
      userId: 5,
      email: 'editor@harrogate.gov.uk',
      name: 'E',
      serviceRole: null,
      organisations: new Map([[harrogate, 'editor']]),
    };
    await createSocialValueService({ db: t.db }).commit(editor, 'ocds-h6vhtk-067fb8', {
      metricId: 'ppn001.sme-direct-spend-share',
      target: '30',
      unit: 'percent of value',
      timing: 'due',
      dueDate: '2027-03-31',
    });
  }, 180_000);
  afterAll(async () => t.drop());
  const env = () => ({ DATABASE_URL: t.url });

  it('prints the roll-up per metric, and JSON equal to the service’s', async () => {
    const r = await runCli(['social-value', '--region', 'UKE'], env());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Social value by total \(region Yorkshire and the Humber\): only like metric ids/,
    );
    expect(r.stdout).toMatch(/Total\s+ppn001\.sme-direct-spend-share\s+percent of value\s+1\s+not added/);
    const j = await runCli(['social-value', '--mission', 'growth', '--by', 'buyer', '--json'], env());
    const sv = createSocialValueService({ db: t.db });
    const direct = await sv.rollUp(sv.filters({ mission: 'growth', by: 'buyer' }));
    expect(JSON.parse(j.stdout)).toEqual(JSON.parse(JSON.stringify(direct)));
    expect((await runCli(['social-value', '--region', 'UKC'], env())).stdout).toContain(
      'No commitments match.',
    );
  }, 240_000);

  it('fails in one line on a bad filter', async () => {
    const r = await runCli(['social-value', '--region', 'UKX'], env());
    expect(r.code).toBe(64);
    expect(r.stderr).toBe('missionbuy: Region must be an ITL1 code from UKC to UKN, not “UKX”\n');
  }, 120_000);
});
