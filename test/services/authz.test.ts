// The role × action matrix across two organisations: every cell written out, so changing any decision in
// src/services/authz.ts fails this test (and docs/accounts.md must change with it).
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/errors.js';
import {
  ACTIONS,
  assertCan,
  can,
  contractTarget,
  isServiceAction,
  type Actor,
  type Role,
} from '../../src/services/authz.js';

const OWN = 101;
const OTHER = 202;

function actorWith(role: Role | 'anonymous'): Actor | null {
  if (role === 'anonymous') return null;
  const service = role === 'central' || role === 'admin';
  return {
    userId: 1,
    email: `${role}@example.gov.uk`,
    name: role,
    serviceRole: service ? role : null,
    organisations: new Map(service ? [] : [[OWN, role]]),
  };
}

// role → action → [own organisation, other organisation]; the service-wide actions (users.manage,
// standards.edit-regional, suppliers.resolve, kpiLibrary.edit, audit.read, sync.read) have one cell (no organisation); savedSearch.manage → [the actor's own saved search, another
// user's].
const MATRIX: Record<string, Record<(typeof ACTIONS)[number], string>> = {
  anonymous: {
    'organisation.read': 'no  no',
    'pipeline.edit': 'no  no',
    'officer.set': 'no  no',
    'users.manage': 'no',
    'savedSearch.manage': 'no  no',
    'standards.edit-regional': 'no',
    'standards.edit-local': 'no  no',
    'imports.read': 'no  no',
    'suppliers.resolve': 'no',
    'spend.lm3.edit': 'no  no',
    'opportunity.publish': 'no  no',
    'opportunity.interest.read': 'no  no',
    'kpis.rate': 'no  no',
    'socialValue.record': 'no  no',
    'socialValue.verify': 'no  no',
    'kpiLibrary.edit': 'no',
    'kpis.attach': 'no  no',
    'audit.read': 'no',
    'sync.read': 'no',
  },
  viewer: {
    'organisation.read': 'yes no',
    'pipeline.edit': 'no  no',
    'officer.set': 'no  no',
    'users.manage': 'no',
    'savedSearch.manage': 'yes no',
    'standards.edit-regional': 'no',
    'standards.edit-local': 'no  no',
    'imports.read': 'yes no',
    'suppliers.resolve': 'no',
    'spend.lm3.edit': 'no  no',
    'opportunity.publish': 'no  no',
    'opportunity.interest.read': 'no  no',
    'kpis.rate': 'no  no',
    'socialValue.record': 'no  no',
    'socialValue.verify': 'no  no',
    'kpiLibrary.edit': 'no',
    'kpis.attach': 'no  no',
    'audit.read': 'no',
    'sync.read': 'no',
  },
  editor: {
    'organisation.read': 'yes no',
    'pipeline.edit': 'yes no',
    'officer.set': 'no  no',
    'users.manage': 'no',
    'savedSearch.manage': 'yes no',
    'standards.edit-regional': 'no',
    'standards.edit-local': 'yes no',
    'imports.read': 'yes no',
    'suppliers.resolve': 'no',
    'spend.lm3.edit': 'yes no',
    'opportunity.publish': 'yes no',
    'opportunity.interest.read': 'yes no',
    'kpis.rate': 'yes no',
    'socialValue.record': 'yes no',
    'socialValue.verify': 'no  no',
    'kpiLibrary.edit': 'no',
    'kpis.attach': 'yes no',
    'audit.read': 'no',
    'sync.read': 'no',
  },
  'accountable-officer': {
    'organisation.read': 'yes no',
    'pipeline.edit': 'yes no',
    'officer.set': 'yes no',
    'users.manage': 'no',
    'savedSearch.manage': 'yes no',
    'standards.edit-regional': 'no',
    'standards.edit-local': 'yes no',
    'imports.read': 'yes no',
    'suppliers.resolve': 'no',
    'spend.lm3.edit': 'yes no',
    'opportunity.publish': 'yes no',
    'opportunity.interest.read': 'yes no',
    'kpis.rate': 'yes no',
    'socialValue.record': 'yes no',
    'socialValue.verify': 'yes no',
    'kpiLibrary.edit': 'no',
    'kpis.attach': 'yes no',
    'audit.read': 'no',
    'sync.read': 'no',
  },
  central: {
    'organisation.read': 'yes yes',
    'pipeline.edit': 'no  no',
    'officer.set': 'no  no',
    'users.manage': 'no',
    'savedSearch.manage': 'yes no',
    'standards.edit-regional': 'yes',
    'standards.edit-local': 'no  no',
    'imports.read': 'yes yes',
    'suppliers.resolve': 'yes',
    'spend.lm3.edit': 'no  no',
    'opportunity.publish': 'no  no',
    'opportunity.interest.read': 'no  no',
    'kpis.rate': 'no  no',
    'socialValue.record': 'no  no',
    'socialValue.verify': 'yes yes',
    'kpiLibrary.edit': 'yes',
    'kpis.attach': 'no  no',
    'audit.read': 'no',
    'sync.read': 'yes',
  },
  admin: {
    'organisation.read': 'yes yes',
    'pipeline.edit': 'yes yes',
    'officer.set': 'yes yes',
    'users.manage': 'yes',
    'savedSearch.manage': 'yes yes',
    'standards.edit-regional': 'yes',
    'standards.edit-local': 'yes yes',
    'imports.read': 'yes yes',
    'suppliers.resolve': 'yes',
    'spend.lm3.edit': 'yes yes',
    'opportunity.publish': 'yes yes',
    'opportunity.interest.read': 'yes yes',
    'kpis.rate': 'yes yes',
    'socialValue.record': 'yes yes',
    'socialValue.verify': 'yes yes',
    'kpiLibrary.edit': 'yes',
    'kpis.attach': 'yes yes',
    'audit.read': 'yes',
    'sync.read': 'yes',
  },
};

