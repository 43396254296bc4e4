// Rebuilding the collaboration finder's stored summary (docs/collaboration.md, "Summary"): as of today in the UK,
// after ingest, sync and a register import (the contracts changed) and daily just after midnight (the window is
// anchored at today: jobs/daily-refresh-jobs.ts). Until it has run on a day, the finder reads the contracts.
import type { Kysely } from 'kysely';
import {
  refreshCollaborationSummary,
  type CollaborationRefreshSummary,
} from '../../analytics/collaboration/index.js';
import { leadTimesOn, ukDay, type Day } from '../../domain/rules/index.js';
import type { Database } from '../../store/database.js';

export type { CollaborationRefreshSummary };

export const refreshCollaboration = (
  db: Kysely<Database>,
  asOf: Day = ukDay(new Date())!,
): Promise<CollaborationRefreshSummary> => refreshCollaborationSummary(db, asOf, leadTimesOn(asOf).value);
