// The horizon scan by mission at a million contracts (issue 6: p95 ≤ 50 ms; docs/horizon-scan.md, "Missions"):
// probing contract_mission once per contract in the window cost 0.8 s nationally (44,071 of 55,493 contracts for the
// commonest mission), so each horizon row carries its contract's missions (`mission_ids`: the primary and secondary
// missions in contract_mission), searched by a GIN index like its CPV and region prefixes. Written with the row at
// projection (from the contract's stored missions) and brought up to date by the missions refresh
// (src/store/horizon-missions.repository.ts), which follows every mapping change. Filled here from contract_mission.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table horizon_entry add column mission_ids text[] not null default '{}';
    update horizon_entry e set mission_ids = m.ids
    from (select ocid, array_agg(mission_id order by mission_id) as ids from contract_mission
          where role in ('primary', 'secondary') group by ocid) m
    where e.ocid = m.ocid;
    create index horizon_entry_missions on horizon_entry using gin (mission_ids);
    -- The scan's covering indexes carry the missions too, so a common mission (most rows of the window) is a filter
    -- on the index-only range scan, not a heap read per row.
    drop index horizon_entry_end;
    drop index horizon_entry_max_extent;
    create index horizon_entry_end on horizon_entry (end_day)
      include (max_extent_day, gbp_value, buyer_id, ocid, register_contract_id, mission_ids);
    create index horizon_entry_max_extent on horizon_entry (max_extent_day)
      include (end_day, gbp_value, buyer_id, ocid, register_contract_id, mission_ids) where max_extent_day is not null;
    analyze horizon_entry;
  `.execute(db);
}
