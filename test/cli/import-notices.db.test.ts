// `missionbuy import notices` as a user runs it (the built CLI in a child process) on the real Lancashire councils'
// Contracts Finder export (test/fixtures/uk-more, copied from shared/data/uk-more/contracts-finder-lancashire): a dry
// run prints the summary line and the column mapping and writes nothing, an import prints its counts, the same
// content again is reported as already imported, and --json prints the summary with the mapping in place of stats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { addOrganisation } from '../support/organisations.js';
import { sharedDataPath } from '../support/shared-data.js';

const CSV = sharedDataPath('uk-more', 'contracts-finder-lancashire', 'cf-notices-lancashire-councils.csv');

describe('missionbuy import notices', () => {
  let t: TestDb;
  let env: Record<string, string>;
  let lancs: number;
  beforeAll(async () => {
    t = await createTestDb();
    env = { DATABASE_URL: t.url };
    lancs = await addOrganisation(t.db, 'Lancashire County Council');
  }, 180_000);
  afterAll(() => t.drop());

  const notices = async () =>
    Number(
      (
        await t.db
          .selectFrom('notice_contract')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('checks, imports, refuses the same content again, and prints JSON', async () => {
    const org = ['--org', String(lancs)];
    const dry = await runCli(['import', 'notices', ...org, '--dry-run', CSV], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      `Checked (nothing written) ${CSV} for Lancashire County Council (${lancs}) in `,
    );
    // 978 rows: 977 notices and one notice id listed twice (see test/imports/notices.db.test.ts).
    expect(dry.stdout).toMatch(
      /: 978 rows, 977 notices kept \(0 also in OCDS, counted once\), 1 quarantined \(csv, /,
    );
    // Each row is the notice of the organisation it names: Lancashire County Council's 83 match the --org
    // organisation by name; the other 24 councils (and joint buyers) would be created.
    expect(dry.stdout).toMatch(
      /; for 25 buyers: 83 rows matched to organisations by name, 894 of 24 organisations to create \(BLACKPOOL BOROUGH COUNCIL; .+\), 0 naming none \(--org\)\.\n/,
    );
    expect(dry.stdout).toMatch(/^ {4}column 1 ".+" → /m);
    expect(await notices()).toBe(0);

    const imported = await runCli(['import', 'notices', ...org, CSV], env);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/^Imported .+: 978 rows, 977 notices kept/);
    expect(imported.stdout).toContain('894 of 24 organisations created');
    // The notices' suppliers are resolved at once.
    expect(imported.stdout).toMatch(/^Resolved \d+ sources into \d+ suppliers in /m);
    expect(imported.stdout).not.toContain('column 1');
    expect(await notices()).toBe(977);
    const buyers = await t.db
      .selectFrom('notice_contract')
      .select((e) => e.fn.count<string>('buyer_id').distinct().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(buyers.n)).toBe(25);

    const again = await runCli(['import', 'notices', ...org, '--json', CSV], env);
    expect(again.code).toBe(0);
    const s = JSON.parse(again.stdout);
    expect(s).toMatchObject({ status: 'duplicate', sameAs: CSV, duplicates: 978, kept: 0, inOcds: 0 });
    expect(s).not.toHaveProperty('stats');
    expect(await notices()).toBe(977);
  }, 120_000);
});
