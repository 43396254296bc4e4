// One page of collaboration groups (docs/collaboration.md): from the stored summary when it answers the question
// exactly (today's as-of day and lead times, a window of whole months, no CPV filter finer than the market level),
// else from the contracts. Both paths give the same groups, order and lists (test/analytics/collaboration).
import type { Kysely } from 'kysely';
import type { Database } from '../../store/database.js';
import {
  findCollaborationPageDirect,
  type CollaborationGroupRow,
  type CollaborationPageOptions,
  type CollaborationScope,
} from './query.js';
import { findCollaborationPageFromSummary, summaryWindow } from './summary-query.js';

export async function findCollaborationPage(
  db: Kysely<Database>,
  s: CollaborationScope,
  o: CollaborationPageOptions,
): Promise<CollaborationGroupRow[]> {
  const w = await summaryWindow(db, s);
  return w === null ? findCollaborationPageDirect(db, s, o) : findCollaborationPageFromSummary(db, s, o, w);
}
