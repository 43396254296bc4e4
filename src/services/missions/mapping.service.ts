// Mapping contracts to missions as use cases (docs/missions.md, "Mapping"): the effective CPV → mission rules for
// the nation, a region or a buyer; one CPV code through them; a contract's missions with the provenance of each;
// regional and buyer rules, and per-contract overrides with a reason (authorised and audited).
import type { Kysely } from 'kysely';
import {
  buildMissionIndex,
  missionsForContract,
  ruleForCpv,
  type ContractMissions,
  type MappingRule,
  type MissionIndex,
} from '../../domain/missions/mission-map.js';
import { tierOf, type Scope } from '../../domain/missions/standard.js';
import { AppError } from '../../errors.js';
import { listAudit, type AuditRecord } from '../../store/audit.repository.js';
import type { Database } from '../../store/database.js';
import {
  findContractForMissions,
  listOverrides,
  listRules,
  OVERRIDE_ENTITY,
  overrideKey,
  saveOverride as saveOverrideRow,
  saveRule as saveRuleRow,
} from '../../store/standards.repository.js';
import { assertCan, can, contractTarget, type Actor } from '../authz.js';
import { loadMissionReference, type MissionReference } from './reference.js';
import { guard, itl1, resolveScope, type ScopeInfo, type ScopeSelector } from './scope.js';
import { readOverrideInput, readRuleInput } from './standards-input.js';
import { refreshMissions, type RefreshScope } from './summary-refresh.js';

export interface MappingRow {
  prefix: string;
  /** The rule of each tier at this prefix, when it has one. */
  byTier: Partial<Record<MappingRule['tier'], MappingRule>>;
  /** The rule that applies (the most local tier at this prefix). */
  effective: MappingRule;
}

export interface EffectiveMapping {
  scope: ScopeInfo;
  rows: MappingRow[];
}

export interface ContractMissionsView extends ContractMissions {
  ocid: string;
  title: string | null;
  buyer: { id: number; name: string | null } | null;
  region: string | null;
  cpv: { main: string | null; codes: string[] };
  overrides: Array<{
    missionId: string;
    action: 'add' | 'remove';
    reason: string;
    by: string;
    at: string;
    version: number;
  }>;
}

const TIER_OF_SCOPE = (scope: Scope): MappingRule['tier'] =>
  tierOf(scope) === 'regional' ? 'region' : 'buyer';

