// The tiered standards catalogue as use cases (docs/missions.md): the effective standard for the nation, a region
// or a buyer with the provenance of each item; adding, clarifying and retiring regional and local items; tier
// settings (priority, minimum weighting, lock). Authorisation: standards.edit-regional for a region's tier,
// standards.edit-local for a buyer's (authz.ts). Every change is versioned and audited (standards.repository.ts).
import type { Kysely } from 'kysely';
import { metricMeaningChanges, newItemId, outcomeMeaningChanges } from '../../domain/missions/identifiers.js';
import {
  itemsById,
  resolveStandard,
  tierOf,
  SOCIAL_VALUE,
  type EffectiveStandard,
  type Layer,
  type Metric,
  type Outcome,
  type Scope,
} from '../../domain/missions/standard.js';
import { AppError } from '../../errors.js';
import { listAudit, type AuditRecord } from '../../store/audit.repository.js';
import type { Database } from '../../store/database.js';
import {
  findItem,
  insertItem,
  ITEM_ENTITY,
  listItems,
  listSettings,
  saveSetting as saveSettingRow,
  SETTING_ENTITY,
  settingKey,
  updateItem,
  type StandardItemRow,
} from '../../store/standards.repository.js';
import { assertCan, can, type Actor } from '../authz.js';
import { loadMissionReference, type MissionReference } from './reference.js';
import { guard, regionList, resolveScope, type ScopeInfo, type ScopeSelector } from './scope.js';
import { InputProblems, readItemInput, readSettingInput, LIMITS, type Problem } from './standards-input.js';

export interface EffectiveView {
  scope: ScopeInfo;
  standard: EffectiveStandard;
}

const toOutcome = (r: StandardItemRow): Outcome => ({
  id: r.id,
  missionId: r.parent_id,
  name: r.name,
  definition: r.definition,
  officialCode: null,
  criteria: [],
  source: r.source,
  status: r.status,
});

const toMetric = (r: StandardItemRow): Metric => ({
  id: r.id,
  outcomeId: r.parent_id,
  name: r.name,
  unit: r.unit ?? '',
  direction: r.direction ?? 'higher',
  definition: r.definition,
  evidence: r.evidence ?? '',
  officialCode: null,
  source: r.source,
  status: r.status,
});

const scopeOfItem = (id: string): Scope => {
  const [kind, owner] = id.split('.');
  return kind === 'region' ? `region:${owner}` : `org:${owner}`;
};

