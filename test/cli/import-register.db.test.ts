// `missionbuy import register` as a user runs it (the built CLI in a child process) on Salford's real contract
// register (test/fixtures/uk-more): a mapping file that is not JSON, names an unknown field or names a header the
// file does not have is one clear line on stderr with exit 65 and writes nothing; --dry-run prints the summary and
// how each column was mapped, and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { tempDir, type TempDir } from '../support/files.js';
import { addOrganisation } from '../support/organisations.js';
import { sharedDataPath } from '../support/shared-data.js';

const CSV = sharedDataPath('uk-more', 'contract-registers', 'salford-contracts-register-2022-07.csv');

describe('missionbuy import register', () => {
  let t: TestDb;
  let tmp: TempDir;
  let env: Record<string, string>;
  let org: string[];
  beforeAll(async () => {
    t = await createTestDb();
    tmp = tempDir();
    env = { DATABASE_URL: t.url };
    org = ['--org', String(await addOrganisation(t.db, 'Salford City Council'))];
  }, 180_000);
  afterAll(async () => {
    tmp.remove();
    await t.drop();
  });

  const written = async () => {
    const count = async (table: 'register_contract' | 'import_run' | 'import_quarantine') =>
      Number(
        (
          await t.db
            .selectFrom(table)
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      contracts: await count('register_contract'),
      runs: await count('import_run'),
      quarantined: await count('import_quarantine'),
    };
  };
  const nothing = { contracts: 0, runs: 0, quarantined: 0 };

  it.each([
    ['not JSON', '{"title": "Contract Title",', /: not a readable JSON mapping file: /],
    ['a JSON array', '["title"]', /: a mapping file is a JSON object of field → header text$/],
    [
      'an unknown field',
      '{"titel": "Contract Title"}',
      /: unknown field "titel"; fields are reference, title, /,
    ],
    ['an empty header', '{"title": " "}', /: "title" must name a header \(text\)$/],
    [
      'a header the file does not have',
      '{"title": "Name of Contract"}',
      /: the mapping names header "Name of Contract" for title, but the file's header row has no such column \(its headers: "Directorate Name", /,
    ],
  ])(
    'a mapping file with %s is one clear line, exit 65, nothing written',
    async (_what, json, message) => {
      const mapping = tmp.write(`mapping-${json.length}.json`, json);
      for (const dry of [[], ['--dry-run']]) {
        const r = await runCli(['import', 'register', ...org, ...dry, '--mapping', mapping, CSV], env);
        expect(r.code).toBe(65);
        expect(r.stdout).toBe('');
        const lines = r.stderr.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(message);
        expect(lines[0]).toContain(/Name of Contract/.test(json) ? CSV : mapping);
      }
      expect(await written()).toEqual(nothing);
    },
    60_000,
  );

  it('--dry-run prints the counts and how each column was mapped, and writes nothing', async () => {
    const r = await runCli(['import', 'register', ...org, '--dry-run', CSV], env);
    expect(r.code).toBe(0);
    const [summary, ...columns] = r.stdout.trimEnd().split('\n');
    expect(summary).toMatch(
      new RegExp(
        `^Checked \\(nothing written\\) ${CSV.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} for Salford City Council \\(\\d+\\) in [\\d.]+s: ` +
          '280 rows, 280 contracts kept, 0 quarantined \\(utf-8, header on line 1\\)\\.$',
      ),
    );
    // One line per column of the header (24), in order, with the field it feeds and why.
    expect(columns).toHaveLength(24);
    expect(columns[0]).toBe('    column 1 "Directorate Name" → directorate (header "directoratename")');
    expect(columns[2]).toBe('    column 3 "Purchasing Body" → — (not used)');
    expect(columns[4]).toBe('    column 5 "Contract Title" → title (header "contracttitle")');
    expect(columns[9]).toBe(
      '    column 10 "Total Contract Value (including extensions)" → totalValue (header "totalcontractvalueincludingextensions")',
    );
    expect(columns[18]).toBe(
      '    column 19 "Current Expiry Date" → currentExpiry (header "currentexpirydate")',
    );
    expect(columns[22]).toBe(
      '    column 23 "Company Number" → supplierCompanyNumber (header "companynumber")',
    );
    expect(await written()).toEqual(nothing);
  }, 60_000);

  it('--dry-run with a mapping file shows the mapped header feeding its field', async () => {
    const mapping = tmp.write('title-from-description.json', '{"title": "Contract Description"}');
    const r = await runCli(['import', 'register', ...org, '--dry-run', '--mapping', mapping, CSV], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '    column 6 "Contract Description" → title (header "contractdescription")\n',
    );
    expect(r.stdout).toContain('    column 5 "Contract Title" → — (not used)\n');
    expect(await written()).toEqual(nothing);
  }, 60_000);
});
