// The horizon scan's test database: the real sample with Salford's real contract register imported for its council
// (register rows join the horizon and carry no mission) and each contract's missions refreshed as after ingest.
import { expect } from 'vitest';
import { importRegister } from '../../src/imports/register/import-register.js';
import { repoPath } from '../../src/paths.js';
import { refreshMissions } from '../../src/services/missions/summary-refresh.js';
import { createSampleDb, type TestDb } from './db.js';
import { addOrganisation } from './organisations.js';

export async function createHorizonSampleDb(): Promise<TestDb> {
  const t = await createSampleDb();
  const salford = await addOrganisation(t.db, 'Salford City Council');
  const file = repoPath('test/fixtures/uk-more/contract-registers/salford-contracts-register-2022-07.csv');
  expect((await importRegister(t.db, file, { organisationId: salford })).status).toBe('imported');
  await refreshMissions(t.db);
  return t;
}