export function createStandardsService({
  db,
  reference,
}: {
  db: Kysely<Database>;
  reference?: MissionReference;
}) {
  const ref = (): MissionReference => reference ?? loadMissionReference();

  async function layers(scopes: readonly Scope[]): Promise<Layer[]> {
    const lower = scopes.filter((s) => s !== 'national');
    const [items, settings] = await Promise.all([listItems(db, lower), listSettings(db, lower)]);
    return lower.map((scope) => ({
      scope,
      outcomes: items.filter((i) => i.scope === scope && i.kind === 'outcome').map(toOutcome),
      metrics: items.filter((i) => i.scope === scope && i.kind === 'metric').map(toMetric),
      settings: settings
        .filter((s) => s.scope === scope)
        .map((s) => ({
          targetId: s.target_id,
          priority: s.priority,
          minWeightPercent: s.min_weight_percent === null ? null : Number(s.min_weight_percent),
          locked: s.locked,
          source: `set by ${s.updated_by}`,
        })),
    }));
  }

  async function effective(sel: ScopeSelector): Promise<EffectiveView> {
    const scope = await resolveScope(db, ref(), sel);
    return { scope, standard: resolveStandard(ref().national, await layers(scope.scopes)) };
  }

  /** The scope being edited, checked against the actor, with the standards above it and at it. */
  async function forEdit(actor: Actor | null, sel: ScopeSelector) {
    const view = await effective(sel);
    const editScope = view.scope.editScope;
    if (editScope === null)
      throw new AppError('FORBIDDEN', 'The national standard is reference data: it changes with a release');
    assertCan(actor, ...guard(editScope));
    const above = resolveStandard(
      ref().national,
      await layers(view.scope.scopes.filter((s) => s !== editScope)),
    );
    return { actor, view, editScope, above };
  }

  return {
    regions: () => regionList(ref()),
    national: () => ref().national,
    effective,

    /** Whether the actor may edit the tier this selection shows (for showing edit links). */
    mayEdit(actor: Actor | null, scope: ScopeInfo): boolean {
      return scope.editScope !== null && can(actor, ...guard(scope.editScope));
    },

    async addItem(
      actor: Actor | null,
      sel: ScopeSelector,
      kind: 'outcome' | 'metric',
      raw: Record<string, unknown>,
    ) {
      const { actor: who, view, editScope } = await forEdit(actor, sel);
      if (kind === 'outcome' && tierOf(editScope) === 'local')
        throw new AppError(
          'FORBIDDEN',
          'A buyer may add metrics to its standard, not outcomes (docs/missions.md)',
        );
      const input = readItemInput(kind, raw);
      const items = itemsById(view.standard);
      const parent = items.get(input.parentId);
      const parentOk =
        kind === 'outcome'
          ? view.standard.missions.some((m) => m.id === input.parentId)
          : parent !== undefined && 'missionId' in parent;
      if (!parentOk)
        throw new InputProblems([
          {
            field: 'parentId',
            message: kind === 'outcome' ? 'Select a mission' : 'Select an outcome of this standard',
          },
        ]);
      const id = newItemId(editScope, input.slug);
      if (await findItem(db, id))
        throw new InputProblems([
          { field: 'slug', message: `The identifier ${id} is taken (ids are never reused): choose another` },
        ]);
      return db.transaction().execute((trx) =>
        insertItem(trx, {
          id,
          kind,
          scope: editScope,
          parent_id: input.parentId,
          name: input.name,
          definition: input.definition,
          unit: input.unit,
          direction: input.direction,
          evidence: input.evidence,
          source: input.source,
          created_by: who.email,
        }),
      );
    },

    /**
     * Clarifies an item's wording. Refused when it would change what the id means (a metric's outcome, unit or
     * direction; an outcome's mission): create a new item and retire this one instead.
     */
    async editItem(actor: Actor | null, id: string, raw: Record<string, unknown>) {
      const before = await findItem(db, id);
      if (!before) throw new AppError('NOT_FOUND', `There is no regional or local item ${id}`);
      assertCan(actor, ...guard(before.scope));
      const input = readItemInput(before.kind, {
        ...raw,
        parentId: raw.parentId ?? before.parent_id,
        slug: 'kept',
      });
      const changed =
        before.kind === 'metric'
          ? metricMeaningChanges(toMetric(before), {
              outcomeId: input.parentId,
              unit: input.unit ?? '',
              direction: input.direction ?? 'higher',
            })
          : outcomeMeaningChanges(toOutcome(before), { missionId: input.parentId });
      if (changed.length > 0)
        throw new InputProblems(
          changed.map((f) => ({
            field: f === 'outcomeId' || f === 'missionId' ? 'parentId' : f,
            message: `Changing the ${f === 'outcomeId' ? 'outcome' : f === 'missionId' ? 'mission' : f} would change what ${id} means: add a new ${before.kind} and retire this one`,
          })),
        );
      return db.transaction().execute((trx) =>
        updateItem(
          trx,
          before,
          {
            name: input.name,
            definition: input.definition,
            evidence: input.evidence,
            source: input.source,
          },
          actor.email,
          'clarify',
        ),
      );
    },

    /** Retires an item: it stays in the catalogue as retired, and its id is never given to anything else. */
    async retireItem(actor: Actor | null, id: string) {
      const before = await findItem(db, id);
      if (!before) throw new AppError('NOT_FOUND', `There is no regional or local item ${id}`);
      assertCan(actor, ...guard(before.scope));
      if (before.status === 'retired') return before;
      return db
        .transaction()
        .execute((trx) => updateItem(trx, before, { status: 'retired' }, actor.email, 'retire'));
    },

    /**
     * Sets the tier's priority, minimum weighting and (regions only) lock for a mission, an outcome or social value
     * as a whole. A minimum below the one an upper tier sets, a buyer lock, and a buyer priority on a locked item
     * are refused here (and, should they exist, set aside by the resolution).
     */
    async saveSetting(
      actor: Actor | null,
      sel: ScopeSelector,
      targetId: string,
      raw: Record<string, unknown>,
    ) {
      const { actor: who, view, editScope, above } = await forEdit(actor, sel);
      const input = readSettingInput(raw);
      const items = itemsById(above);
      const target = targetId === SOCIAL_VALUE ? null : itemsById(view.standard).get(targetId);
      if (targetId !== SOCIAL_VALUE && (!target || !('outcomes' in target || 'metrics' in target)))
        throw new AppError('NOT_FOUND', `${targetId} is not a mission or outcome of this standard`);
      const upper =
        targetId === SOCIAL_VALUE
          ? above.socialValueMinWeightPercent
          : (
              items.get(targetId) as
                { minWeightPercent?: { value: number; from: { scope: string } } | null } | undefined
            )?.minWeightPercent;
      const upperPriority = (
        items.get(targetId) as { priority?: { value: string; from: { scope: string } } | null } | undefined
      )?.priority;
      const problems: Problem[] = [];
      if (input.minWeightPercent !== null && upper && input.minWeightPercent < upper.value)
        problems.push({
          field: 'minWeightPercent',
          message: `Minimum weighting must be at least ${upper.value}%, the minimum set by ${upper.from.scope}`,
        });
      if (tierOf(editScope) === 'local' && input.locked)
        problems.push({ field: 'locked', message: 'Only a region can lock a priority' });
      const lockedAbove = (await layers(view.scope.scopes.filter((s) => s !== editScope))).some((l) =>
        l.settings.some((s) => s.targetId === targetId && s.locked),
      );
      if (
        tierOf(editScope) === 'local' &&
        lockedAbove &&
        input.priority !== null &&
        input.priority !== upperPriority?.value
      )
        problems.push({
          field: 'priority',
          message: `The region locked this priority at ${upperPriority?.value ?? 'none'}`,
        });
      if (problems.length > 0) throw new InputProblems(problems);
      return db.transaction().execute((trx) => saveSettingRow(trx, editScope, targetId, input, who.email));
    },

    /** What the settings form shows: the target, the tier's own setting, what the tiers above set, the history. */
    async settingForm(actor: Actor | null, sel: ScopeSelector, targetId: string) {
      const { view, editScope, above } = await forEdit(actor, sel);
      const target = targetId === SOCIAL_VALUE ? null : itemsById(view.standard).get(targetId);
      if (targetId !== SOCIAL_VALUE && (!target || !('priority' in target)))
        throw new AppError('NOT_FOUND', `${targetId} is not a mission or outcome of this standard`);
      const upperItem = itemsById(above).get(targetId);
      const upper = upperItem && 'priority' in upperItem ? upperItem : null;
      const own = (await listSettings(db, [editScope])).find((x) => x.target_id === targetId) ?? null;
      return {
        scope: view.scope,
        editScope,
        target: { id: targetId, name: target ? target.name : 'Social value (all outcomes)' },
        own,
        above: {
          minWeightPercent:
            targetId === SOCIAL_VALUE ? above.socialValueMinWeightPercent : (upper?.minWeightPercent ?? null),
          priority: upper?.priority ?? null,
        },
        history: await listAudit(db, SETTING_ENTITY, settingKey(editScope, targetId)),
      };
    },

    /** What the new-item form offers as parents: missions (for an outcome) or the standard's active outcomes. */
    async itemForm(actor: Actor | null, sel: ScopeSelector) {
      const { view, editScope } = await forEdit(actor, sel);
      return {
        scope: view.scope,
        editScope,
        missions: view.standard.missions.map((m) => ({ id: m.id, name: m.name })),
        outcomes: view.standard.missions.flatMap((m) =>
          m.outcomes
            .filter((o) => o.status === 'active')
            .map((o) => ({ id: o.id, name: `${m.name}: ${o.name}` })),
        ),
      };
    },

    /** An item's or a setting's change history, newest first. */
    async history(id: string, scope?: Scope): Promise<AuditRecord[]> {
      return scope === undefined
        ? listAudit(db, ITEM_ENTITY, id)
        : listAudit(db, SETTING_ENTITY, settingKey(scope, id));
    },

    scopeOfItem,
    limits: LIMITS,
  };
}

export type StandardsService = ReturnType<typeof createStandardsService>;
