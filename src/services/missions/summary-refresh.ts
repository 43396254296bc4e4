// Rebuilding the mission dashboard's stored figures (docs/mission-dashboard.md, "Refresh"): after ingest or sync
// (every contract) and after a mapping change (mapping.service.ts: a buyer's rule or a contract's override rebuilds
// that buyer's contracts, a region's rule every contract).
import type { Kysely } from 'kysely';
import {
  refreshMissionSummary,
  type MissionRefreshSummary,
  type RefreshScope,
} from '../../analytics/missions/index.js';
import type { Database } from '../../store/database.js';
import { loadMissionReference, type MissionReference } from './reference.js';

export type { MissionRefreshSummary, RefreshScope };

export const refreshMissions = (
  db: Kysely<Database>,
  scope: RefreshScope = {},
  ref: MissionReference = loadMissionReference(),
): Promise<MissionRefreshSummary> => refreshMissionSummary(db, ref.defaultRules, scope);
