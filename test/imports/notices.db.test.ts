// Contracts Finder notice export import on the real Lancashire councils' export (test/fixtures/uk-more, copied from
// shared/data/uk-more/contracts-finder-lancashire: the CSV byte for byte, the JSON Lines gzipped) and on one notice
// derived from a real Contracts Finder OCDS award release of data/sample (no real overlap exists between the
// Lancashire export and any stored OCDS: none of its 977 notice ids is in data/sample or shared/data).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
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
  beforeAll(async () => {
    // Burnley's organisation exists (as from OCDS); the rows naming it, in upper or mixed case, are its notices.
    ({
      t,
      tmp,
      ids: [lancs],
    } = await openImportDb('Lancashire County Council', 'Burnley Borough Council'));
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
    // b8258fbe… is listed twice, under Chorley and under South Ribble, both times published by "Chorley Council and
    // South Ribble Borough Council": one notice of one buyer.
    expect(q[0]!.reason).toMatch(
      /^notice b8258fbe-c110-466d-8db4-f7f70d7acc9c repeats line \d+ of this file$/,
    );
    expect(await countNoticeContracts(t.db, lancs)).toEqual({ notices: 83, inOcds: 0 });
  });

  it('gives each row to the organisation it names: existing ones by normalised name, else new ones', async () => {
    const s = await importNotices(t.db, cf(CSV), { organisationId: lancs, dryRun: true });
    // Counted by hand from the file's `organisation` column (31 spellings; case, `&amp;` and `&` vs `and` aside, 25
    // names): Lancashire County Council (83 rows) and Burnley Borough Council (37 BURNLEY + 30 Burnley) existed.
    const perBuyer = await t.db
      .selectFrom('notice_contract as n')
      .innerJoin('organisation as o', 'o.id', 'n.buyer_id')
      .select(['o.normalised_name', 'n.buyer_matched_by', (e) => e.fn.countAll<string>().as('n')])
      .groupBy(['o.normalised_name', 'n.buyer_matched_by'])
      .execute();
    const rows = Object.fromEntries(
      perBuyer.map((r) => [r.normalised_name, [Number(r.n), r.buyer_matched_by]]),
    );
    expect(Object.keys(rows)).toHaveLength(25);
    expect(rows).toMatchObject({
      'lancashire county council': [83, 'name'],
      'burnley borough council': [67, 'name'],
      'chorley council': [91, 'created'],
      'chorley borough council': [31, 'created'],
      'chorley council and south ribble borough council': [2, 'created'],
      'preston city council': [76, 'created'],
      'blackpool council': [75, 'created'], // 73 + BLACKPOOL COUNCIL 2
      'blackpool borough council': [35, 'created'], // published as BLACKPOOL BOROUGH COUNCIL
      'blackburn with darwen borough council': [52, 'created'], // 46 + 5 "With" + 1 "borough"
      'hyndburn borough council': [14, 'created'], // 11 + 3 HYNDBURN BOROUGH COUNCIL
      'ribble valley borough council': [16, 'created'],
      'pendle borough council': [13, 'created'],
    });
    expect(Object.values(rows).reduce((n, [k]) => n + (k as number), 0)).toBe(977);
    // Read again now (a dry run): every row's buyer exists, none would be created, every notice is already stored.
    expect(s.buyers).toEqual({
      organisations: 0,
      matchedRows: 0,
      createdRows: 0,
      created: [],
      importOrganisationRows: 0,
    });
    expect(s.quarantined).toBe(978);
  });

  it('keeps the published facts exactly (St Johns Centre Conversion, Blackburn with Darwen)', async () => {
    const rows = await t.db
      .selectFrom('notice_contract')
      .selectAll()
      .where('notice_id', '=', 'aa3cbb34-ce2c-487c-a94a-dba7cc088ac4')
      .execute();
    expect(rows).toHaveLength(1);
    const buyer = await t.db
      .selectFrom('organisation')
      .select(['name', 'entity_key'])
      .where('id', '=', rows[0]!.buyer_id)
      .executeTakeFirstOrThrow();
    // Its buyer was created for the name as the file first spells it (line 2 is this row; "with" comes later).
    expect(buyer).toEqual({
      name: 'Blackburn With Darwen Borough Council',
      entity_key: 'name:blackburn with darwen borough council',
    });
    expect(rows[0]).toMatchObject({
      title: 'St Johns Centre Conversion',
      organisation_name: 'Blackburn With Darwen Borough Council',
      buyer_matched_by: 'created',
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
    expect(await countNoticeContracts(t.db, lancs)).toEqual({ notices: 83, inOcds: 0 });
    const q = await listImportQuarantine(t.db, lancs, 5);
    expect(
      q.some((r) =>
        /already stored for this buyer \(.*cf-notices-lancashire-councils\.csv line \d+\)/.test(r.reason),
      ),
    ).toBe(true);
  });

  it('reads the JSON Lines serialisation into the same notices as the CSV', async () => {
    const other = await openImportDb('Lancashire County Council', 'Burnley Borough Council');
    try {
      const s = await importNotices(other.t.db, cf(JSONL), { organisationId: other.ids[0] });
      expect(s).toMatchObject({ rowsRead: 978, kept: 977, quarantined: 1 });
      expect(s.buyers).toMatchObject({ organisations: 25, matchedRows: 150, createdRows: 827 });
      const facts = async (db: typeof t.db) =>
        (
          await db
            .selectFrom('notice_contract as n')
            .innerJoin('organisation as o', 'o.id', 'n.buyer_id')
            .select([
              'o.name',
              'n.notice_id',
              'n.title',
              'n.value',
              'n.awarded_date',
              'n.supplier_name',
              'n.awarded_to_sme',
              'n.cpv_codes',
            ])
            .orderBy('n.notice_id')
            .orderBy('o.name')
            .execute()
        ).map((r) => JSON.stringify(r));
      expect(await facts(other.t.db)).toEqual(await facts(t.db));
    } finally {
      await closeImportDb(other);
    }
  });

  it('an OCDS release of the same notice ingested later: linked, counted once (OCDS wins)', async () => {
    const manchester = await addOrganisation(t.db, 'Manchester City Council');
    const before = await importNotices(t.db, cf(DERIVED), { organisationId: lancs });
    // The Manchester row is Manchester's (by name); the Blackburn row repeats a notice stored for its buyer.
    expect(before).toMatchObject({ rowsRead: 2, kept: 1, quarantined: 1, inOcds: 0 });
    expect(before.buyers).toMatchObject({ organisations: 1, matchedRows: 1 });
    const line = readFileSync(repoPath('data/sample/contracts-finder/cf-2025-releases.jsonl'), 'utf8')
      .split('\n')
      .find((l) => l.includes(`"${MANCHESTER_NOTICE}-833039"`))!;
    await ingestPaths(t.db, [tmp.write('manchester.jsonl', `${line}\n`)], { source: 'test' });
    expect(await countNoticeContracts(t.db, manchester)).toEqual({ notices: 1, inOcds: 1 });
    const listed = await listNoticeContracts(t.db, manchester);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      notice_id: MANCHESTER_NOTICE,
      ocds_ocid: MANCHESTER_OCID,
      value: '5259392.96',
      awarded_date: '2025-03-11',
    });
  });

  it('rows that name no organisation go to --org; an export after the OCDS release: reported as in OCDS', async () => {
    // Derived: the two rows of cf-notices-derived-from-ocds.csv with the organisation column emptied.
    const [header, ...data] = parse(readFileSync(cf(DERIVED))) as string[][];
    const col = header!.indexOf('organisation');
    const blank = tmp.write(
      'no-organisation.csv',
      stringify([header!, ...data.map((r) => r.map((v, i) => (i === col ? '' : v)))]),
    );
    const buyer = await addOrganisation(t.db, 'Manchester City Council (second buyer)');
    const s = await importNotices(t.db, blank, { organisationId: buyer });
    expect(s).toMatchObject({ kept: 2, inOcds: 1 });
    expect(s.buyers).toEqual({
      organisations: 1,
      matchedRows: 0,
      createdRows: 0,
      created: [],
      importOrganisationRows: 2,
    });
    const stored = await t.db
      .selectFrom('notice_contract')
      .select(['buyer_matched_by', 'organisation_name'])
      .where('buyer_id', '=', buyer)
      .execute();
    expect(stored).toEqual([
      { buyer_matched_by: 'import-organisation', organisation_name: null },
      { buyer_matched_by: 'import-organisation', organisation_name: null },
    ]);
  });

  it('a dry run maps the columns and writes nothing', async () => {
    const fresh = await openImportDb('Lancashire County Council');
    const [buyer] = fresh.ids;
    const organisations = () =>
      fresh.t.db
        .selectFrom('organisation')
        .select((e) => e.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    const s = await importNotices(fresh.t.db, cf(CSV), { organisationId: buyer, dryRun: true });
    expect(s.status).toBe('checked');
    expect(s.buyers).toMatchObject({ organisations: 25, matchedRows: 83, createdRows: 894 });
    expect(s.buyers.created).toHaveLength(24);
    expect(await organisations()).toBe(1);
    const byField = Object.fromEntries(s.stats!.mapping.map((m) => [m.header, m.field]));
    expect(byField).toMatchObject({
      id: 'noticeId',
      organisation: 'organisation',
      awarded_supplier: 'supplierName',
      awarded_value: 'awardedValue',
      council_id: null,
    });
    expect(await countNoticeContracts(fresh.t.db, buyer)).toEqual({ notices: 0, inOcds: 0 });
    await closeImportDb(fresh);
  });

  it('a file without a notice header is a clear error and writes nothing', async () => {
    const bad = tmp.write('not-notices.csv', 'Supplier,Amount\nACME,12\n');
    await expect(importNotices(t.db, bad, { organisationId: lancs })).rejects.toThrow(
      /no Contracts Finder notice header/,
    );
  });
});
