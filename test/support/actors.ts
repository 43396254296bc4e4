// Actors for service and CLI tests that act without signing in (src/services/authz.ts).
import type { Actor } from '../../src/services/authz.js';

/** A member of the central team, in no organisation. */
export const centralActor: Actor = {
  userId: 1,
  email: 'central@example.gov.uk',
  name: 'C',
  serviceRole: 'central',
  organisations: new Map(),
};
