// Actors for service and CLI tests that act without signing in (src/services/authz.ts).
import type { Actor, OrganisationRole, ServiceRole } from '../../src/services/authz.js';

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
