// The national red-flag list (docs/red-flags.md, "National list") on the ingested sample plus one derived contract
// change: the stored results of every buyer, filtered and sorted, with the same figures as each buyer's own list;
// stale results marked while their buyer waits to be judged again. The sample has no contract, amendment or value
// change: a UK7 and a UK10 (+10.5%) are derived from the real UK6 award of 06e832 (test/analytics/quality/support.ts),
// written as a release package and ingested through the real pipeline, so migration 0035's value steps are written
// by the projection and judged by the refresh.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RED_FLAGS } from '../../src/analytics/redflags/index.js';
import { ingestPaths } from '../../src/ocds/pipeline.js';
import { repoPath } from '../../src/paths.js';
import { createRedFlagsService } from '../../src/services/redflags.service.js';
import { readNationalFlags } from '../../src/store/redflag-national.repository.js';
import { queueRedFlagBuyers } from '../../src/store/redflag-store.repository.js';
import { SAMPLE, derivedUk10, derivedUk7, releasesOf } from '../analytics/quality/support.js';
import { createTestDb, type TestDb } from '../support/db.js';

const OCID = 'ocds-h6vhtk-06e832';

describe('national red-flag list', () => {
  let t: TestDb;
  let service: ReturnType<typeof createRedFlagsService>;
  let dir = '';
  beforeAll(async () => {
    t = await createTestDb();
    const uk6 = releasesOf(SAMPLE.fts, OCID)[0]!;
    const pkg = JSON.parse(readFileSync(repoPath(SAMPLE.fts), 'utf8')) as Record<string, unknown>;
    dir = mkdtempSync(join(tmpdir(), 'flags-national-'));
    writeFileSync(
      join(dir, 'derived-uk7-uk10.json'),
      JSON.stringify({
        ...pkg,
        releases: [
          derivedUk7(uk6, 'uk7-1', '2026-10-20T09:00:00+01:00', { id: 'C1' }),
          derivedUk10(uk6, 'uk10-1', '2027-03-02T10:00:00Z', 'C1', {
            value: { amountGross: 283298.5, currency: 'GBP' },
          }),
        ],
      }),
    );
    await ingestPaths(t.db, [repoPath('data/sample'), dir], { source: 'sample' });
    service = createRedFlagsService({ db: t.db });
    await service.refresh();
  }, 180_000);
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t.drop();
  });

  it('stores the modified contract’s value steps and flags the +10.5% change with its evidence', async () => {
    const steps = await sql<{ kind: string; release_id: string; notice_type: string; value_gross: string }>`
      select kind, release_id, notice_type, value_gross::text from contract_value_step
      where ocid = ${OCID} order by step`.execute(t.db);
    expect(steps.rows).toEqual([
      { kind: 'first', release_id: 'uk7-1', notice_type: 'UK7', value_gross: '256378.74' },
      { kind: 'amendment', release_id: 'uk10-1', notice_type: 'UK10', value_gross: '283298.5' },
    ]);
    const a = await service.national({ flag: 'modification-increase' });
    expect(a.total).toBe(1);
    expect(a.items[0]).toMatchObject({
      ocid: OCID,
      subject: 'contract C1',
      status: 'flagged',
      stale: false,
      buyer: { name: 'The Education Training Collective' },
    });
    expect(a.items[0]!.evidence.slice(0, 3).map((e) => e.value)).toEqual([
      '£256,378.74 (VAT included), release uk7-1 of 2026-10-20 (UK7)',
      '£283,298.50 (VAT included), release uk10-1 of 2027-03-02 (UK10)',
      '10.5%',
    ]);
  });

  it('lists every buyer’s stored results in severity order, each as its buyer’s own list shows it', async () => {
    const stored = Number(
      (await sql<{ n: string }>`select count(*)::text as n from red_flag_result`.execute(t.db)).rows[0]!.n,
    );
    const all = await service.national({ pageSize: 200 });
    expect(stored).toBeGreaterThanOrEqual(3);
    expect(all).toMatchObject({ kind: 'national', total: stored, capped: false, queuedBuyers: 0 });
    expect(all.items).toHaveLength(Math.min(200, stored));
    const rank = (id: string) =>
      ['high', 'medium', 'low'].indexOf(RED_FLAGS.find((f) => f.id === id)!.severity);
    const order = all.items.map((i) => [rank(i.flagId), i.flagId, i.buyer.id] as const);
    expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]) || a[2] - b[2]));
    const buyers = new Map<number, unknown[]>();
    for (const i of all.items) {
      if (!buyers.has(i.buyer.id)) {
        const own = await service.flags({ buyerId: i.buyer.id, pageSize: 200 });
        buyers.set(i.buyer.id, own.kind === 'buyer' ? own.items : []);
      }
      const { buyer, stale, ...result } = i;
      expect(stale).toBe(false);
      expect(buyers.get(buyer.id)).toContainEqual(result);
    }
    // Per flag, the totals add up to the whole list; every result of a page has the flag asked for.
    let sum = 0;
    for (const flag of [
      'single-bid',
      'short-tender-period',
      'award-over-estimate',
      'modification-increase',
      'direct-award-share',
      'threshold-clustering',
      'rollover',
    ]) {
      const a = await service.national({ flag, pageSize: 200 });
      expect(a.items.every((i) => i.flagId === flag)).toBe(true);
      sum += a.total;
    }
    expect(sum).toBe(stored);
    const high = await service.national({ severity: 'high', pageSize: 200 });
    expect(
      high.items.every((i) => ['single-bid', 'short-tender-period', 'rollover'].includes(i.flagId)),
    ).toBe(true);
  });

  it('filters by buyer (its own list, same order), CPV and region, and pages', async () => {
    const top = (
      await sql<{ id: string }>`select buyer_id::text as id from red_flag_result group by 1
        order by count(*) desc, 1 limit 1`.execute(t.db)
    ).rows[0]!.id;
    const own = await service.flags({ buyerId: top, pageSize: 200 });
    const mine = await service.national({ buyerId: top, sort: 'buyer', pageSize: 200 });
    expect(own.kind === 'buyer' && mine.items.map(({ buyer: _b, stale: _s, ...r }) => r)).toEqual(
      own.kind === 'buyer' && own.items,
    );
    // A CPV division and a region that some stored result has, counted from the contract model itself.
    const expected = async (where: ReturnType<typeof sql>) =>
      Number(
        (
          await sql<{ n: string }>`select count(*)::text as n from red_flag_result r
            left join process p on p.ocid = r.ocid join organisation o on o.id = r.buyer_id
            where ${where}`.execute(t.db)
        ).rows[0]!.n,
      );
    const some = (
      await sql<{ cpv: string; region: string }>`
        select left(p.cpv_main, 2) as cpv, left(coalesce(p.delivery_regions[1], o.region_code), 3) as region
        from red_flag_result r join process p on p.ocid = r.ocid join organisation o on o.id = r.buyer_id
        where p.cpv_main is not null and coalesce(p.delivery_regions[1], o.region_code) is not null
        limit 1`.execute(t.db)
    ).rows[0]!;
    const cpv = await service.national({ cpv: some.cpv, pageSize: 200 });
    expect(cpv.total).toBeGreaterThan(0);
    expect(cpv.total).toBe(await expected(sql`p.cpv_main like ${`${some.cpv}%`}`));
    const region = await service.national({ region: some.region.replace(/^UK/, 'TL'), pageSize: 200 });
    expect(region.total).toBeGreaterThan(0);
    expect(region.total).toBe(
      await expected(
        sql`(exists (select 1 from unnest(p.delivery_regions) c where c like ${`${some.region}%`})
             or o.region_code like ${`${some.region}%`})`,
      ),
    );
    const page2 = await service.national({ pageSize: 1, page: 2 });
    expect(page2.items).toEqual((await service.national({ pageSize: 2 })).items.slice(1));
    expect((await service.national({ page: 10_000 })).items).toEqual([]);
  });

  it('counts up to the cap and pages only the first `cap` results, in the same order either way', async () => {
    // Filtered on what the ordering index holds, the page's keys are read off it; otherwise (here: a severity sorted
    // by buyer) the first cap + 1 keys are materialised and paged. Both, with a cap below and at the count.
    const sev = (
      await sql<{ s: number }>`select severity as s from red_flag_result group by 1
        order by count(*) desc, 1 limit 1`.execute(t.db)
    ).rows[0]!.s;
    const key = (i: { buyerId: number; result: unknown }) => JSON.stringify([i.buyerId, i.result]);
    for (const [filter, sort] of [
      [{}, 'severity'],
      [{}, 'buyer'],
      [{ severity: sev }, 'severity'],
      [{ severity: sev }, 'buyer'],
    ] as const) {
      const whole = await readNationalFlags(t.db, filter, sort, 0, 10_000, 10_000);
      const n = whole.total;
      expect(n).toBeGreaterThanOrEqual(2);
      expect(whole).toMatchObject({ capped: false });
      expect(whole.items).toHaveLength(n);
      const ids = whole.items.map((i) => i.buyerId);
      if (sort === 'buyer') expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(await readNationalFlags(t.db, filter, sort, 0, 50, n)).toMatchObject({
        total: n,
        capped: false,
      });
      const cap = n - 1;
      const capped = await readNationalFlags(t.db, filter, sort, 0, n, cap);
      expect(capped).toMatchObject({ total: cap, capped: true });
      expect(capped.items.map(key)).toEqual(whole.items.slice(0, cap).map(key));
      // A page running past the cap stops at it; a page beyond it is empty, still counted.
      const last = await readNationalFlags(t.db, filter, sort, cap - 1, 50, cap);
      expect(last.items.map(key)).toEqual([key(whole.items[cap - 1]!)]);
      expect(await readNationalFlags(t.db, filter, sort, cap, 50, cap)).toMatchObject({
        total: cap,
        capped: true,
        items: [],
      });
      const second = await readNationalFlags(t.db, filter, sort, 1, 1, 1_000);
      expect(second.items.map(key)).toEqual([key(whole.items[1]!)]);
    }
  });

  it('marks a queued buyer’s results stale and counts the buyers waiting', async () => {
    const first = (await service.national({ pageSize: 1 })).items[0]!;
    await queueRedFlagBuyers(t.db, [first.buyer.id]);
    const a = await service.national({ buyerId: first.buyer.id });
    expect(a.queuedBuyers).toBe(1);
    expect(a.items.every((i) => i.stale)).toBe(true);
    await service.refresh();
    expect((await service.national({ buyerId: first.buyer.id })).items.every((i) => !i.stale)).toBe(true);
  });

  it('marks a buyer’s results stale while an organisation merged into it waits to be judged', async () => {
    const first = (await service.national({ pageSize: 1 })).items[0]!;
    const other = (
      await sql<{ id: string }>`select id::text from organisation
        where id <> ${first.buyer.id} and merged_into is null order by id limit 1`.execute(t.db)
    ).rows[0]!.id;
    await sql`update organisation set merged_into = ${first.buyer.id} where id = ${other}`.execute(t.db);
    await queueRedFlagBuyers(t.db, [Number(other)]);
    try {
      const a = await service.national({ buyerId: first.buyer.id });
      expect(a.items.length).toBeGreaterThan(0);
      expect(a.items.every((i) => i.stale)).toBe(true);
      expect((await service.national({ flag: first.flagId })).items.some((i) => !i.stale)).toBe(
        (await service.national({ flag: first.flagId })).items.some((i) => i.buyer.id !== first.buyer.id),
      );
    } finally {
      await sql`update organisation set merged_into = null where id = ${other}`.execute(t.db);
      await sql`delete from red_flag_queue where buyer_id = ${other}`.execute(t.db);
    }
    expect((await service.national({ buyerId: first.buyer.id })).items.every((i) => !i.stale)).toBe(true);
  });

  it('rejects bad filters, naming each', async () => {
    await expect(
      service.national({ flag: 'nope', region: 'XX', cpv: 'abc', sort: 'x' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/Flag must be one of.*Region must be.*CPV code must be|Flag must be/),
    });
    await expect(service.national({ buyerId: 999999 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
