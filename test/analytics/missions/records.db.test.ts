// The stored rows behind the records lists (contract_mission_award, migration 0045) on the real sample: after a
// refresh they agree with a live computation written here from the award table (not the market facts the refresh
// reads) — per contract × mission, over all its active awards and per quarter of an award, the latest award day
// (Europe/London) and the count of awards — and the list's pages come in the order the live query gave (newest
// award first, undated last, then ocid), nationally, by region, by buyer and by quarter; a buyer-scoped refresh
// leaves the same rows.
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { missionContracts } from '../../../src/analytics/missions/index.js';
import { refreshMissions } from '../../../src/services/missions/summary-refresh.js';
import { useSampleDb } from '../../support/db.js';

interface Live {
  key: string;
  latest: string | null;
  awards: number;
}

describe('records behind a mission figure (stored rows)', () => {
  const t = useSampleDb();
  const stored = async () =>
    (
      await sql<Live>`
        select ocid || ' ' || mission_id || ' ' || quarter || ' ' || coalesce(buyer_id::text, '-') || ' '
            || coalesce(region, '-') || ' ' || synthetic as key,
          to_char(latest_award_day, 'YYYY-MM-DD') as latest, awards
        from contract_mission_award order by 1`.execute(t().db)
    ).rows;

  beforeAll(async () => {
    await refreshMissions(t().db);
    // Derived from the sample (the sample has no undated active award): one growth contract's awards lose their date.
    await sql`
      with o as (select min(cm.ocid) as ocid from contract_mission cm where cm.mission_id = 'growth'
                   and exists (select 1 from market_fact f where f.ocid = cm.ocid)),
        a as (update award set award_date = null where ocid = (select ocid from o) and status = 'active')
      update market_fact set award_day = null where ocid = (select ocid from o)`.execute(t().db);
    await refreshMissions(t().db);
  }, 180_000);

  it('stores what the live computation from the awards gives, for every mapped contract and quarter', async () => {
    const live = await sql<Live>`
      with a as (
        select ocid, (award_date at time zone 'Europe/London')::date as day from award where status = 'active'),
      q as (
        select ocid, coalesce(to_char(day, 'YYYY-"Q"Q'), 'undated') as quarter, max(day) as latest,
          count(*)::int as awards
        from a group by 1, 2
        union all
        select ocid, 'all', max(day), count(*)::int from a group by 1)
      select cm.ocid || ' ' || cm.mission_id || ' ' || q.quarter || ' ' || coalesce(cm.buyer_id::text, '-') || ' '
          || coalesce(cm.region, '-') || ' ' || p.synthetic as key,
        to_char(q.latest, 'YYYY-MM-DD') as latest, q.awards
      from contract_mission cm join q on q.ocid = cm.ocid join process p on p.ocid = cm.ocid
      order by 1`.execute(t().db);
    const rows = await stored();

    expect(live.rows.length).toBeGreaterThan(400);
    expect(rows.filter((r) => r.key.includes(' undated ')).length).toBeGreaterThan(0);
    expect(rows).toEqual(live.rows);
  });

  it('pages in the order the live query gave: newest award first, undated last, then ocid', async () => {
    const most = async (column: 'region' | 'buyer_id', missionId: string) =>
      (
        await sql<{ key: string }>`
          select ${sql.ref(column)}::text as key from contract_mission_award
          where mission_id = ${missionId} and quarter = 'all' and ${sql.ref(column)} is not null
          group by 1 order by count(*) desc, 1 limit 1`.execute(t().db)
      ).rows[0]!.key;
    const region = await most('region', '_any');
    const buyer = await most('buyer_id', 'growth');
    const { quarter } = (
      await sql<{ quarter: string }>`select quarter from contract_mission_award
        where mission_id = 'growth' and quarter like '2%' group by 1 order by count(*) desc, 1 limit 1`.execute(
        t().db,
      )
    ).rows[0]!;
    const cases = [
      { missionId: 'growth' },
      { missionId: '_any' },
      { missionId: '_any', region },
      { missionId: 'clean-energy' },
      { missionId: 'growth', buyerId: Number(buyer) },
      { missionId: 'growth', quarter },
      { missionId: '_any', quarter: 'undated' },
    ];
    for (const f of cases) {
      // The list as it was computed before migration 0045: every mapped contract's facts read at the request.
      const inQuarter =
        f.quarter === undefined
          ? sql`true`
          : f.quarter === 'undated'
            ? sql`mf.award_day is null`
            : sql`to_char(mf.award_day, 'YYYY-"Q"Q') = ${f.quarter}`;
      const live = await sql<{ ocid: string; latest: string | null; awards: number }>`
        select c.ocid, to_char(a.latest, 'YYYY-MM-DD') as latest, a.awards::int as awards
        from contract_mission c join process p on p.ocid = c.ocid
        join lateral (select max(mf.award_day) as latest, count(*) filter (where mf.pair_no = 1) as awards
                      from market_fact mf where mf.ocid = c.ocid and ${inQuarter}) a on a.awards > 0
        where c.mission_id = ${f.missionId} and not p.synthetic
          and ${f.region === undefined ? sql`true` : sql`c.region = ${f.region}`}
          and ${f.buyerId === undefined ? sql`true` : sql`c.buyer_id = ${f.buyerId}`}
        order by a.latest desc nulls last, c.ocid`.execute(t().db);
      expect([f, live.rows.length > 0]).toEqual([f, true]);
      const all = await missionContracts(t().db, f, { limit: 100_000, offset: 0 });
      expect([f, all.total]).toEqual([f, live.rows.length]);
      expect(all.rows.map((r) => ({ ocid: r.ocid, latest: r.latestAward, awards: r.awards }))).toEqual(
        live.rows,
      );
      const second = await missionContracts(t().db, f, { limit: 3, offset: 3 });
      expect(second.rows.map((r) => r.ocid)).toEqual(live.rows.slice(3, 6).map((r) => r.ocid));
    }
  });

  it('leaves the same rows after a refresh of one buyer’s contracts', async () => {
    const before = await stored();
    const buyer = (
      await sql<{
        b: string;
      }>`select buyer_id::text as b from contract_mission_award where buyer_id is not null
        group by 1 order by count(*) desc limit 1`.execute(t().db)
    ).rows[0]!.b;
    await refreshMissions(t().db, { buyerIds: [Number(buyer)] });
    expect(await stored()).toEqual(before);
  });
});
