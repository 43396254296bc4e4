// The horizon scan from its day counts (migration 0047, src/analytics/horizon/day-counts.ts) against the scan over
// the horizon rows (findHorizonPage, summariseHorizon), on the real sample with Salford's real contract register
// (register rows carry no mission) and each contract's missions as after ingest: every page (of 9, so that pages
// break inside days with several contracts), every window total, for each basis, each sort, both orders, the
// national view, two missions, a CPV division and an ITL1 region, on three as-of days (one a month's end, where
// "decision due by" dates bunch up); the sort by value takes only its totals from the counts. Then when the counts
// must not be read: horizon rows changed since the refresh, other lead-time bands, other filters.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findHorizonPage,
  scanFromDayCounts,
  scanHorizon,
  summariseHorizon,
  windowEnd,
  type HorizonBasis,
  type HorizonScope,
  type HorizonSort,
} from '../../../src/analytics/horizon/index.js';
import { leadTimesOn, leadTimeBand, type LeadTimePolicy } from '../../../src/domain/rules/index.js';
import { bandIndex, refreshHorizonDayCounts } from '../../../src/store/horizon-day-count.repository.js';
import type { TestDb } from '../../support/db.js';
import { createHorizonSampleDb } from '../../support/horizon.js';

const PAGE = 9;
const BASES: HorizonBasis[] = ['next', 'end', 'max-extent'];

