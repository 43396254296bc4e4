// The mission dashboard at a million contracts (docs/mission-dashboard.md): each contract's missions as decided by the
// CPV → mission mapping (default, region and buyer rules, per-contract overrides) stored once per contract
// (`contract_mission`, with the pseudo-missions `_any` — mapped to at least one mission — and `_none` — mapped to
// none), and a summary of mission × buyer × region × quarter (award value and count, SME / VCSE / local known and
// yes values), with the same cells added up over buyers (`level = 'region'`) so that national and regional reads
// stay small, that the pages read. Both are rebuilt by src/analytics/missions/refresh.ts after ingest or sync and
// after a mapping rule or override changes; empty here, the first refresh fills them.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table contract_mission (
      ocid text not null references process (ocid) on delete cascade,
      mission_id text not null,
      role text not null check (role in ('primary', 'secondary', 'any', 'none')),
      provenance text not null,
      buyer_id bigint,
      region text,
      primary key (ocid, mission_id)
    );
    create index contract_mission_mission on contract_mission (mission_id, buyer_id);
    create index contract_mission_buyer on contract_mission (buyer_id);

    create table mission_summary (
      level text not null check (level in ('buyer', 'region')),
      mission_id text not null,
      buyer_id bigint,
      region text,
      quarter text,
      synthetic boolean not null,
      awards int not null,
      contracts int not null,
      value numeric not null,
      no_value_awards int not null,
      sme_known numeric not null,
      sme_yes numeric not null,
      vcse_known numeric not null,
      vcse_yes numeric not null,
      local_known numeric not null,
      local_yes numeric not null
    );
    create index mission_summary_mission on mission_summary (level, mission_id, region, buyer_id);
    create index mission_summary_buyer on mission_summary (buyer_id);

    create table mission_summary_state (
      id int primary key check (id = 1),
      refreshed_at timestamptz not null,
      contracts int not null,
      seconds numeric not null
    );
  `.execute(db);
}
