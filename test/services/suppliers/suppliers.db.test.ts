// Supplier resolution on real data: the sample OCDS (data/sample), Salford's contract register 2022-07 and spend
// files, and Calderdale, Manchester and Newcastle spend (copies in test/fixtures/uk-more, see its SOURCES.md).
// Golden matches and non-matches were picked by hand from these files; overrides are checked to survive
// re-resolution, and only the central team and admins may make them.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { importRegister } from '../../../src/imports/register/import-register.js';
import { importSpend } from '../../../src/imports/spend/import-spend.js';
import { isAppError } from '../../../src/errors.js';
import type { Actor } from '../../../src/services/authz.js';
import { createSuppliersService } from '../../../src/services/suppliers/suppliers.service.js';
import type { Database } from '../../../src/store/database.js';
import { listAudit } from '../../../src/store/audit.repository.js';
import { useSampleDb } from '../../support/db.js';
import { addOrganisation } from '../../support/organisations.js';
import { sharedDataPath } from '../../support/shared-data.js';

const getDb = useSampleDb();
const buyers: Record<string, number> = {};

const buyer = addOrganisation;

/** The supplier a source of this kind, name (as published) and buyer went to. */
async function supplierOf(db: Kysely<Database>, kind: string, name: string, buyerId: number | null) {
  let q = db
    .selectFrom('supplier_source')
    .selectAll()
    .where('kind', '=', kind as 'spend')
    .where('name', '=', name);
  q = buyerId === null ? q.where('buyer_id', 'is', null) : q.where('buyer_id', '=', buyerId);
  const rows = await q.execute();
  expect(rows.length, `${kind} "${name}"`).toBeGreaterThan(0);
  return rows[0]!;
}

const actor = (serviceRole: Actor['serviceRole'], organisations: [number, 'viewer'][] = []): Actor => ({
  userId: 1,
  email: `${serviceRole ?? 'viewer'}@example.gov.uk`,
  name: 'Test',
  serviceRole,
  organisations: new Map(organisations),
});

