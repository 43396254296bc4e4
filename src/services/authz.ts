// Authorisation in one place (design.md §7): every decision about who may do what is `can` below, and every
// caller that enforces one uses `assertCan`. Roles held in an organisation (viewer, editor, accountable-officer)
// reach that organisation only; central reads every organisation; admin may do everything. The whole table is
// tested cell by cell in test/services/authz.test.ts and documented in docs/accounts.md.
import { AppError } from '../errors.js';
import type { Role } from '../store/accounts.types.js';

export type { Role } from '../store/accounts.types.js';
export type OrganisationRole = Extract<Role, 'viewer' | 'editor' | 'accountable-officer'>;
export type ServiceRole = Extract<Role, 'central' | 'admin'>;

export const ORGANISATION_ROLES: readonly OrganisationRole[] = ['viewer', 'editor', 'accountable-officer'];
export const SERVICE_ROLES: readonly ServiceRole[] = ['central', 'admin'];
export const ROLES: readonly Role[] = [...ORGANISATION_ROLES, ...SERVICE_ROLES];

/** A signed-in user and the roles they hold. */
export interface Actor {
  userId: number;
  email: string;
  name: string;
  /** central or admin, when held. */
  serviceRole: ServiceRole | null;
  /** organisation id → the role held there. */
  organisations: ReadonlyMap<number, OrganisationRole>;
}

export const ACTIONS = [
  'organisation.read',
  'pipeline.edit',
  'officer.set',
  'users.manage',
  'suppliers.resolve',
] as const;
export type Action = (typeof ACTIONS)[number];

/** What an action is done to: an organisation, or the service as a whole (users.manage, suppliers.resolve). */
export interface Target {
  organisationId?: number;
}

/** The lowest organisation role that may take each organisation-scoped action. */
const LEAST_ORGANISATION_ROLE: Record<Exclude<Action, ServiceAction>, OrganisationRole> = {
  'organisation.read': 'viewer',
  'pipeline.edit': 'editor',
  'officer.set': 'accountable-officer',
};

/**
 * Actions on the service as a whole: no organisation role reaches them. Merging or splitting suppliers changes every
 * buyer's supplier figures, so it is for the central team (who curate cross-buyer views) and admins.
 */
type ServiceAction = 'users.manage' | 'suppliers.resolve';
const CENTRAL_SERVICE_ACTIONS: ReadonlySet<Action> = new Set(['suppliers.resolve']);

const rank = (r: OrganisationRole): number => ORGANISATION_ROLES.indexOf(r);

/** Whether the actor (null: not signed in) may take the action on the target. */
export function can(actor: Actor | null, action: Action, target: Target = {}): boolean {
  if (actor === null) return false;
  if (actor.serviceRole === 'admin') return true;
  if (action === 'users.manage' || action === 'suppliers.resolve')
    return actor.serviceRole === 'central' && CENTRAL_SERVICE_ACTIONS.has(action);
  if (target.organisationId === undefined) return false;
  if (action === 'organisation.read' && actor.serviceRole === 'central') return true;
  const held = actor.organisations.get(target.organisationId);
  return held !== undefined && rank(held) >= rank(LEAST_ORGANISATION_ROLE[action]);
}

/** Throws UNAUTHENTICATED when nobody is signed in, FORBIDDEN when the actor may not take the action. */
export function assertCan(actor: Actor | null, action: Action, target: Target = {}): asserts actor is Actor {
  if (actor === null) throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
  if (!can(actor, action, target)) {
    const where = target.organisationId === undefined ? '' : ` for organisation ${target.organisationId}`;
    throw new AppError('FORBIDDEN', `You do not have permission to ${describeAction(action)}${where}`);
  }
}

const DESCRIPTIONS: Record<Action, string> = {
  'organisation.read': 'see this organisation’s working data',
  'pipeline.edit': 'change this organisation’s pipeline',
  'officer.set': 'change the accountable officer',
  'users.manage': 'manage users',
  'suppliers.resolve': 'merge or split suppliers',
};

export const describeAction = (action: Action): string => DESCRIPTIONS[action];
