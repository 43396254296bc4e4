// Contract register layouts other than Salford's: the LGTC 2015's field list in the wordings councils title their
// columns with (pure mapping checks), the combined `SME/VCSE` column, and an import of
// test/fixtures/uk-more/contract-registers/lgtc-layout-derived-from-salford.csv — DERIVED: twelve real rows of
// Salford's register re-laid in LGTC column titles with UK dates (see test/fixtures/uk-more/SOURCES.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRegister } from '../../src/imports/register/import-register.js';
import { mapRegisterHeader, registerSpecs } from '../../src/imports/register/layout.js';
import { contractFromRow, smeAndVcse } from '../../src/imports/register/row.js';
import { listRegisterExpiries } from '../../src/store/register.repository.js';
import { createTestDb, type TestDb } from '../support/db.js';
import { addOrganisation } from '../support/organisations.js';
import { sharedDataPath } from '../support/shared-data.js';

const DERIVED = 'lgtc-layout-derived-from-salford.csv';

describe('LGTC register headers', () => {
  const fieldOf = (header: string) => {
    const m = mapRegisterHeader([header], registerSpecs());
    return m.report[0]!.field;
  };

  it.each([
    ['Reference Number', 'reference'],
    ['Contract Reference Number', 'reference'],
    ['Title of agreement', 'title'],
    ['Department', 'directorate'],
    ['Local authority department responsible', 'directorate'],
    ['Description of the goods and/or services being provided', 'description'],
    ['Supplier Name', 'supplierName'],
    ['Supplier name and details', 'supplierName'],
    ['Companies House number', 'supplierCompanyNumber'],
    ['Supplier Registered Company Number', 'supplierCompanyNumber'],
    ['Company Registration Number', 'supplierCompanyNumber'],
    ['Start date', 'startDate'],
    ['End date', 'endDate'],
    ['Review date', 'currentExpiry'],
    ['Contract value', 'totalValue'],
    ['Value of contract', 'totalValue'],
    ['Sum to be paid over the length of the contract', 'totalValue'],
    ['Estimated annual spending', 'annualValue'],
    ['VAT that cannot be recovered', 'irrecoverableVat'],
    ['Irrecoverable VAT', 'irrecoverableVat'],
    ['Invitation to quote or tender', 'procedure'],
    ['SME/VCSE', 'sme'],
    ['SME and/or VCSE', 'sme'],
    ['VCSE Supplier', 'vcse'],
  ])('"%s" → %s', (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });

  it('reads which of SME and VCSE a combined cell says', () => {
    expect(smeAndVcse('SME')).toEqual({ sme: true, vcse: null });
    expect(smeAndVcse('VCSE')).toEqual({ sme: null, vcse: true });
    expect(smeAndVcse('Voluntary sector')).toEqual({ sme: null, vcse: true });
    expect(smeAndVcse('SME / VCSE')).toEqual({ sme: true, vcse: true });
    expect(smeAndVcse('Both')).toEqual({ sme: true, vcse: true });
    expect(smeAndVcse('No')).toEqual({ sme: false, vcse: false });
    expect(smeAndVcse('Neither')).toEqual({ sme: false, vcse: false });
    expect(smeAndVcse('Yes')).toEqual({ sme: null, vcse: null });
    expect(smeAndVcse('Various')).toEqual({ sme: null, vcse: null });
    expect(smeAndVcse(null)).toEqual({ sme: null, vcse: null });
  });

  it('keeps VAT that cannot be recovered and a separate VCSE column', () => {
    const headers = ['Title', 'Supplier', 'Start date', 'VAT that cannot be recovered', 'SME', 'VCSE'];
    const mapping = mapRegisterHeader(headers, registerSpecs());
    const r = contractFromRow(
      ['Grounds maintenance', 'Acme CIC', '01/04/2024', '1,250.00', 'No', 'Yes'],
      mapping,
      headers,
    );
    expect(r).toMatchObject({ ok: true, contract: { irrecoverableVat: '1250', sme: false, vcse: true } });
    const bad = contractFromRow(['Grounds', 'Acme', '01/04/2024', 'twelve', 'No', 'Yes'], mapping, headers);
    expect(bad).toEqual({ ok: false, reason: 'unreadable irrecoverable VAT "twelve"' });
  });
});

describe('a register in LGTC column titles (derived from Salford)', () => {
  let t: TestDb;
  let buyer: number;
  beforeAll(async () => {
    t = await createTestDb();
    buyer = await addOrganisation(t.db, 'Salford City Council');
  });
  afterAll(() => t.drop());

  it('detects the layout, maps every column and imports every row', async () => {
    const file = sharedDataPath('uk-more', 'contract-registers', DERIVED);
    const s = await importRegister(t.db, file, { organisationId: buyer });
    expect(s).toMatchObject({ status: 'imported', rowsRead: 12, kept: 12, quarantined: 0 });
    expect(s.stats!.mapping.map((m) => [m.header, m.field])).toEqual([
      ['Reference Number', 'reference'],
      ['Title of agreement', 'title'],
      ['Department', 'directorate'],
      ['Description of goods and/or services', 'description'],
      ['Supplier Name', 'supplierName'],
      ['Companies House number', 'supplierCompanyNumber'],
      ['Start date', 'startDate'],
      ['End date', 'endDate'],
      ['Review date', 'currentExpiry'],
      ['Estimated annual spending', 'annualValue'],
      ['Value of contract', 'totalValue'],
      ['VAT that cannot be recovered', 'irrecoverableVat'],
      ['Invitation to quote or tender', 'procedure'],
      ['SME/VCSE', 'sme'],
    ]);
    // Golden row S1417, as in Salford's own layout (test/imports/import.db.test.ts), from
    // S1417,3No. Underwater Dive Surveys…,Place,…,Underwater Diving Services Ltd,2535986,07/03/2022,07/03/2022,
    // 07/03/2022,5015.20,5015.20,,RFQ,SME
    const rows = await listRegisterExpiries(t.db, buyer, { from: '2022-03-07', to: '2022-03-07' });
    expect(rows.find((r) => r.reference === 'S1417')).toMatchObject({
      title: '3No. Underwater Dive Surveys for Principal Inspections',
      supplier_name: 'Underwater Diving Services Ltd',
      supplier_company_number: '02535986',
      annual_value: '5015.2',
      total_value: '5015.2',
      start_date: '2022-03-07',
      expiry: '2022-03-07',
      sme: true,
      source_line: 2,
    });
    const stored = await t.db
      .selectFrom('register_contract')
      .select(['reference', 'directorate', 'procedure', 'sme', 'vcse', 'irrecoverable_vat', 'end_date'])
      .where('buyer_id', '=', buyer)
      .orderBy('source_line')
      .execute();
    expect(stored[0]).toEqual({
      reference: 'S1417',
      directorate: 'Place',
      procedure: 'RFQ',
      sme: true,
      vcse: null,
      irrecoverable_vat: null,
      end_date: new Date('2022-03-07T00:00:00Z'),
    });
    // SME/VCSE: `SME` for Salford's Yes, `No` for its No (neither).
    expect(stored[1]).toMatchObject({ reference: 'S1465', sme: false, vcse: false });
  });
});
