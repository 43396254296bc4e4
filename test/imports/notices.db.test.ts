// Contracts Finder notice export import on the real Lancashire councils' export (test/fixtures/uk-more, copied from
// shared/data/uk-more/contracts-finder-lancashire: the CSV byte for byte, the JSON Lines gzipped) and on one notice
// derived from a real Contracts Finder OCDS award release of data/sample (no real overlap exists between the
// Lancashire export and any stored OCDS: none of its 977 notice ids is in data/sample or shared/data).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importNotices } from '../../src/imports/notices/import-notices.js';
import { ingestPaths } from '../../src/ocds/pipeline.js';
import { repoPath } from '../../src/paths.js';
import { listImportQuarantine } from '../../src/store/import-run.repository.js';
import { countNoticeContracts, listNoticeContracts } from '../../src/store/notice.repository.js';
import type { TestDb } from '../support/db.js';
import type { TempDir } from '../support/files.js';
import { addOrganisation, closeImportDb, openImportDb } from '../support/organisations.js';
import { sharedDataPath } from '../support/shared-data.js';

const cf = (name: string) => sharedDataPath('uk-more', 'contracts-finder-lancashire', name);
const CSV = 'cf-notices-lancashire-councils.csv';
const JSONL = 'cf-notices-lancashire-councils.jsonl.gz';
/** The Manchester award notice of data/sample, as Contracts Finder's flattened export would carry it. */
const DERIVED = 'cf-notices-derived-from-ocds.csv';
const MANCHESTER_NOTICE = '4bff9fae-9ab0-490c-99b0-da71e14146bc';
const MANCHESTER_OCID = 'ocds-b5fd17-a89fc5c2-eed8-48fa-b4e3-727a8f32fd6d';

/** Data rows counted independently: csv-parse records less the header; JSON Lines non-blank lines. */
const csvRows = (path: string) => (parse(readFileSync(path)) as string[][]).length - 1;
const jsonLines = (path: string) =>
  gunzipSync(readFileSync(path))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');

