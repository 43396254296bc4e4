// Each horizon row's missions (horizon_entry.mission_ids, migration 0044): the primary and secondary missions its
// contract has in contract_mission (migration 0033), kept on the row so that the scan by mission is an index search
// (docs/horizon-scan.md, "Missions"). Written with the row at projection (horizon-entry.repository.ts) and brought up
// to date here after the missions refresh rewrote contract_mission (for every contract, or some buyers' only).
import { sql, type RawBuilder } from 'kysely';
import type { Database } from './database.js';
import type { Kysely, Transaction } from 'kysely';

/** The contract's mapped missions, sorted (`ocid`: an SQL expression for the contract's ocid). */
export const missionIdsOf = (ocid: RawBuilder<unknown>) => sql`coalesce((
  select array_agg(m.mission_id order by m.mission_id) from contract_mission m
  where m.ocid = ${ocid} and m.role in ('primary', 'secondary')), '{}')`;

/** Rewrites the missions of the horizon rows (of these buyers only, when given) that changed; returns how many. */
export async function syncHorizonMissions(
  db: Kysely<Database> | Transaction<Database>,
  buyerIds?: readonly number[],
): Promise<number> {
  const scope = buyerIds === undefined ? sql`true` : sql`e2.buyer_id = any(${[...buyerIds]}::bigint[])`;
  const r = await sql`
    update horizon_entry e set mission_ids = x.ids
    from (select e2.ocid, ${missionIdsOf(sql`e2.ocid`)} as ids from horizon_entry e2
          where e2.ocid is not null and ${scope}) x
    where e.ocid = x.ocid and e.mission_ids is distinct from x.ids`.execute(db);
  return Number(r.numAffectedRows ?? 0);
}