const yn = (b: boolean) => (b ? 'yes' : 'no');

describe('authorisation matrix', () => {
  it('covers every role and action', () => {
    expect(Object.keys(MATRIX)).toEqual([
      'anonymous',
      'viewer',
      'editor',
      'accountable-officer',
      'central',
      'admin',
    ]);
    for (const row of Object.values(MATRIX)) expect(Object.keys(row).sort()).toEqual([...ACTIONS].sort());
  });

  for (const [role, row] of Object.entries(MATRIX)) {
    for (const action of ACTIONS) {
      it(`${role} · ${action} → ${row[action]}`, () => {
        const actor = actorWith(role as Role | 'anonymous');
        const got = isServiceAction(action)
          ? yn(can(actor, action))
          : action === 'savedSearch.manage'
            ? `${yn(can(actor, action, { ownerUserId: 1 }))} ${yn(can(actor, action, { ownerUserId: 2 }))}`
            : `${yn(can(actor, action, { organisationId: OWN }))} ${yn(can(actor, action, { organisationId: OTHER }))}`;
        expect(got.replace(/\s+/g, ' ')).toBe(row[action].replace(/\s+/g, ' '));
      });
    }
  }

  // A contract with no buyer known (contractTarget(null)): role → [kpis.rate, socialValue.record,
  // socialValue.verify, standards.edit-local]. Admins only: no organisation role reaches it, central neither (not even
  // socialValue.verify, which central holds for every buyer).
  const BUYERLESS: Record<string, string> = {
    anonymous: 'no  no  no  no',
    viewer: 'no  no  no  no',
    editor: 'no  no  no  no',
    'accountable-officer': 'no  no  no  no',
    central: 'no  no  no  no',
    admin: 'yes yes yes yes',
  };
  const CONTRACT_ACTIONS = [
    'kpis.rate',
    'socialValue.record',
    'socialValue.verify',
    'standards.edit-local',
  ] as const;
  for (const [role, row] of Object.entries(BUYERLESS))
    it(`${role} · a contract with no buyer → ${row}`, () => {
      const actor = actorWith(role as Role | 'anonymous');
      const got = CONTRACT_ACTIONS.map((a) => yn(can(actor, a, contractTarget(null)))).join(' ');
      expect(got).toBe(row.replace(/\s+/g, ' '));
      // With a buyer, the target is that organisation (the matrix above).
      expect(contractTarget(OWN)).toEqual({ organisationId: OWN });
    });

  it('a buyerless target is refused even with an organisation the actor holds', () => {
    const officer = actorWith('accountable-officer');
    expect(can(officer, 'kpis.rate', { organisationId: OWN })).toBe(true);
    expect(can(officer, 'kpis.rate', { organisationId: OWN, buyerless: true })).toBe(false);
    expect(() => assertCan(officer, 'kpis.rate', contractTarget(null))).toThrow(
      'You do not have permission to add KPIs or record ratings for this organisation’s contracts (the contract has no buyer: admins only)',
    );
  });

  it('refuses organisation actions without an organisation, except for admin', () => {
    expect(can(actorWith('accountable-officer'), 'officer.set')).toBe(false);
    expect(can(actorWith('central'), 'organisation.read')).toBe(false);
    expect(can(actorWith('admin'), 'officer.set')).toBe(true);
  });

  it('refuses a saved search with no owner, and an organisation role is no way into one', () => {
    expect(can(actorWith('accountable-officer'), 'savedSearch.manage')).toBe(false);
    expect(can(actorWith('central'), 'savedSearch.manage', { organisationId: OWN, ownerUserId: 2 })).toBe(
      false,
    );
  });

  it('import runs across organisations (no organisation): central and admin only', () => {
    const roles = ['viewer', 'editor', 'accountable-officer', 'central', 'admin'] as const;
    expect(roles.map((r) => yn(can(actorWith(r), 'imports.read')))).toEqual(['no', 'no', 'no', 'yes', 'yes']);
    expect(can(null, 'imports.read')).toBe(false);
  });

  it('suppliers.resolve is service-wide: an organisation never grants it, even its accountable officer', () => {
    expect(can(actorWith('accountable-officer'), 'suppliers.resolve', { organisationId: OWN })).toBe(false);
    expect(can(actorWith('central'), 'suppliers.resolve', { organisationId: OTHER })).toBe(true);
    expect(can(actorWith('central'), 'users.manage')).toBe(false);
  });

  it('assertCan: UNAUTHENTICATED when signed out, FORBIDDEN when not allowed, nothing when allowed', () => {
    const code = (f: () => void) => {
      try {
        f();
        return 'allowed';
      } catch (e) {
        return isAppError(e) ? e.code : 'other';
      }
    };
    expect(code(() => assertCan(null, 'officer.set', { organisationId: OWN }))).toBe('UNAUTHENTICATED');
    expect(code(() => assertCan(actorWith('editor'), 'officer.set', { organisationId: OWN }))).toBe(
      'FORBIDDEN',
    );
    expect(
      code(() => assertCan(actorWith('accountable-officer'), 'officer.set', { organisationId: OTHER })),
    ).toBe('FORBIDDEN');
    expect(
      code(() => assertCan(actorWith('accountable-officer'), 'officer.set', { organisationId: OWN })),
    ).toBe('allowed');
  });
});
