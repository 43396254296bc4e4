// `missionbuy spend` as a user runs it (the built CLI in a child process) on Salford's real register and June 2022
// spend file: the same profile as the service as JSON, the readable report, and usage errors for bad input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRegister } from '../../src/imports/register/import-register.js';
import { importSpend } from '../../src/imports/spend/import-spend.js';
import { createPaidService } from '../../src/services/paid/paid.service.js';
import { createSuppliersService } from '../../src/services/suppliers/suppliers.service.js';
import { runCli } from '../support/cli.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { addOrganisation } from '../support/organisations.js';
import { sharedDataPath } from '../support/shared-data.js';

const JUNE = ['--from', '2022-06-01', '--to', '2022-06-30'];

describe('missionbuy spend', () => {
  let t: TestDb;
  let salford = 0;
  beforeAll(async () => {
    t = await createTestDb();
    salford = await addOrganisation(t.db, 'Salford City Council');
    await importRegister(
      t.db,
      sharedDataPath('uk-more/contract-registers/salford-contracts-register-2022-07.csv'),
      {
        organisationId: salford,
      },
    );
    await importSpend(t.db, [sharedDataPath('uk-more/spend/salford/2022-06.csv.gz')], {
      organisationId: salford,
    });
    await createSuppliersService({ db: t.db }).resolve();
  }, 300_000);
  afterAll(async () => t?.drop());

  const env = () => ({ DATABASE_URL: t.url });

  it('prints the same profile as the service as JSON, and a readable report', async () => {
    const r = await runCli(['spend', '--buyer', String(salford), ...JUNE, '--json'], env());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const paid = createPaidService({ db: t.db });
    const direct = await paid.profile(
      paid.queryOrThrow({ buyerId: salford, from: '2022-06-01', to: '2022-06-30' }),
    );
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(direct)));
    const text = await runCli(['spend', '--buyer', String(salford), ...JUNE, '--top', '3'], env());
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Paid money: Salford City Council, payments dated 2022-06-01 to 2022-06-30/);
    expect(text.stdout).toMatch(/SME share: paid .* not known .* \| awarded/);
    for (const s of direct.figures.suppliers.slice(0, 3)) expect(text.stdout).toContain(s.label);
  });

  it('fails with one clear line on bad input', async () => {
    const r = await runCli(['spend', '--buyer', String(salford), '--place', 'TLD'], env());
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('Give a buyer or a place, not both');
    const period = await runCli(['spend', '--place', 'TLD', '--period', 'week'], env());
    expect(period.code).not.toBe(0);
    expect(period.stderr).toContain('Period must be month, quarter or fy');
  });
});
