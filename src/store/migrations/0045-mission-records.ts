// The records behind a mission figure at a million contracts (docs/mission-dashboard.md, "Records behind a figure"):
// the list `/missions/{id}/contracts` showed the contracts mapped to a mission with an active award, newest award
// first, by reading every mapped contract's market facts at each request (11.6 s p50 nationally at 1M). Here each
// contract_mission row gets, once per refresh, what the list filters and orders by: over all its active awards
// (`quarter = 'all'`) and within each quarter of an award (`2024-Q3`, or `undated`), its latest award day and its
// count of awards, with its buyer, region and whether it is synthetic — one row per contract × mission × quarter
// with an award, none without. Indexed in the list's order nationally, by region and by buyer, so a page is one
// index range scan. Rebuilt with contract_mission (src/analytics/missions/refresh.ts); filled here from it.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table contract_mission_award (
      ocid text not null references process (ocid) on delete cascade,
      mission_id text not null,
      quarter text not null check (quarter ~ '^(all|undated|[0-9]{4}-Q[1-4])$'),
      buyer_id bigint,
      region text,
      synthetic boolean not null,
      latest_award_day date,
      awards int not null check (awards > 0),
      primary key (ocid, mission_id, quarter)
    );
    create index contract_mission_award_list
      on contract_mission_award (mission_id, quarter, latest_award_day desc nulls last, ocid);
    create index contract_mission_award_region
      on contract_mission_award (mission_id, region, quarter, latest_award_day desc nulls last, ocid);
    create index contract_mission_award_buyer
      on contract_mission_award (buyer_id, mission_id, quarter, latest_award_day desc nulls last, ocid);

    insert into contract_mission_award (ocid, mission_id, quarter, buyer_id, region, synthetic, latest_award_day,
      awards)
    select cm.ocid, cm.mission_id, a.quarter, cm.buyer_id, cm.region, p.synthetic, a.latest, a.awards
    from (select f.ocid, case when grouping(f.quarter) = 1 then 'all' else f.quarter end as quarter,
            max(f.award_day) as latest, count(*) filter (where f.pair_no = 1) as awards
          from (select ocid, pair_no, award_day, coalesce(to_char(award_day, 'YYYY-"Q"Q'), 'undated') as quarter
                from market_fact) f
          group by grouping sets ((f.ocid, f.quarter), (f.ocid))) a
    join contract_mission cm on cm.ocid = a.ocid
    join process p on p.ocid = a.ocid
    where a.awards > 0;
    analyze contract_mission_award;
  `.execute(db);
}