export function createMappingService({
  db,
  reference,
}: {
  db: Kysely<Database>;
  reference?: MissionReference;
}) {
  const ref = (): MissionReference => reference ?? loadMissionReference();
  const missionIds = (): Set<string> => new Set(ref().national.missions.map((m) => m.id));
  /** The mission dashboard follows every mapping change (docs/mission-dashboard.md, "Refresh"): a buyer's rule or
   * a contract's override rebuilds that buyer's contracts, a region's rule every contract. */
  const refreshAfter = (scope: RefreshScope) => refreshMissions(db, scope, ref());
  const scopeOfEdit = (edit: Scope): RefreshScope =>
    edit.startsWith('org:') ? { buyerIds: [Number(edit.slice(4))] } : {};

  async function rules(scopes: readonly Scope[]): Promise<MappingRule[]> {
    const rows = await listRules(
      db,
      scopes.filter((s) => s !== 'national'),
    );
    return [
      ...ref().defaultRules,
      ...rows.map<MappingRule>((r) => ({
        tier: TIER_OF_SCOPE(r.scope),
        scope: r.scope,
        prefix: r.prefix,
        primary: r.missions[0] ?? null,
        secondary: r.missions.slice(1),
        note: r.reason,
      })),
    ];
  }

  async function index(scopes: readonly Scope[]): Promise<MissionIndex> {
    return buildMissionIndex(await rules(scopes));
  }

  async function effective(sel: ScopeSelector): Promise<EffectiveMapping> {
    const scope = await resolveScope(db, ref(), sel);
    const byPrefix = new Map<string, MappingRow['byTier']>();
    for (const r of await rules(scope.scopes))
      byPrefix.set(r.prefix, { ...byPrefix.get(r.prefix), [r.tier]: r });
    const rows = [...byPrefix]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([prefix, byTier]) => ({
        prefix,
        byTier,
        effective: (byTier.buyer ?? byTier.region ?? byTier.default) as MappingRule,
      }));
    return { scope, rows };
  }

  /** Where a contract's tiers come from: its buyer and the buyer's region. */
  async function contractScopes(ocid: string) {
    const c = await findContractForMissions(db, ocid);
    if (!c) throw new AppError('NOT_FOUND', `There is no contracting process ${ocid}`);
    const region = itl1(c.region_code, ref());
    const scopes: Scope[] = [
      'national',
      ...(region ? [`region:${region}`] : []),
      ...(c.buyer_id !== null ? [`org:${c.buyer_id}`] : []),
    ];
    return { c, region, scopes };
  }

  return {
    effective,

    /** One CPV code through the effective mapping of a scope: the deciding rule, or null. */
    async ruleFor(code: string, sel: ScopeSelector = {}): Promise<MappingRule | null> {
      const scope = await resolveScope(db, ref(), sel);
      return ruleForCpv(code, await index(scope.scopes));
    },

    async contractMissions(ocid: string): Promise<ContractMissionsView> {
      const { c, region, scopes } = await contractScopes(ocid);
      const rows = await listOverrides(db, ocid);
      const overrides = rows.map((o) => ({
        missionId: o.mission_id,
        action: o.action,
        reason: o.reason,
        by: o.updated_by,
        at: o.updated_at.toISOString(),
        version: o.version,
      }));
      const cpv = { main: c.cpv_main, codes: c.cpv_codes };
      return {
        ocid: c.ocid,
        title: c.title,
        buyer: c.buyer_id === null ? null : { id: Number(c.buyer_id), name: c.buyer_name },
        region,
        cpv,
        overrides,
        ...missionsForContract(cpv, await index(scopes), overrides),
      };
    },

    /** Whether the actor may override this contract's missions (the buyer's editors; admins for any). */
    mayOverride: (actor: Actor | null, buyerId: number | null): boolean =>
      can(actor, 'standards.edit-local', contractTarget(buyerId)),

    mayEdit: (actor: Actor | null, scope: ScopeInfo): boolean =>
      scope.editScope !== null && can(actor, ...guard(scope.editScope)),

    /** Sets a region's or buyer's rule for a CPV prefix (a reason is required), audited. */
    async saveRule(actor: Actor | null, sel: ScopeSelector, raw: Record<string, unknown>) {
      const scope = await resolveScope(db, ref(), sel);
      if (scope.editScope === null)
        throw new AppError('FORBIDDEN', 'The default mapping is reference data: it changes with a release');
      assertCan(actor, ...guard(scope.editScope));
      const input = readRuleInput(raw, missionIds());
      const saved = await db
        .transaction()
        .execute((trx) =>
          saveRuleRow(trx, scope.editScope as Scope, input.prefix, input.missions, input.reason, actor.email),
        );
      await refreshAfter(scopeOfEdit(scope.editScope));
      return saved;
    },

    async removeRule(actor: Actor | null, sel: ScopeSelector, prefix: string, reason: string) {
      const scope = await resolveScope(db, ref(), sel);
      if (scope.editScope === null) throw new AppError('FORBIDDEN', 'The default mapping is reference data');
      assertCan(actor, ...guard(scope.editScope));
      await db
        .transaction()
        .execute((trx) =>
          saveRuleRow(trx, scope.editScope as Scope, prefix, null, reason || 'removed', actor.email),
        );
      await refreshAfter(scopeOfEdit(scope.editScope));
    },

    /** Adds or removes a mission on one contract, or withdraws that override; a reason is always required. */
    async saveOverride(actor: Actor | null, ocid: string, raw: Record<string, unknown>) {
      const { c } = await contractScopes(ocid);
      assertCan(
        actor,
        'standards.edit-local',
        contractTarget(c.buyer_id === null ? null : Number(c.buyer_id)),
      );
      const input = readOverrideInput(raw, missionIds());
      await db
        .transaction()
        .execute((trx) =>
          saveOverrideRow(trx, ocid, input.missionId, input.action, input.reason, actor.email),
        );
      await refreshAfter(c.buyer_id === null ? {} : { buyerIds: [Number(c.buyer_id)] });
    },

    async overrideHistory(ocid: string, missionId: string): Promise<AuditRecord[]> {
      return listAudit(db, OVERRIDE_ENTITY, overrideKey(ocid, missionId));
    },
  };
}

export type MappingService = ReturnType<typeof createMappingService>;
