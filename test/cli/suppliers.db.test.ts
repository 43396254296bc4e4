// `missionbuy suppliers` as a user runs it (the built CLI in a child process): resolution runs after an import by
// itself, `suppliers resolve` prints counts and time (and JSON), `list --unresolved` and `show` read the result, and
// bad input fails with one line and exit code 64. Data: Salford's contract register 2022-07 and one Salford spend
// file (test/fixtures/uk-more).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { addOrganisation } from '../support/organisations.js';
import { sharedDataPath } from '../support/shared-data.js';

describe('missionbuy suppliers', () => {
  let t: TestDb;
  let env: Record<string, string>;
  let salford: number;
  beforeAll(async () => {
    t = await createTestDb();
    env = { DATABASE_URL: t.url };
    salford = await addOrganisation(t.db, 'Salford City Council');
  }, 180_000);
  afterAll(() => t.drop());

  it('resolves suppliers after an import, and on demand with counts and time', async () => {
    const register = sharedDataPath('uk-more/contract-registers/salford-contracts-register-2022-07.csv');
    const imported = await runCli(['import', 'register', '--org', String(salford), register], env);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/Resolved \d+ sources into \d+ suppliers in [\d.]+s/);
    const spend = sharedDataPath('uk-more/spend/salford/2021-06.csv.gz');
    const json = await runCli(['import', 'spend', '--org', String(salford), '--json', spend], env);
    expect(json.code).toBe(0);
    const summary = JSON.parse(json.stdout);
    expect(summary.suppliers).toMatchObject({ skipped: false });
    expect(summary.suppliers.sources).toBeGreaterThan(summary.suppliers.suppliers);

    const again = await runCli(['suppliers', 'resolve', '--if-changed'], env);
    expect(again.stdout).toMatch(/^Suppliers already up to date/);
    const forced = await runCli(['suppliers', 'resolve', '--json'], env);
    expect(forced.code).toBe(0);
    const s = JSON.parse(forced.stdout);
    expect(s).toMatchObject({ skipped: false, sources: summary.suppliers.sources, created: 0 });
    expect(s.seconds).toBeGreaterThan(0);
  }, 180_000);

  it('lists unresolved payees and shows one supplier with its evidence', async () => {
    const list = await runCli(['suppliers', 'list', '--unresolved', '--json', '--page-size', '5'], env);
    expect(list.code).toBe(0);
    const page = JSON.parse(list.stdout);
    expect(page.rows).toHaveLength(5);
    expect(page.rows.every((r: { kind: string }) => r.kind === 'spend')).toBe(true);
    const text = await runCli(['suppliers', 'list', '--q', 'whistl'], env);
    const id = /^\s*(\d+)\s+Whistl UK Limited/m.exec(text.stdout)?.[1];
    expect(id).toBeDefined();
    const show = await runCli(['suppliers', 'show', id!], env);
    expect(show.stdout).toContain('Identifiers: GB-COH-04417047');
    expect(show.stdout).toMatch(/spend +Whistl Uk Ltd +Salford City Council .* name-same-buyer +0\.70/);
  }, 120_000);

  it('fails with one line and exit 64 on bad input', async () => {
    const r = await runCli(['suppliers', 'show', 'abc'], env);
    expect(r.code).toBe(64);
    expect(r.stderr).toBe('missionbuy: supplier id must be a whole number, got "abc"\n');
    const sort = await runCli(['suppliers', 'list', '--sort', 'size'], env);
    expect(sort.code).toBe(64);
    expect(sort.stderr).toMatch(/^missionbuy: sort: must be one of paid, name, sources, payments/);
  }, 60_000);
});
