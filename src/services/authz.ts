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
  'savedSearch.manage',
  'standards.edit-regional',
  'standards.edit-local',
  'imports.read',
  'suppliers.resolve',
  'spend.lm3.edit',
  'opportunity.publish',
  'opportunity.interest.read',
  'kpis.rate',
  'socialValue.record',
  'socialValue.verify',
  'kpiLibrary.edit',
  'kpis.attach',
  'audit.read',
  'sync.read',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * Actions on the service as a whole (no organisation), and the service roles that may take them: no organisation
 * role reaches them. Regional standards and mapping rules (docs/missions.md) are set by a central team for a
 * region; merging or splitting suppliers changes every buyer's supplier figures, so it is for the central team (who
 * curate cross-buyer views) and admins.
 */
const SERVICE_ACTIONS = {
  'users.manage': ['admin'],
  'standards.edit-regional': ['central', 'admin'],
  'suppliers.resolve': ['central', 'admin'],
  // The KPI library is national reference material every buyer copies from (docs/kpi-library.md).
  'kpiLibrary.edit': ['central', 'admin'],
  // The whole audit log holds personal data (users' and suppliers' email addresses, before/after records).
  'audit.read': ['admin'],
  // Sync runs' errors and positions are operational detail for the people who run the service.
  'sync.read': ['central', 'admin'],
} as const satisfies Partial<Record<Action, readonly ServiceRole[]>>;
type ServiceAction = keyof typeof SERVICE_ACTIONS;
export const isServiceAction = (a: Action): a is ServiceAction => Object.hasOwn(SERVICE_ACTIONS, a);

/**
 * What an action is done to: an organisation, a user's own things (savedSearch.manage), or the service as a whole
 * (the service actions above).
 */
export interface Target {
  organisationId?: number;
  /** The user who owns what is acted on (savedSearch.manage). */
  ownerUserId?: number;
  /**
   * A contract whose buyer is not known (KPIs, social value, mission overrides of a contract with no buyer): no
   * organisation role reaches it, and of the service roles only admin.
   */
  buyerless?: boolean;
}

/** The target of an action on one contract: its buyer's organisation, or buyerless when no buyer is known. */
export const contractTarget = (buyerId: number | null): Target =>
  buyerId === null ? { buyerless: true } : { organisationId: buyerId };

/** The lowest organisation role that may take each organisation-scoped action. */
const LEAST_ORGANISATION_ROLE: Record<
  Exclude<Action, ServiceAction | 'savedSearch.manage'>,
  OrganisationRole
> = {
  'organisation.read': 'viewer',
  'pipeline.edit': 'editor',
  'officer.set': 'accountable-officer',
  // A buyer's tailoring of its region's standard, its mapping rules and its contracts' mission overrides.
  'standards.edit-local': 'editor',
  'imports.read': 'viewer',
  // A buyer's own LM3 survey figures (staff costs, re-spend shares): its paid-money page's LM3 estimate.
  'spend.lm3.edit': 'editor',
  // Mission market opportunities (docs/opportunities.md): the publishing organisation's editors write them and
  // read the interest suppliers register; central does not reach either (interest is the publisher's alone).
  'opportunity.publish': 'editor',
  'opportunity.interest.read': 'editor',
  // Adding KPIs to the buyer's contracts and recording their ratings (docs/kpis.md).
  'kpis.rate': 'editor',
  // Social value commitments and delivery reports on the buyer's contracts (docs/social-value.md).
  'socialValue.record': 'editor',
  // Verifying or rejecting a delivery report: the buyer's accountable officer (and central, below) [?].
  'socialValue.verify': 'accountable-officer',
  // Attaching and tailoring library KPIs on the buyer's pipeline entries and contracts.
  'kpis.attach': 'editor',
};

const rank = (r: OrganisationRole): number => ORGANISATION_ROLES.indexOf(r);

/** Whether the actor (null: not signed in) may take the action on the target. */
export function can(actor: Actor | null, action: Action, target: Target = {}): boolean {
  if (actor === null) return false;
  if (actor.serviceRole === 'admin') return true;
  if (target.buyerless === true) return false;
  // A user's own things (saved searches) are theirs alone, whatever roles they hold.
  if (action === 'savedSearch.manage') return target.ownerUserId === actor.userId;
  if (isServiceAction(action)) {
    const roles: readonly ServiceRole[] = SERVICE_ACTIONS[action];
    return actor.serviceRole !== null && roles.includes(actor.serviceRole);
  }
  // Import runs: central reads every organisation's, and the list across organisations (no target).
  if (action === 'imports.read' && actor.serviceRole === 'central') return true;
  if (target.organisationId === undefined) return false;
  if (action === 'organisation.read' && actor.serviceRole === 'central') return true;
  // The central team verifies social value delivery for any buyer [?] (docs/social-value.md).
  if (action === 'socialValue.verify' && actor.serviceRole === 'central') return true;
  const held = actor.organisations.get(target.organisationId);
  return held !== undefined && rank(held) >= rank(LEAST_ORGANISATION_ROLE[action]);
}

/** Throws UNAUTHENTICATED when nobody is signed in, FORBIDDEN when the actor may not take the action. */
export function assertCan(actor: Actor | null, action: Action, target: Target = {}): asserts actor is Actor {
  if (actor === null) throw new AppError('UNAUTHENTICATED', 'Sign in to do this');
  if (!can(actor, action, target)) {
    const where =
      target.buyerless === true
        ? ' (the contract has no buyer: admins only)'
        : target.organisationId === undefined
          ? ''
          : ` for organisation ${target.organisationId}`;
    throw new AppError('FORBIDDEN', `You do not have permission to ${describeAction(action)}${where}`);
  }
}

const DESCRIPTIONS: Record<Action, string> = {
  'organisation.read': 'see this organisation’s working data',
  'pipeline.edit': 'change this organisation’s pipeline',
  'officer.set': 'change the accountable officer',
  'users.manage': 'manage users',
  'savedSearch.manage': 'use another user’s saved search',
  'standards.edit-regional': 'change a region’s standard or mission mapping',
  'standards.edit-local': 'change this organisation’s standard or mission mapping',
  'imports.read': 'see these import runs',
  'suppliers.resolve': 'merge or split suppliers',
  'spend.lm3.edit': 'change this organisation’s LM3 survey figures',
  'opportunity.publish': 'publish or change this organisation’s opportunities',
  'opportunity.interest.read': 'see the interest registered in this organisation’s opportunities',
  'kpis.rate': 'add KPIs or record ratings for this organisation’s contracts',
  'socialValue.record': 'record social value commitments or delivery',
  'socialValue.verify': 'verify social value delivery',
  'kpiLibrary.edit': 'add or change KPI library templates',
  'kpis.attach': 'attach or change KPIs for this organisation',
  'audit.read': 'read the audit log of every change',
  'sync.read': 'see the sync status of the live sources',
};

export const describeAction = (action: Action): string => DESCRIPTIONS[action];