describe('supplier resolution on the real files', () => {
  beforeAll(async () => {
    const { db } = getDb();
    buyers.salford = await buyer(db, 'Salford City Council');
    await importRegister(
      db,
      sharedDataPath('uk-more/contract-registers/salford-contracts-register-2022-07.csv'),
      {
        organisationId: buyers.salford,
      },
    );
    await importSpend(db, [sharedDataPath('uk-more/spend/salford')], { organisationId: buyers.salford });
    for (const body of ['calderdale', 'manchester', 'newcastle']) {
      buyers[body] = await buyer(db, body);
      await importSpend(db, [sharedDataPath('uk-more/spend', body)], { organisationId: buyers[body]! });
    }
  }, 600_000);

  it('resolves every source, records the run, and skips a run when nothing changed', async () => {
    const { db } = getDb();
    const service = createSuppliersService({ db });
    const first = await service.resolve();
    expect(first.skipped).toBe(false);
    const payees = await db
      .selectFrom('spend_payment')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const counted = await db
      .selectFrom('supplier_source')
      .select((eb) => eb.fn.sum<string>('rows').as('n'))
      .where('kind', '=', 'spend')
      .executeTakeFirstOrThrow();
    expect(Number(counted.n)).toBe(Number(payees.n)); // every payment belongs to exactly one payee
    expect(first.suppliers).toBeLessThan(first.sources);
    const again = await service.resolve();
    expect(again.skipped).toBe(true);
    expect(again.suppliers).toBe(first.suppliers);
    // Forced with nothing changed: the same suppliers, and no row needs writing.
    const forced = await service.resolve({ force: true });
    expect(forced).toMatchObject({
      suppliers: first.suppliers,
      created: 0,
      writtenSuppliers: 0,
      writtenSources: 0,
    });
    expect(first.writtenSources).toBe(first.sources);
  }, 300_000);

  it('golden matches across sources', async () => {
    const { db } = getDb();
    // Register and spend at Salford by name (no number in the spend file).
    const reg = await supplierOf(db, 'register', 'Whistl UK Limited', buyers.salford!);
    const pay = await supplierOf(db, 'spend', 'Whistl Uk Ltd', buyers.salford!);
    expect(pay.supplier_id).toBe(reg.supplier_id);
    expect(pay.rule).toBe('name-same-buyer');
    expect(Number(pay.confidence)).toBe(0.7);
    expect(pay.evidence).toMatchObject({ values: { name: 'whistl uk' } });
    // A Companies House number in Calderdale's spend file (04869035) and Salford's register (4869035).
    const flowReg = await supplierOf(db, 'register', 'Flowbird Transport Ltd', buyers.salford!);
    const flowPay = await supplierOf(db, 'spend', 'Flowbird Smart City UK Ltd', buyers.calderdale!);
    expect(flowPay.supplier_id).toBe(flowReg.supplier_id);
    expect(flowPay.identifiers).toEqual(['GB-COH-04869035']);
    // A Contracts Finder supplier (sample) and Manchester's payee under its trading name.
    const zurich = await supplierOf(db, 'ocds', 'Zurich Insurance Company t/a Zurich Municipal', null);
    const zurichPay = await supplierOf(db, 'spend', 'Zurich Municipal', buyers.manchester!);
    expect(zurichPay.supplier_id).toBe(zurich.supplier_id);
    // A charity number written in the register's company-number column.
    const spirits = await supplierOf(db, 'register', 'Special Spirits', buyers.salford!);
    expect(spirits.identifiers).toEqual(['GB-CHC-1165823']);
  });

  it('golden non-matches', async () => {
    const { db } = getDb();
    const bloom = await supplierOf(db, 'register', 'Bloom Procurement Services Ltd', buyers.salford!);
    const gt3 = await supplierOf(db, 'register', 'GT3 Architects', buyers.salford!);
    expect(gt3.supplier_id).not.toBe(bloom.supplier_id); // Bloom's number typed beside GT3's name
    const cdw = await supplierOf(db, 'register', 'CDW Ltd', buyers.salford!);
    const softcat = await supplierOf(db, 'register', 'Softcat PLC', buyers.salford!);
    expect(cdw.supplier_id).not.toBe(softcat.supplier_id);
    const seddon = await db
      .selectFrom('supplier_source')
      .select(['supplier_id', 'identifiers'])
      .where('kind', '=', 'register')
      .where('normalised_name', '=', 'seddon construction')
      .execute();
    expect(new Set(seddon.map((s) => s.identifiers[0])).size).toBe(2);
    expect(new Set(seddon.map((s) => s.supplier_id)).size).toBe(2); // same name and postcode, two numbers
    const redactedM = await supplierOf(db, 'spend', 'Redacted Personal Information', buyers.manchester!);
    const redactedN = await supplierOf(db, 'spend', 'Redacted Personal Data', buyers.newcastle!);
    expect(redactedM.placeholder).toBe(true);
    expect(redactedM.supplier_id).not.toBe(redactedN.supplier_id);
  });

  it('lists unresolved payees without placeholders, most money first, and shows a supplier with its evidence', async () => {
    const { db } = getDb();
    const service = createSuppliersService({ db });
    const page = await service.unresolved({ pageSize: 20 });
    expect(page.total).toBeGreaterThan(20);
    expect(page.rows).toHaveLength(20);
    expect(page.rows.some((r) => r.placeholder)).toBe(false);
    const amounts = page.rows.map((r) => Number(r.amount));
    expect([...amounts].sort((a, b) => b - a)).toEqual(amounts);
    const reg = await supplierOf(db, 'register', 'Whistl UK Limited', buyers.salford!);
    const detail = await service.get(Number(reg.supplier_id));
    expect(detail.supplier.identifiers).toContain('GB-COH-04417047');
    expect(detail.sources.map((s) => s.kind)).toEqual(expect.arrayContaining(['register', 'spend']));
    await expect(service.unresolved({ sort: 'size' })).rejects.toThrow(/sort: must be one of/);
  });

  it('only the central team and admins may override; a split survives re-resolution and is audited', async () => {
    const { db } = getDb();
    const service = createSuppliersService({ db });
    const pay = await supplierOf(db, 'spend', 'Whistl Uk Ltd', buyers.salford!);
    const reg = await supplierOf(db, 'register', 'Whistl UK Limited', buyers.salford!);
    const split = { kind: 'split', sourceKey: pay.key, reason: 'Different company (test)' };
    const code = async (p: Promise<unknown>) =>
      p.then(
        () => 'allowed',
        (e: unknown) => (isAppError(e) ? e.code : 'other'),
      );
    expect(await code(service.override(null, split))).toBe('UNAUTHENTICATED');
    expect(await code(service.override(actor(null, [[buyers.salford!, 'viewer']]), split))).toBe('FORBIDDEN');
    expect(await code(service.override(actor('admin'), { ...split, reason: ' ' }))).toBe('BAD_REQUEST');

    const done = await service.override(actor('central'), split);
    expect(done.supplierId).not.toBe(Number(reg.supplier_id));
    const regAfter = await supplierOf(db, 'register', 'Whistl UK Limited', buyers.salford!);
    expect(regAfter.supplier_id).toBe(reg.supplier_id); // the supplier keeps its id
    await service.resolve({ force: true });
    const payAgain = await supplierOf(db, 'spend', 'Whistl Uk Ltd', buyers.salford!);
    expect(payAgain.supplier_id).not.toBe(reg.supplier_id);
    expect(payAgain.split).toBe(true);
    const audit = await listAudit(db, 'supplier-override', String(done.overrideId));
    expect(audit[0]).toMatchObject({ actor: 'central@example.gov.uk', action: 'suppliers.split' });

    // A merge by supplier number brings it back, and survives re-resolution too.
    await service.override(actor('admin'), {
      kind: 'merge',
      sourceKey: pay.key,
      otherKey: String(reg.supplier_id),
      reason: 'Same company after all (test)',
    });
    await service.resolve({ force: true });
    const merged = await supplierOf(db, 'spend', 'Whistl Uk Ltd', buyers.salford!);
    expect(merged.supplier_id).toBe(reg.supplier_id);
    expect(merged.rule).toBe('override-merge');
  }, 300_000);
});
