// Spend matched to contracts by category (docs/paid-money.md "On and off contract"): golden matched and unmatched
// examples with real rows — Trafford's 2024-25 spend file (its ProclassCode column), Salford's contract register
// (its ProClass column) and Calderdale's June 2022 file (a Proclass column, published empty). The files are read
// here with csv-parse, not through the importer, except where the test is about the importer's mapping. The pairs
// of a Trafford payment with a Salford register row are made by the test (no buyer has both a register and coded
// spend in the real data): they show the rule on real codes, not a real match.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { covers, type MatchContract, type PaidRow } from '../../../src/analytics/paid/index.js';
import { categoryCode, proclassLevel, sameCategory } from '../../../src/domain/category-code.js';
import { mapSpendHeader } from '../../../src/imports/spend/layout.js';
import { paymentFromRow } from '../../../src/imports/spend/row.js';
import { sharedDataPath } from '../../support/shared-data.js';

const records = (path: string, toLine?: number): string[][] => {
  let bytes = readFileSync(sharedDataPath(path));
  if (bytes[0] === 0x1f) bytes = gunzipSync(bytes);
  return parse(bytes.toString('utf8').replace(/^\uFEFF/, ''), {
    relax_column_count: true,
    ...(toLine ? { to_line: toLine } : {}),
  }) as string[][];
};
const TRAFFORD = 'uk-more/spend/trafford/trafford-supplier-spend-2024-25.csv.gz';
const CALDERDALE = 'uk-more/spend/calderdale/2022-06.csv.gz';
const REGISTER = 'uk-more/contract-registers/salford-contracts-register-2022-07.csv';

/** Trafford's first 200 lines, as the importer reads them. */
const trafford = (() => {
  const [header, ...rows] = records(TRAFFORD, 200);
  const mapping = mapSpendHeader(header!);
  return rows.map((cells, i) => {
    const r = paymentFromRow(cells, mapping);
    if (!r.ok) throw new Error(`Trafford line ${i + 2}: ${r.reason}`);
    return { line: i + 2, ...r.payment };
  });
})();

const registerRows = (() => {
  const [header, ...rows] = records(REGISTER);
  const at = (name: string) => header!.indexOf(name);
  return rows.map((c) => ({
    reference: c[at('Contract Reference')]!,
    code: c[at('ProClass Classification')]!,
    start: c[at('Start Date')]!,
    expiry: c[at('Current Expiry Date')]!,
  }));
})();

const payment = (line: number) => {
  const p = trafford.find((x) => x.line === line);
  if (!p) throw new Error(`no Trafford line ${line}`);
  return p;
};

/** The Trafford payment as the matcher sees it, paid by buyer 1 to supplier 10. */
const paidRow = (line: number): PaidRow => {
  const p = payment(line);
  return {
    buyerId: 1,
    day: p.paymentDate,
    amount: Number(p.amount),
    credits: 0,
    payments: 1,
    supplierId: 10,
    payee: p.supplierName,
    expenseType: p.expenseType,
    serviceArea: p.serviceArea,
    category: p.category,
    categoryCode: p.categoryCode,
  };
};

/** A Salford register row as a contract of buyer 1 with supplier 10 over the Trafford payment's day. */
const registerContract = (reference: string): MatchContract => {
  const r = registerRows.find((x) => x.reference === reference);
  if (!r) throw new Error(`no register row ${reference}`);
  return {
    source: 'register',
    id: reference,
    title: reference,
    buyerId: 1,
    supplierId: 10,
    start: '2024-04-01',
    end: '2025-03-31',
    category: categoryCode('proclass', r.code),
  };
};

describe('category codes read from the real spend files', () => {
  it("Trafford's ProclassCode is the payment's ProClass code; its label stays the category; NA is no code", () => {
    // Line 2: VLC (Stairlifts) Limited, 2025-03-31, 3082.50, ProclassLabel "SOCIAL CARE : Equipment", code 321311.
    expect(payment(2)).toMatchObject({
      supplierName: 'VLC (Stairlifts) Limited',
      category: 'SOCIAL CARE : Equipment',
      categoryCode: { scheme: 'proclass', code: '321311' },
    });
    // Line 135: Redacted, ProclassCode "NA".
    expect(payment(135)).toMatchObject({ supplierName: 'Redacted', categoryCode: null });
  });

  it("Calderdale's Proclass column is read as a ProClass code column, and is empty in every row of the file", () => {
    const [header, ...rows] = records(CALDERDALE);
    const mapping = mapSpendHeader(header!);
    expect(header![mapping.columns.categoryCode!]).toBe('Proclass');
    expect(header![mapping.columns.category!]).toBe(
      "Procurement Classification: Council's Procurement Category Name",
    );
    const codes = rows.map((c) => {
      const r = paymentFromRow(c, mapping);
      return r.ok ? r.payment.categoryCode : 'rejected';
    });
    expect(codes.length).toBe(1652);
    expect(new Set(codes)).toEqual(new Set([null]));
  });
});

describe('matching by supplier, dates and like categories (golden, real codes)', () => {
  it('ProClass levels of real codes', () => {
    expect(['390000', '321000', '321014'].map(proclassLevel)).toEqual([1, 2, 3]);
  });

  it('matched: Trafford domiciliary care 321014 (line 23) and Salford S1021 Carers Service 321000 (adult, level 2)', () => {
    expect(payment(23).supplierName).toBe('Creative Support Ltd');
    expect(covers(registerContract('S1021'), paidRow(23), 31)).toBe(true);
  });

  it('unmatched: Trafford children residential care 321117 (line 57) and S1021 321000: 3211 ≠ 3210', () => {
    expect(payment(57).supplierName).toBe('The Together Trust');
    expect(covers(registerContract('S1021'), paidRow(57), 31)).toBe(false);
    // The same payment and S1197 Carer Support, 321100 (children, level 2): they agree.
    expect(covers(registerContract('S1197'), paidRow(57), 31)).toBe(true);
  });

  it('building construction 391110 (line 3) agrees with works 390000 (level 1) but not with roads 391400', () => {
    expect(covers(registerContract('S1009'), paidRow(3), 31)).toBe(true);
    expect(covers(registerContract('S1465'), paidRow(3), 31)).toBe(false);
  });

  it('no code on one side (Trafford NA, line 135): category does not decide; dates still do', () => {
    const row = paidRow(135);
    expect(covers(registerContract('S1465'), row, 31)).toBe(true);
    expect(covers({ ...registerContract('S1465'), end: '2024-12-31' }, row, 31)).toBe(false);
  });

  it('schemes are never compared across: a ProClass payment and a CPV contract', () => {
    const cpv = { ...registerContract('S1021'), category: categoryCode('cpv', '45000000-7') };
    expect(sameCategory(paidRow(57).categoryCode, cpv.category)).toBeNull();
    expect(covers(cpv, paidRow(57), 31)).toBe(true);
    // CPV with CPV: by division.
    expect(sameCategory(categoryCode('cpv', '45210000'), categoryCode('cpv', '45000000-7'))).toBe(true);
    expect(sameCategory(categoryCode('cpv', '90910000'), categoryCode('cpv', '45000000'))).toBe(false);
    // ProClass "unclassified" (999999, one Salford register row) is no code.
    expect(registerRows.some((r) => r.code === '999999')).toBe(true);
    expect(categoryCode('proclass', '999999')).toBeNull();
  });
});
