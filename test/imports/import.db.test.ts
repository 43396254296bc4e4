// Spend and register import into a fresh database, on the real files in shared/data/uk-more: counts match the files,
// golden rows, re-import adds nothing, a corrupt file writes nothing, an unknown organisation is a clear error.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRegister } from '../../src/imports/register/import-register.js';
import { importSpend } from '../../src/imports/spend/import-spend.js';
import { listImportQuarantine } from '../../src/store/import-run.repository.js';
import { countRegisterContracts, listRegisterExpiries } from '../../src/store/register.repository.js';
import { countSpend, listPayments } from '../../src/store/spend.repository.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { tempDir, type TempDir } from '../support/files.js';
import { addOrganisation, closeImportDb, openImportDb } from '../support/organisations.js';
import { countDataRows, sharedDataPath } from '../support/shared-data.js';
import { xlsxWorkbook, type XlsxCell } from '../support/xlsx.js';

const ukMore = (...p: string[]) => sharedDataPath('uk-more', ...p);

describe('spend import', () => {
  let t: TestDb;
  let tmp: TempDir;
  let hyndburn: number;
  let salford: number;
  beforeAll(async () => {
    ({
      t,
      tmp,
      ids: [hyndburn, salford],
    } = await openImportDb('Hyndburn Borough Council', 'Salford City Council'));
  });
  afterAll(() => closeImportDb({ t, tmp }));

  it("imports all of Hyndburn's raw monthly files: every row kept or quarantined", async () => {
    const dir = ukMore('spend', 'hyndburn-raw');
    const s = await importSpend(t.db, [dir], { organisationId: hyndburn });
    expect(s.files).toBe(86);
    expect(s.failed).toBe(0);
    const expected = s.results.reduce((n, r) => n + countDataRows(r.file), 0);
    expect(s.rowsRead).toBe(expected);
    expect(s.kept + s.quarantined).toBe(expected);
    const stored = await countSpend(t.db, hyndburn);
    expect(stored).toEqual({ payments: s.kept, quarantined: s.quarantined, runs: 86 });
  }, 300_000);

  it('stores exact amounts and the source line (Hyndburn 1701, Windows-1252)', async () => {
    const file = ukMore('spend', 'hyndburn-raw', '1701.csv');
    const [first] = await listPayments(t.db, hyndburn, { file, limit: 1 });
    // HAWORTH ART GALLERY,ADVERTISING GENERAL,ADVERT IN GROUP LEISURE 2017,B000018580/57559,CALVERTON FINANCE LTD,04/01/2017,325.00
    expect(first).toMatchObject({
      payment_date: '2017-01-04',
      amount: '325',
      amount_basis: 'net',
      supplier_name: 'CALVERTON FINANCE LTD',
      supplier_name_normalised: 'calverton finance',
      transaction_id: 'B000018580/57559',
      service_area: 'HAWORTH ART GALLERY',
      expense_type: 'ADVERTISING GENERAL',
      description: 'ADVERT IN GROUP LEISURE 2017',
      source_line: 2,
    });
  });

  it('re-importing adds nothing, even gzipped', async () => {
    const before = await countSpend(t.db, hyndburn);
    const again = await importSpend(t.db, [ukMore('spend', 'hyndburn-raw')], { organisationId: hyndburn });
    expect(again.kept).toBe(0);
    expect(again.duplicates).toBe(before.payments + before.quarantined);
    const gz = tmp.write('1701.csv.gz', gzipSync(readFileSync(ukMore('spend', 'hyndburn-raw', '1701.csv'))));
    const third = await importSpend(t.db, [gz], { organisationId: hyndburn });
    expect(third.results[0]!.status).toBe('duplicate');
    expect(await countSpend(t.db, hyndburn)).toEqual(before);
  }, 120_000);

  it('imports Salford with gross, net and VAT, and credits as negative amounts', async () => {
    const s = await importSpend(t.db, [ukMore('spend', 'salford')], { organisationId: salford });
    expect(s.kept + s.quarantined).toBe(s.results.reduce((n, r) => n + countDataRows(r.file), 0));
    expect(s.credits).toBeGreaterThan(0);
    const r = await sql<{ n: string; sum: string }>`
      select count(*) as n, sum(amount) as sum from spend_payment where buyer_id = ${salford} and amount < 0`.execute(
      t.db,
    );
    expect(Number(r.rows[0]!.n)).toBe(s.credits);
  }, 120_000);

  it('a truncated gzip or a binary file is a clear error and writes nothing', async () => {
    const whole = readFileSync(ukMore('spend', 'salford', '2021-07.csv.gz'));
    const truncated = tmp.write('truncated.csv.gz', whole.subarray(0, Math.floor(whole.length / 2)));
    const garbage = tmp.write(
      'garbage.csv',
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    );
    const before = await countSpend(t.db, salford);
    const s = await importSpend(t.db, [truncated, garbage], { organisationId: salford });
    expect(s.failed).toBe(2);
    expect(s.results[0]!.error).toMatch(/truncated\.csv\.gz: cannot read gzip/);
    expect(s.results[1]!.error).toMatch(/binary content/);
    expect(await countSpend(t.db, salford)).toEqual(before);
  });

  it('a file with no payments header is reported, not guessed', async () => {
    const odd = tmp.write(
      'register-as-spend.csv',
      readFileSync(ukMore('contract-registers', 'salford-contracts-register-2022-07.csv')),
    );
    const s = await importSpend(t.db, [odd], { organisationId: salford });
    expect(s.results[0]).toMatchObject({ status: 'failed' });
    expect(s.results[0]!.error).toMatch(/no payments header/);
  });

  it('an unknown organisation is a NOT_FOUND error', async () => {
    await expect(
      importSpend(t.db, [ukMore('spend', 'salford')], { organisationId: 999_999 }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('dry-run maps and counts without writing', async () => {
    const file = join(tmp.dir, 'cab.csv.gz');
    copyFileSync(ukMore('spend', 'cabinetoffice', '2022-05.csv.gz'), file);
    const s = await importSpend(t.db, [file], { organisationId: salford, dryRun: true });
    expect(s.results[0]!.status).toBe('checked');
    expect(s.results[0]!.stats!.mapping.map((m) => m.field)).toContain('supplierName');
    expect(s.kept).toBe(countDataRows(file));
    const runs = await sql<{ n: string }>`select count(*) as n from import_run where file = ${file}`.execute(
      t.db,
    );
    expect(Number(runs.rows[0]!.n)).toBe(0);
  });
});

/** Salford's row S1417 as the register import stores it (from the CSV or the XLSX). */
const S1417 = {
  source: 'register',
  title: '3No. Underwater Dive Surveys for Principal Inspections',
  supplier_name: 'Underwater Diving Services Ltd',
  supplier_postcode: 'LA14 2TB',
  supplier_company_number: '02535986',
  annual_value: '5015.2',
  total_value: '5015.2',
  start_date: '2022-03-07',
  expiry: '2022-03-07',
  extension_months: 0,
  extensions_available: 0,
  sme: true,
  category_scheme: 'proclass',
  category_code: '231810',
  source_line: 2,
};

describe('contract register import', () => {
  let t: TestDb;
  let salford: number;
  const file = () => ukMore('contract-registers', 'salford-contracts-register-2022-07.csv');
  beforeAll(async () => {
    t = await createTestDb();
    salford = await addOrganisation(t.db, 'Salford City Council');
  });
  afterAll(async () => t.drop());

  it("imports Salford's register: 280 rows, every one kept or quarantined", async () => {
    const s = await importRegister(t.db, file(), { organisationId: salford });
    expect(s.rowsRead).toBe(280);
    expect(s.kept + s.quarantined).toBe(280);
    expect(await countRegisterContracts(t.db, salford)).toBe(s.kept);
    const quarantined = await listImportQuarantine(t.db, salford);
    expect(quarantined).toHaveLength(s.quarantined);
  });

  it('maps the LGTC columns onto the contract (golden row S1417)', async () => {
    const rows = await listRegisterExpiries(t.db, salford, { from: '2022-03-07', to: '2022-03-07' });
    // Place,RFQ,Salford City Council,S1417,3No. Underwater Dive Surveys…,Underwater Diving Services Ltd,LA14 2TB,
    // 5015.20,5015.20,No,2022-03-07,2022-03-07,0.3,0,0,N/A,N/A,2022-03-07,Yes,231810,Surveys,2535986,Public
    expect(rows.find((r) => r.reference === 'S1417')).toMatchObject(S1417);
  });

  it('re-importing adds nothing', async () => {
    const before = await countRegisterContracts(t.db, salford);
    const s = await importRegister(t.db, file(), { organisationId: salford });
    expect(s.status).toBe('duplicate');
    expect(await countRegisterContracts(t.db, salford)).toBe(before);
  });

  it('reads the same register saved as XLSX by Excel: dates as date cells, numbers as numbers or text', async () => {
    // Derived from the real CSV: what Excel writes when the register is saved as .xlsx — the three date columns
    // as date cells (serial days, date format), values and months as numeric cells, and the company number and
    // ProClass code as text (Excel keeps a code column typed as text, leading zeros and all).
    const [header, ...data] = parse(readFileSync(file())) as string[][];
    const asText = new Set(['Company Number', 'ProClass Classification', 'Contract Reference']);
    const cell = (v: string, h: string): XlsxCell => {
      if (v === '') return null;
      // A real date only: Excel keeps the register's impossible `2022-09-31` as the text typed.
      const isDate = /^\d{4}-\d\d-\d\d$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
      if (/Date$/.test(h) && isDate) return { date: v };
      if (!asText.has(h) && /^-?\d+(\.\d+)?$/.test(v)) return { number: String(Number(v)) };
      return { text: v };
    };
    const cells = data.map((row) => row.map((v, i) => cell(v, header![i]!)));
    expect(cells.flat().filter((c) => c !== null && 'date' in c).length).toBeGreaterThan(800);
    const tmp = tempDir();
    try {
      const xlsx = tmp.write(
        'salford-contracts-register-2022-07.xlsx',
        xlsxWorkbook([header!.map((h) => ({ text: h })), ...cells]),
      );
      const fromXlsx = await addOrganisation(t.db, 'Salford City Council (XLSX)');
      const s = await importRegister(t.db, xlsx, { organisationId: fromXlsx });
      expect(s).toMatchObject({ status: 'imported', rowsRead: 280, kept: 280, quarantined: 0 });
      expect(s.stats!.encoding).toBe('xlsx');
      const rows = await listRegisterExpiries(t.db, fromXlsx, { from: '2022-03-07', to: '2022-03-07' });
      expect(rows.find((r) => r.reference === 'S1417')).toMatchObject({ ...S1417, source_file: xlsx });
      // Every contract is stored as from the CSV, field for field.
      const stored = (buyer: number) =>
        sql<Record<string, unknown>>`
          select to_jsonb(c) - array['id', 'import_run_id', 'buyer_id', 'source_file'] as row
          from register_contract c where buyer_id = ${buyer} order by source_line`
          .execute(t.db)
          .then((r) => r.rows.map((x) => x.row));
      expect(await stored(fromXlsx)).toEqual(await stored(salford));
    } finally {
      tmp.remove();
    }
  });

  it('a user mapping file puts its header first', async () => {
    const s = await importRegister(t.db, file(), {
      organisationId: salford,
      dryRun: true,
      mapping: { title: 'Contract Description' },
    });
    expect(s.stats!.mapping.find((m) => m.field === 'title')?.header).toBe('Contract Description');
  });
});