describe('Contracts Finder notice export import', () => {
  let t: TestDb;
  let tmp: TempDir;
  let lancs: number;
  let other: number;
  beforeAll(async () => {
    ({
      t,
      tmp,
      ids: [lancs, other],
    } = await openImportDb('Lancashire County Council', 'Blackpool Council'));
  });
  afterAll(() => closeImportDb({ t, tmp }));

  it('imports the CSV export: every row kept or quarantined, the one repeated notice id quarantined', async () => {
    const s = await importNotices(t.db, cf(CSV), { organisationId: lancs });
    expect(s.rowsRead).toBe(csvRows(cf(CSV)));
    expect(s.rowsRead).toBe(978);
    expect(s.kept + s.quarantined).toBe(s.rowsRead);
    expect(s.kept).toBe(977);
    const q = await listImportQuarantine(t.db, lancs);
    expect(q).toHaveLength(1);
    // b8258fbe… is listed under both Chorley and South Ribble in the export: one notice, one buyer here.
    expect(q[0]!.reason).toMatch(
      /^notice b8258fbe-c110-466d-8db4-f7f70d7acc9c repeats line \d+ of this file$/,
    );
    expect(await countNoticeContracts(t.db, lancs)).toEqual({ notices: 977, inOcds: 0 });
  });

  it('keeps the published facts exactly (St Johns Centre Conversion, Blackburn with Darwen)', async () => {
    const rows = await t.db
      .selectFrom('notice_contract')
      .selectAll()
      .where('notice_id', '=', 'aa3cbb34-ce2c-487c-a94a-dba7cc088ac4')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      title: 'St Johns Centre Conversion',
      organisation_name: 'Blackburn With Darwen Borough Council',
      status: 'awarded',
      notice_type: 'Contract',
      value_low: '8000000',
      value_high: '0',
      awarded_value: '8000000',
      value: '8000000',
      supplier_name: 'Barnfield Construction',
      supplier_name_normalised: 'barnfield construction',
      awarded_to_sme: false,
      suitable_for_sme: true,
      cpv_codes: ['45000000'],
      region: 'North West',
      source_line: 2,
    });
    expect(rows[0]!.description).toContain("St John's Centre (former Church)"); // &#039; decoded
  });

  it('re-importing adds nothing: the same file is a duplicate, the other serialisation repeats stored notices', async () => {
    const again = await importNotices(t.db, cf(CSV), { organisationId: lancs });
    expect(again).toMatchObject({ status: 'duplicate', kept: 0, duplicates: 978 });
    const jsonl = await importNotices(t.db, cf(JSONL), { organisationId: lancs });
    expect(jsonl.rowsRead).toBe(jsonLines(cf(JSONL)).length);
    expect(jsonl).toMatchObject({ status: 'imported', kept: 0, quarantined: 978 });
    expect(await countNoticeContracts(t.db, lancs)).toEqual({ notices: 977, inOcds: 0 });
    const q = await listImportQuarantine(t.db, lancs, 5);
    expect(
      q.some((r) =>
        /already stored for this buyer \(.*cf-notices-lancashire-councils\.csv line \d+\)/.test(r.reason),
      ),
    ).toBe(true);
  });

  it('reads the JSON Lines serialisation into the same notices as the CSV', async () => {
    const s = await importNotices(t.db, cf(JSONL), { organisationId: other });
    expect(s).toMatchObject({ rowsRead: 978, kept: 977, quarantined: 1 });
    const facts = async (buyer: number) =>
      (
        await t.db
          .selectFrom('notice_contract')
          .select([
            'notice_id',
            'title',
            'value',
            'awarded_date',
            'supplier_name',
            'awarded_to_sme',
            'cpv_codes',
          ])
          .where('buyer_id', '=', buyer)
          .orderBy('notice_id')
          .execute()
      ).map((r) => JSON.stringify(r));
    expect(await facts(other)).toEqual(await facts(lancs));
  });

  it('an OCDS release of the same notice ingested later: linked, counted once (OCDS wins)', async () => {
    const manchester = await addOrganisation(t.db, 'Manchester City Council');
    const before = await importNotices(t.db, cf(DERIVED), { organisationId: manchester });
    expect(before).toMatchObject({ rowsRead: 2, kept: 2, quarantined: 0, inOcds: 0 });
    const line = readFileSync(repoPath('data/sample/contracts-finder/cf-2025-releases.jsonl'), 'utf8')
      .split('\n')
      .find((l) => l.includes(`"${MANCHESTER_NOTICE}-833039"`))!;
    await ingestPaths(t.db, [tmp.write('manchester.jsonl', `${line}\n`)], { source: 'test' });
    expect(await countNoticeContracts(t.db, manchester)).toEqual({ notices: 2, inOcds: 1 });
    const listed = await listNoticeContracts(t.db, manchester);
    const linked = listed.find((r) => r.notice_id === MANCHESTER_NOTICE)!;
    expect(linked).toMatchObject({
      ocds_ocid: MANCHESTER_OCID,
      value: '5259392.96',
      awarded_date: '2025-03-11',
    });
    expect(listed.find((r) => r.notice_id !== MANCHESTER_NOTICE)!.ocds_ocid).toBeNull();
  });

  it('an export imported after the OCDS release: the notice is reported as already in OCDS', async () => {
    const buyer = await addOrganisation(t.db, 'Manchester City Council (second buyer)');
    const s = await importNotices(t.db, cf(DERIVED), { organisationId: buyer });
    expect(s).toMatchObject({ kept: 2, inOcds: 1 });
  });

  it('a dry run maps the columns and writes nothing', async () => {
    const buyer = await addOrganisation(t.db, 'Preston City Council');
    const s = await importNotices(t.db, cf(CSV), { organisationId: buyer, dryRun: true });
    expect(s.status).toBe('checked');
    const byField = Object.fromEntries(s.stats!.mapping.map((m) => [m.header, m.field]));
    expect(byField).toMatchObject({
      id: 'noticeId',
      organisation: 'organisation',
      awarded_supplier: 'supplierName',
      awarded_value: 'awardedValue',
      council_id: null,
    });
    expect(await countNoticeContracts(t.db, buyer)).toEqual({ notices: 0, inOcds: 0 });
  });

  it('a file without a notice header is a clear error and writes nothing', async () => {
    const bad = tmp.write('not-notices.csv', 'Supplier,Amount\nACME,12\n');
    await expect(importNotices(t.db, bad, { organisationId: lancs })).rejects.toThrow(
      /no Contracts Finder notice header/,
    );
  });
});
