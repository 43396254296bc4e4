// Stored red flags (docs/red-flags.md, "Stored results") on the ingested sample: the flagged list of every buyer,
// read from the stored results, equals the list judged on request (the same service given the rules in force, which
// judges live), page by page, once refreshed (the ingest queued every buyer); a buyer still queued is judged on
// request, so a read never shows stale results nor pays for other buyers' refresh.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuyerRecords, loadBuyersRecords } from '../../src/analytics/redflags/index.js';
import { rulesOn } from '../../src/domain/rules/index.js';
import { refreshRedFlags, VACUUM_AFTER_ROWS } from '../../src/services/redflags-refresh.js';
import { createRedFlagsService } from '../../src/services/redflags.service.js';
import { createSampleDb, type TestDb } from '../support/db.js';

describe('stored red flags on the ingested sample', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createSampleDb();
  }, 180_000);
  afterAll(async () => {
    await t.drop();
  });

  const count = async (table: string) =>
    Number(
      (await sql<{ n: string }>`select count(*)::text as n from ${sql.table(table)}`.execute(t.db)).rows[0]!
        .n,
    );

  it('gives every buyer the flagged list judged on request, page by page', async () => {
    const buyers = (
      await sql<{
        id: string;
      }>`select distinct buyer_id::text as id from process where buyer_id is not null`.execute(t.db)
    ).rows.map((r) => Number(r.id));
    expect(buyers.length).toBeGreaterThan(20);
    expect(await count('red_flag_queue')).toBeGreaterThan(0);
    const stored = createRedFlagsService({ db: t.db });
    expect((await stored.refresh()).buyers).toBe(buyers.length);
    const live = createRedFlagsService({ db: t.db, rules: rulesOn() });
    let flagged = 0;
    for (const buyerId of buyers) {
      const a = await stored.flags({ buyerId, status: 'flagged', pageSize: 200 });
      expect(a).toEqual(await live.flags({ buyerId, status: 'flagged', pageSize: 200 }));
      if (a.kind === 'buyer') flagged += a.total;
    }
    expect(flagged).toBeGreaterThan(0);
    expect(await count('red_flag_queue')).toBe(0);
    expect(await count('red_flag_result')).toBe(flagged);
    // The buyer with the most flagged results, a page of one at a time (and the page after its last).
    const many = (
      await sql<{
        id: string;
        n: number;
      }>`select buyer_id::text as id, count(*)::int as n from red_flag_result group by 1 order by 2 desc, 1 limit 1`.execute(
        t.db,
      )
    ).rows[0]!;
    for (const page of [1, many.n, many.n + 1])
      expect(await stored.flags({ buyerId: many.id, status: 'flagged', pageSize: 1, page })).toEqual(
        await live.flags({ buyerId: many.id, status: 'flagged', pageSize: 1, page }),
      );

    // Queued again (its data changed) with its stored rows out of date: the read judges it on request.
    await sql`delete from red_flag_result where buyer_id = ${many.id}`.execute(t.db);
    await sql`insert into red_flag_queue (buyer_id) values (${many.id})`.execute(t.db);
    expect(await stored.flags({ buyerId: many.id, status: 'flagged', pageSize: 200 })).toEqual(
      await live.flags({ buyerId: many.id, status: 'flagged', pageSize: 200 }),
    );
    expect(await count('red_flag_queue')).toBe(1);
  }, 240_000);

  it('loads many buyers’ records at once as it loads each buyer’s (the refresh loads 200 buyers at a time)', async () => {
    const buyers = (
      await sql<{ id: string }>`select distinct buyer_id::text as id from process where buyer_id is not null
        order by 1`.execute(t.db)
    ).rows.map((r) => Number(r.id));
    // Pages of 7 records, so pages cut across buyers.
    const many = await loadBuyersRecords(t.db, buyers, 7);
    expect([...many.keys()]).toEqual(buyers);
    for (const id of buyers) expect(many.get(id)).toEqual(await loadBuyerRecords(t.db, id));
  });

  it('vacuums the stored results after writing many, not after a few', async () => {
    const vacuums = async () =>
      Number(
        (
          await sql<{ n: string }>`select vacuum_count::text as n from pg_stat_user_tables
            where relname = 'red_flag_result'`.execute(t.db)
        ).rows[0]!.n,
      );
    const requeueAll = () =>
      sql`insert into red_flag_queue (buyer_id) select distinct buyer_id from process where buyer_id is not null`.execute(
        t.db,
      );
    await requeueAll();
    const before = await vacuums();
    const few = await refreshRedFlags(t.db);
    expect(few.rows).toBe(await count('red_flag_result'));
    expect(few.rows).toBeLessThan(VACUUM_AFTER_ROWS);
    expect(few.vacuumed).toBe(false);
    expect(await vacuums()).toBe(before);
    await requeueAll();
    const many = await refreshRedFlags(t.db, { vacuumAfterRows: few.rows });
    expect(many).toMatchObject({ rows: few.rows, vacuumed: true });
    expect(await vacuums()).toBe(before + 1);
  });
});
