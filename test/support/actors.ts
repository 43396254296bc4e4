// Actors for service and CLI tests that act without signing in (src/services/authz.ts).
import { isAppError } from '../../src/errors.js';
import type { Actor } from '../../src/services/authz.js';
import { isInputProblems } from '../../src/services/missions/standards-input.js';

/** A member of the central team, in no organisation. */
export const centralActor: Actor = {
  userId: 1,
  email: 'central@example.gov.uk',
  name: 'C',
  serviceRole: 'central',
  organisations: new Map(),
};

/** A viewer or editor of one organisation. */
export const editorOf = (id: number, role: 'viewer' | 'editor' = 'editor'): Actor => ({
  userId: 2,
  email: `${role}-${id}@example.gov.uk`,
  name: 'E',
  serviceRole: null,
  organisations: new Map([[id, role]]),
});

/** How a service call ended: `allowed`, an error code, or `BAD_REQUEST field,field` for field problems. */
export async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'allowed';
  } catch (e) {
    if (isInputProblems(e)) return `BAD_REQUEST ${e.problems.map((x) => x.field).join(',')}`;
    return isAppError(e) ? e.code : String(e);
  }
}
