// Actors for service and CLI tests that act without signing in (src/services/authz.ts).
import { isAppError } from '../../src/errors.js';
import type { Actor, OrganisationRole, ServiceRole } from '../../src/services/authz.js';
import { isInputProblems } from '../../src/services/missions/standards-input.js';

/** A member of the central team, in no organisation. */
export const centralActor: Actor = {
  userId: 1,
  email: 'central@example.gov.uk',
  name: 'C',
  serviceRole: 'central',
  organisations: new Map(),
};

/** A signed-in user holding these organisation roles (and a service role, if given). */
export function memberActor(
  email: string,
  roles: [number, OrganisationRole][] = [],
  service: ServiceRole | null = null,
): Actor {
  return { userId: 1, email, name: email, serviceRole: service, organisations: new Map(roles) };
}

/** How a call settled: 'resolved', or the AppError code and message it was refused with. */
export const settled = async (p: Promise<unknown>): Promise<{ code: string | undefined; message: string }> =>
  p.then(
    () => ({ code: 'resolved', message: '' }),
    (e: { code?: string; message: string }) => ({ code: e.code, message: e.message }),
  );

/** A signed-in member of one organisation with one role (not in the database: for service tests). */
export const memberOf = (
  organisationId: number,
  role: 'viewer' | 'editor' | 'accountable-officer' = 'editor',
): Actor => ({
  userId: 1000 + organisationId,
  email: `${role}-${organisationId}@example.gov.uk`,
  name: role,
  serviceRole: null,
  organisations: new Map([[organisationId, role]]),
});

/** How a service call ended: `allowed`, `BAD_REQUEST <fields>` for field problems, or the AppError code. */
export async function outcome(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'allowed';
  } catch (e) {
    if (isInputProblems(e)) return `BAD_REQUEST ${e.problems.map((x) => x.field).join(',')}`;
    return isAppError(e) ? e.code : String(e);
  }
}
