// Parsing of local data on real lines from shared/data/uk-more: money, dates, encodings, and every real spend file
// read with kept + quarantined = the file's data rows counted independently.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseLocalDate, periodFromFileName } from '../../src/imports/shared/dates.js';
import { sniffEncoding } from '../../src/imports/shared/decode.js';
import { parseMoney } from '../../src/imports/shared/money.js';
import { readSpendFile, type SpendRow } from '../../src/imports/spend/read-spend.js';
import { countDataRows, sharedDataPath } from '../support/shared-data.js';

const spend = (...p: string[]) => sharedDataPath('uk-more', 'spend', ...p);

async function readAll(path: string) {
  const rows: SpendRow[] = [];
  const rejects: { line: number; reason: string }[] = [];
  const stats = await readSpendFile(path, {
    onRow: (r) => void rows.push(r),
    onReject: (r) => void rejects.push(r),
  });
  return { rows, rejects, stats };
}

describe('money as published', () => {
  it.each([
    ['32861.00', '32861'], // Cabinet Office 2019-06
    ['"1,450.18"'.replace(/"/g, ''), '1450.18'], // Hyndburn Sept-25
    ['£1,680.00', '1680'], // Hyndburn April-24
    ['(1,234.56)', '-1234.56'], // GLA credits in brackets
    ['1,284.00-', '-1284'], // Hyndburn trailing minus
    ['-425.60', '-425.6'], // Calderdale
    ['1234.56 CR', '-1234.56'],
    ['349,138.00', '349138'],
    ['12,34.00', null],
    ['N/A', null],
    ['', null],
  ])('%s → %s', (text, expected) => expect(parseMoney(text)).toBe(expected));
});

describe('dates as published', () => {
  it.each([
    ['2019-06-11', '2019-06-11'],
    ['04/01/2017', '2017-01-04'], // day first (Hyndburn 1701)
    ['02/08/17', '2017-08-02'],
    ['14 Apr 2023', '2023-04-14'],
    ['17 July 2023', '2023-07-17'],
    ['19-Jun-23', '2023-06-19'],
    ['Wednesday, May 04, 2022', '2022-05-04'], // Cabinet Office 2022
    ['43658', '2019-07-12'], // Excel serial (Hyndburn 1910)
    ['31/02/2022', null],
    ['TBC', null],
    ['X', null],
  ])('%s → %s', (text, expected) => expect(parseLocalDate(text)).toBe(expected));

  it('reads reporting periods from file names (4-weekly P01..P13 and months)', () => {
    expect(periodFromFileName('2022-P06.csv.gz')).toBe('2022-P06');
    expect(periodFromFileName('2020-10.csv.gz')).toBe('2020-10');
    expect(periodFromFileName('April-24.csv')).toBeNull();
  });
});

describe('encodings', () => {
  it('tells UTF-8, Windows-1252 and DOS 850 apart', () => {
    expect(sniffEncoding(Buffer.from('Net Amount (£)', 'utf8'))).toBe('utf-8');
    expect(sniffEncoding(Buffer.from([0x28, 0xa3, 0x29]))).toBe('windows-1252');
    expect(sniffEncoding(Buffer.from([0x28, 0x9c, 0x29]))).toBe('cp850');
  });

  it('reads a Windows-1252 file with a CRLF header over CR-only rows (Hyndburn 1709)', async () => {
    const { stats, rows } = await readAll(spend('hyndburn-raw', '1709.csv'));
    expect(stats.encoding).toBe('windows-1252');
    expect(stats.mapping.find((m) => m.field === 'net')?.header).toBe('Net Amount(£)');
    expect(rows.length).toBeGreaterThan(100);
    expect(rows[0]!.line).toBe(2);
  });

  it('reads a DOS 850 file: £ is 0x9C (Hyndburn 1704)', async () => {
    const { stats, rows } = await readAll(spend('hyndburn-raw', '1704.csv'));
    expect(stats.encoding).toBe('cp850');
    expect(stats.mapping.find((m) => m.field === 'net')?.header).toBe('Net Amount(£)');
    expect(rows.some((r) => r.payment.description?.includes('£'))).toBe(true);
  });

  it('drops a UTF-8 byte-order mark before the header (Hyndburn August-24)', async () => {
    const { stats, rows } = await readAll(spend('hyndburn-raw', 'August-24.csv'));
    expect(stats.encoding).toBe('utf-8');
    expect(stats.mapping[0]).toMatchObject({ header: 'Department Area', field: 'directorate' });
    expect(rows[0]!.payment).toMatchObject({
      paymentDate: '2024-07-15',
      amount: '337.5',
      supplierName: 'Barclaycard',
    });
  });
});

describe('real rows', () => {
  it('Salford: gross, VAT and net as published; net is the amount', async () => {
    const { rows } = await readAll(spend('salford', '2021-06.csv.gz'));
    // Salford City Council,2021-06-01,1600667518,5147.23,857.87,4289.36,Aecom Ltd,Service Reform (...),Ext Fees-Other
    expect(rows[0]!.payment).toMatchObject({
      paymentDate: '2021-06-01',
      amount: '4289.36',
      amountBasis: 'net',
      gross: '5147.23',
      vat: '857.87',
      net: '4289.36',
      supplierName: 'Aecom Ltd',
      supplierNameNormalised: 'aecom',
      transactionId: '1600667518',
      serviceArea: 'Service Reform (Corp Bus & Transform)',
      expenseType: 'Ext Fees-Other',
      body: 'Salford City Council',
    });
  });

  it('Harrogate: of two "Supplier Name" columns (code, name) the name is used', async () => {
    const { rows } = await readAll(spend('harrogate', '2022-06-Brimhams-Active.csv.gz'));
    expect(rows[0]!.payment).toMatchObject({
      supplierName: 'ARJO UK LTD',
      expenseType: 'Equipment',
      amount: '697.49',
    });
  });

  it('GLA: credits in brackets are negative amounts; the 4-weekly period is kept', async () => {
    const { rows, stats } = await readAll(spend('london', '2020-P07.csv.gz'));
    expect(stats.credits).toBeGreaterThan(0);
    const credit = rows.find((r) => r.payment.amount.startsWith('-'))!;
    expect(credit.period).toBe('2020-P07');
    expect(credit.payment.amountBasis).toBe('published');
  });

  it('Hyndburn March-25: the header is only at the bottom, the rows above it are data', async () => {
    const { rows, stats } = await readAll(spend('hyndburn-raw', 'March-25-CSV.csv'));
    expect(stats.headerAt).toBe('bottom');
    expect(rows[0]).toMatchObject({
      line: 1,
      payment: {
        supplierName: 'Rhea Projects',
        paymentDate: '2025-03-04',
        amount: '2730',
        transactionId: 'CRINV0008145',
      },
    });
  });

  it('Network Rail: Grand Total and copyright lines are quarantined with their line', async () => {
    const { rejects } = await readAll(spend('networkrail', '2019-05.csv.gz'));
    expect(rejects.map((r) => r.reason)).toContain('summary row (total), not a payment');
    expect(rejects.every((r) => r.line > 1)).toBe(true);
  });
});

describe('every real spend layout', () => {
  const root = sharedDataPath('uk-more', 'spend');
  const files = readdirSync(root).flatMap((body) =>
    readdirSync(join(root, body)).map((f) => join(root, body, f)),
  );

  // The repository's copies (test/fixtures/uk-more/SOURCES.md: every layout), or the workspace's full set.
  const full = process.env.MISSIONBUY_SHARED_DATA !== undefined;
  const expected = full ? { files: 260, rows: 642_870 } : { files: 120, rows: 262_127 };

  it('has the files SOURCES.md lists', () => expect(files.length).toBe(expected.files));

  it('keeps or quarantines every data row of every file', async () => {
    let total = 0;
    for (const file of files) {
      const { stats } = await readAll(file);
      expect(stats.kept + stats.quarantined, file).toBe(stats.rows);
      expect(stats.rows, file).toBe(countDataRows(file));
      total += stats.rows;
    }
    expect(total).toBe(expected.rows);
  }, 300_000);
});
