// The missions of the contracts on one page of the horizon scan, as the mission refresh stored them
// (contract_mission, migration 0033; docs/mission-dashboard.md): primary first, then secondary, by mission id. One
// primary-key range read per contract shown; register rows have no ocid and so no missions.
import type { Kysely } from 'kysely';
import type { Database } from '../../store/database.js';

export interface HorizonMissionTag {
  missionId: string;
  role: 'primary' | 'secondary';
}

/** ocid → its mission tags; contracts without a mission are absent. */
export async function findHorizonMissions(
  db: Kysely<Database>,
  ocids: readonly string[],
): Promise<Map<string, HorizonMissionTag[]>> {
  const out = new Map<string, HorizonMissionTag[]>();
  if (ocids.length === 0) return out;
  const rows = await db
    .selectFrom('contract_mission')
    .select(['ocid', 'mission_id', 'role'])
    .where('ocid', 'in', [...new Set(ocids)])
    .where('role', 'in', ['primary', 'secondary'])
    .orderBy('ocid')
    .orderBy('role')
    .orderBy('mission_id')
    .execute();
  for (const r of rows)
    out.set(r.ocid, [
      ...(out.get(r.ocid) ?? []),
      { missionId: r.mission_id, role: r.role === 'primary' ? 'primary' : 'secondary' },
    ]);
  return out;
}
