// Suppliers of Contracts Finder notice exports as supplier-resolution sources (kind 'notice', one per buyer and
// name), on the real Lancashire councils' export and Salford's real contract register (test/fixtures/uk-more).
// Golden matches and non-matches picked by hand from the two files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importNotices } from '../../../src/imports/notices/import-notices.js';
import { importRegister } from '../../../src/imports/register/import-register.js';
import { createSuppliersService } from '../../../src/services/suppliers/suppliers.service.js';
import { createTestDb, type TestDb } from '../../support/db.js';
import { addOrganisation } from '../../support/organisations.js';
import { sharedDataPath } from '../../support/shared-data.js';

describe('notice-export suppliers in supplier resolution', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    const salford = await addOrganisation(t.db, 'Salford City Council');
    const lancs = await addOrganisation(t.db, 'Lancashire County Council');
    await importRegister(
      t.db,
      sharedDataPath('uk-more/contract-registers/salford-contracts-register-2022-07.csv'),
      { organisationId: salford },
    );
    await importNotices(
      t.db,
      sharedDataPath('uk-more/contracts-finder-lancashire/cf-notices-lancashire-councils.csv'),
      { organisationId: lancs },
    );
    await createSuppliersService({ db: t.db }).resolve();
  }, 120_000);
  afterAll(() => t.drop());

  /** The notice source of a supplier name as published, under the buyer it was published by (normalised name). */
  const noticeSource = (name: string, buyer: string) =>
    t.db
      .selectFrom('supplier_source as s')
      .innerJoin('organisation as o', 'o.id', 's.buyer_id')
      .selectAll('s')
      .where('s.kind', '=', 'notice')
      .where('o.normalised_name', '=', buyer)
      .where((e) => e(e.val(name), '=', e.fn.any('s.names')))
      .executeTakeFirstOrThrow();

  it('every notice with a supplier belongs to exactly one notice source', async () => {
    const notices = await t.db
      .selectFrom('notice_contract')
      .select((e) => e.fn.countAll<string>().as('n'))
      .where('supplier_name', 'is not', null)
      .executeTakeFirstOrThrow();
    const counted = await t.db
      .selectFrom('supplier_source')
      .select((e) => e.fn.sum<string>('rows').as('n'))
      .where('kind', '=', 'notice')
      .executeTakeFirstOrThrow();
    expect(Number(counted.n)).toBe(Number(notices.n));
    expect(Number(counted.n)).toBeGreaterThan(500);
  });

  it("joins Blackpool's and Fylde's Eric Wright Civil Engineering awards to Salford's register supplier", async () => {
    // Salford: "Eric Wright Civil Engineering Ltd", PR5 6AW (S1407); Blackpool notice 1803a50a… "Eric Wright Civil
    // Engineering Ltd" (£2,263,000); Fylde notice 30fba9cb… "Eric Wright Civil Engineering" (£4,084,676).
    const register = await t.db
      .selectFrom('supplier_source')
      .selectAll()
      .where('kind', '=', 'register')
      .where('normalised_name', '=', 'eric wright civil engineering')
      .executeTakeFirstOrThrow();
    const blackpool = await noticeSource('Eric Wright Civil Engineering Ltd', 'blackpool council');
    const fylde = await noticeSource('Eric Wright Civil Engineering', 'fylde borough council');
    expect(blackpool.supplier_id).toBe(register.supplier_id);
    expect(fylde.supplier_id).toBe(register.supplier_id);
    expect(blackpool).toMatchObject({
      rows: 1,
      amount: '2263000',
      normalised_name: 'eric wright civil engineering',
    });
    expect(blackpool.rule).toMatch(/^name/);
    const supplier = await t.db
      .selectFrom('supplier')
      .select(['kinds', 'postcodes'])
      .where('id', '=', register.supplier_id)
      .executeTakeFirstOrThrow();
    expect(supplier.kinds).toEqual(['register', 'notice']);
    expect(supplier.postcodes).toEqual(['PR5 6AW']);
  });

  it('keeps another company and a comma-joined list of suppliers apart', async () => {
    const register = await t.db
      .selectFrom('supplier_source')
      .select('supplier_id')
      .where('kind', '=', 'register')
      .where('normalised_name', '=', 'eric wright civil engineering')
      .executeTakeFirstOrThrow();
    // Preston's award to "Eric Wright Construction" (7a1aa6e8…) is another company of the group.
    const preston = await noticeSource('Eric Wright Construction', 'preston city council');
    expect(preston.supplier_id).not.toBe(register.supplier_id);
    // Blackburn's framework award (2f401c3d…) names twelve suppliers in one field, Eric Wright last: kept as
    // published, it is a source of its own, never matched to any one of them.
    const joined = await t.db
      .selectFrom('supplier_source')
      .select(['supplier_id', 'name'])
      .where('kind', '=', 'notice')
      .where('name', 'like', 'A E Yates,%')
      .executeTakeFirstOrThrow();
    expect(joined.name).toMatch(/,Eric Wright Civil Engineering Ltd$/);
    expect(joined.supplier_id).not.toBe(register.supplier_id);
  });
});