describe('horizon scan from its day counts', () => {
  let t: TestDb;
  const policy = leadTimesOn('2026-06-01').value;

  /** The national view, two missions, the commonest CPV division and ITL1 region of the horizon rows. */
  const filters: Omit<HorizonScope, 'asOf' | 'basis'>[] = [{}, { missionId: 'nhs' }, { missionId: 'growth' }];

  beforeAll(async () => {
    t = await createHorizonSampleDb();
    await refreshHorizonDayCounts(t.db, '2026-06-01');
    const commonest = async (column: 'cpv_prefixes' | 'region_prefixes', length: number) =>
      (
        await sql<{
          v: string;
        }>`select v from horizon_entry, unnest(${sql.ref(column)}) v where length(v) = ${length}
          group by v order by count(*) desc, v limit 1`.execute(t.db)
      ).rows[0]!.v;
    filters.push(
      { cpvPrefix: await commonest('cpv_prefixes', 2) },
      { region: await commonest('region_prefixes', 3) },
    );
  });
  afterAll(() => t?.drop());

  const windowsOf = (asOf: string) => [6, 12, 18, 24].map((m) => ({ months: m, last: windowEnd(asOf, m) }));
  /** A page of the 24-month window (the last of windowsOf). */
  const pageOf = (asOf: string, sort: HorizonSort, limit: number) => ({
    last: windowEnd(asOf, 24),
    policy,
    sort,
    order: 'asc' as const,
    limit,
    offset: 0,
  });

  it.each(['2022-07-31', '2024-01-15', '2026-06-01'])(
    'gives every page and total as the rows do (as of %s)',
    async (asOf) => {
      let compared = 0;
      for (const filter of filters) {
        for (const basis of BASES) {
          const scope: HorizonScope = { asOf, basis, ...filter };
          const windows = windowsOf(asOf);
          const last = windows[3]!.last;
          const totals = await summariseHorizon(t.db, scope, windows, policy);
          for (const sort of ['decision', 'end', 'value'] as const) {
            for (const order of ['asc', 'desc'] as const) {
              const page = { last, policy, sort, order, limit: PAGE };
              for (let offset = 0; offset <= totals[3]!.contracts; offset += PAGE) {
                const counted = await scanFromDayCounts(t.db, scope, windows, { ...page, offset });
                expect(counted, `${basis} ${sort} ${order} ${JSON.stringify(filter)}`).not.toBeNull();
                expect(counted!.totals).toEqual(totals);
                const direct = await findHorizonPage(t.db, scope, { ...page, offset });
                expect(counted!.rows).toEqual(direct);
                compared += direct.length;
              }
            }
          }
        }
      }
      // Not a comparison of empty pages: the sample has contracts in these windows.
      expect(compared).toBeGreaterThan(100);
    },
  );

  it('counts register rows nationally and only mapped contracts per mission', async () => {
    const windows = windowsOf('2022-07-31');
    const page = pageOf('2022-07-31', 'end', 500);
    const national = await scanFromDayCounts(t.db, { asOf: '2022-07-31', basis: 'next' }, windows, page);
    expect(national!.rows.some((r) => r.source === 'register')).toBe(true);
    const nhs = await scanFromDayCounts(
      t.db,
      { asOf: '2022-07-31', basis: 'next', missionId: 'nhs' },
      windows,
      page,
    );
    expect(nhs!.rows.every((r) => r.source === 'ocds')).toBe(true);
    expect(nhs!.totals[3]!.contracts).toBeLessThan(national!.totals[3]!.contracts);
  });

  it('stores the bands as leadTimeBand gives them, edges included', async () => {
    const values = ['-5', '0', '999999.99', '1000000', '9999999.99', '10000000', '250000000', null];
    const r = await sql<{ band: number }>`
      select ${bandIndex(sql`v::numeric`, policy)} as band
      from unnest(${values}::text[]) with ordinality x(v, i) order by i`.execute(t.db);
    const expected = values.map((v) => {
      const band = leadTimeBand(v, policy);
      return band === null ? -1 : policy.bands.indexOf(band);
    });
    expect(r.rows.map((x) => x.band)).toEqual(expected);
  });

  describe('when the counts cannot answer', () => {
    const asOf = '2026-06-01';
    const windows = windowsOf(asOf);
    const page = pageOf(asOf, 'decision', 20);
    const national: HorizonScope = { asOf, basis: 'next' };

    it('reads them for one mission, CPV division or ITL1 region, not for other filters or two at once', async () => {
      for (const one of [{}, { missionId: 'nhs' }, { cpvPrefix: '45' }, { region: 'UKD' }])
        expect(await scanFromDayCounts(t.db, { ...national, ...one }, windows, page)).not.toBeNull();
      for (const other of [
        { buyerId: 1 },
        { cpvPrefix: '451' },
        { region: 'UKD4' },
        { supplierId: 1 },
        { minValue: '1' },
        { missionId: 'nhs', cpvPrefix: '45' },
        { cpvPrefix: '45', region: 'UKD' },
      ])
        expect(await scanFromDayCounts(t.db, { ...national, ...other }, windows, page)).toBeNull();
    });

    it('does not read counts built with other lead-time bands', async () => {
      const other: LeadTimePolicy = { ...policy, unknownValueMonths: policy.unknownValueMonths + 1 };
      expect(await scanFromDayCounts(t.db, national, windows, { ...page, policy: other })).toBeNull();
    });

    it('does not read counts older than the horizon rows, until the next refresh', async () => {
      // A statement that changes no row keeps them current.
      await sql`update horizon_entry set gbp_value = gbp_value where false`.execute(t.db);
      expect(await scanFromDayCounts(t.db, national, windows, page)).not.toBeNull();
      const ocid = (await findHorizonPage(t.db, national, page)).find((r) => r.ocid !== null)!.ocid;
      await sql`update horizon_entry set end_day = end_day + 1 where ocid = ${ocid}`.execute(t.db);
      expect(await scanFromDayCounts(t.db, national, windows, page)).toBeNull();
      await refreshHorizonDayCounts(t.db, asOf);
      const after = await scanFromDayCounts(t.db, national, windows, page);
      expect(after!.rows).toEqual(await findHorizonPage(t.db, national, page));
      await sql`delete from horizon_entry where ocid = ${ocid}`.execute(t.db);
      expect(await scanFromDayCounts(t.db, national, windows, page)).toBeNull();
    });

    it('scans from the horizon rows instead while they are out of date, each sort', async () => {
      expect(await scanFromDayCounts(t.db, national, windows, page)).toBeNull();
      for (const sort of ['decision', 'value'] as const) {
        const p = { ...page, sort };
        expect(await scanHorizon(t.db, national, windows, p)).toEqual({
          rows: await findHorizonPage(t.db, national, p),
          totals: await summariseHorizon(t.db, national, windows, policy),
        });
      }
    });
  });
});
