// Trafford's category codes through the importer and the paid-money reads: the first 200 lines of Trafford's real
// 2024-25 spend file (test/fixtures/uk-more; a faithful slice, byte for byte, of the file's header and first 199
// rows, written to a temporary file) imported into a fresh database: each payment keeps its ProclassCode with the
// scheme `proclass`, `NA` keeps none, and the paid rows the matcher reads carry the code. Trafford's
// OrganisationURI (an opendatacommunities.org name, not a code) gives no local authority code.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPaidRows } from '../../../src/analytics/paid/index.js';
import { importSpend } from '../../../src/imports/spend/import-spend.js';
import { createTestDb, type TestDb } from '../../support/db.js';
import { tempDir, type TempDir } from '../../support/files.js';
import { addOrganisation } from '../../support/organisations.js';
import { sharedDataPath } from '../../support/shared-data.js';

describe('Trafford: ProClass codes stored and read back', () => {
  let t: TestDb;
  let tmp: TempDir;
  let trafford = 0;

  beforeAll(async () => {
    t = await createTestDb();
    tmp = tempDir();
    const text = gunzipSync(
      readFileSync(sharedDataPath('uk-more/spend/trafford/trafford-supplier-spend-2024-25.csv.gz')),
    ).toString('utf8');
    const slice = text.split('\n').slice(0, 200).join('\n');
    trafford = await addOrganisation(t.db, 'Trafford Council');
    const s = await importSpend(t.db, [tmp.write('trafford-first-200-lines.csv', `${slice}\n`)], {
      organisationId: trafford,
    });
    expect(s).toMatchObject({ rowsRead: 199, kept: 199, quarantined: 0 });
  }, 120_000);
  afterAll(async () => {
    tmp?.remove();
    await t?.drop();
  });

  it('keeps the ProclassCode of each payment with its scheme, and no code for NA', async () => {
    const line = (n: number) =>
      t.db
        .selectFrom('spend_payment')
        .select(['supplier_name', 'category', 'category_code', 'category_scheme'])
        .where('source_line', '=', n)
        .executeTakeFirstOrThrow();
    expect(await line(2)).toEqual({
      supplier_name: 'VLC (Stairlifts) Limited',
      category: 'SOCIAL CARE : Equipment',
      category_code: '321311',
      category_scheme: 'proclass',
    });
    expect(await line(135)).toMatchObject({
      supplier_name: 'Redacted',
      category_code: null,
      category_scheme: null,
    });
    const org = await t.db
      .selectFrom('organisation')
      .select('la_code')
      .where('id', '=', trafford)
      .executeTakeFirstOrThrow();
    expect(org.la_code).toBeNull();
  });

  it('the paid rows the matcher reads carry the code', async () => {
    const rows = await findPaidRows(t.db, [trafford], '2025-03-31', '2025-03-31');
    const vlc = rows.find((r) => r.payee === 'VLC (Stairlifts) Limited');
    expect(vlc?.categoryCode).toEqual({ scheme: 'proclass', code: '321311' });
    const coded = rows.filter((r) => r.categoryCode !== null).length;
    expect(coded).toBeGreaterThan(0);
    expect(coded).toBeLessThan(rows.length); // NA rows: no code
  });
});
