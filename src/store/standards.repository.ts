// The mission layer's owned data (migration 0017): regional and local catalogue items, tier settings, CPV → mission
// rules of regions and buyers, and per-contract overrides. Every write bumps the row's version and is audited in
// the same transaction (who, when, before and after); items are never deleted, only retired.
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { writeAudit } from './audit.repository.js';
import type { Database } from './database.js';
import type {
  ContractMissionOverrideTable,
  MissionMappingRuleTable,
  StandardItemTable,
  StandardSettingTable,
} from './missions.types.js';

type Db = Kysely<Database> | Transaction<Database>;

export type StandardItemRow = Selectable<StandardItemTable>;
export type StandardSettingRow = Selectable<StandardSettingTable>;
export type MappingRuleRow = Selectable<MissionMappingRuleTable>;
export type ContractOverrideRow = Selectable<ContractMissionOverrideTable>;

export const ITEM_ENTITY = 'standard_item';
export const SETTING_ENTITY = 'standard_setting';
export const RULE_ENTITY = 'mission_mapping_rule';
export const OVERRIDE_ENTITY = 'contract_mission_override';

export const settingKey = (scope: string, targetId: string): string => `${scope}/${targetId}`;
export const ruleKey = (scope: string, prefix: string): string => `${scope}/${prefix}`;
export const overrideKey = (ocid: string, missionId: string): string => `${ocid}/${missionId}`;

const anyOf = (scopes: readonly string[]) => sql<boolean>`scope = any(${[...scopes]}::text[])`;

export async function listItems(db: Db, scopes: readonly string[]): Promise<StandardItemRow[]> {
  if (scopes.length === 0) return [];
  return db
    .selectFrom('standard_item')
    .selectAll()
    .where(anyOf(scopes))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findItem(db: Db, id: string): Promise<StandardItemRow | undefined> {
  return db.selectFrom('standard_item').selectAll().where('id', '=', id).executeTakeFirst();
}

export type NewItem = Omit<
  StandardItemRow,
  'status' | 'version' | 'created_at' | 'updated_at' | 'updated_by'
>;

export async function insertItem(trx: Transaction<Database>, item: NewItem): Promise<StandardItemRow> {
  const row = await trx
    .insertInto('standard_item')
    .values({ ...item, updated_by: item.created_by })
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeAudit(trx, {
    actor: item.created_by,
    action: 'create',
    entityType: ITEM_ENTITY,
    entityId: row.id,
    before: null,
    after: row,
  });
  return row;
}

export type ItemChange = Partial<
  Pick<StandardItemRow, 'name' | 'definition' | 'evidence' | 'source' | 'status'>
>;

/** Updates wording or status (the caller has checked that the meaning is unchanged) and audits it. */
export async function updateItem(
  trx: Transaction<Database>,
  before: StandardItemRow,
  change: ItemChange,
  actor: string,
  action: string,
): Promise<StandardItemRow> {
  const row = await trx
    .updateTable('standard_item')
    .set({ ...change, version: before.version + 1, updated_by: actor, updated_at: new Date() })
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await writeAudit(trx, { actor, action, entityType: ITEM_ENTITY, entityId: row.id, before, after: row });
  return row;
}

export async function listSettings(db: Db, scopes: readonly string[]): Promise<StandardSettingRow[]> {
  if (scopes.length === 0) return [];
  return db.selectFrom('standard_setting').selectAll().where(anyOf(scopes)).execute();
}

export interface SettingValues {
  priority: StandardSettingRow['priority'];
  minWeightPercent: number | null;
  locked: boolean;
}

/** Sets (or, with no priority, no weighting and no lock, clears) a scope's setting for a target; audited. */
export async function saveSetting(
  trx: Transaction<Database>,
  scope: string,
  targetId: string,
  v: SettingValues,
  actor: string,
): Promise<StandardSettingRow | null> {
  const before = await trx
    .selectFrom('standard_setting')
    .selectAll()
    .where('scope', '=', scope)
    .where('target_id', '=', targetId)
    .forUpdate()
    .executeTakeFirst();
  const entityId = settingKey(scope, targetId);
  if (v.priority === null && v.minWeightPercent === null && !v.locked) {
    if (!before) return null;
    await trx
      .deleteFrom('standard_setting')
      .where('scope', '=', scope)
      .where('target_id', '=', targetId)
      .execute();
    await writeAudit(trx, {
      actor,
      action: 'clear',
      entityType: SETTING_ENTITY,
      entityId,
      before,
      after: null,
    });
    return null;
  }
  const values = {
    priority: v.priority,
    min_weight_percent: v.minWeightPercent,
    locked: v.locked,
    updated_by: actor,
    updated_at: new Date(),
  };
  const after = before
    ? await trx
        .updateTable('standard_setting')
        .set({ ...values, version: before.version + 1 })
        .where('scope', '=', scope)
        .where('target_id', '=', targetId)
        .returningAll()
        .executeTakeFirstOrThrow()
    : await trx
        .insertInto('standard_setting')
        .values({ scope, target_id: targetId, ...values })
        .returningAll()
        .executeTakeFirstOrThrow();
  await writeAudit(trx, {
    actor,
    action: before ? 'update' : 'create',
    entityType: SETTING_ENTITY,
    entityId,
    before: before ?? null,
    after,
  });
  return after;
}

export async function listRules(db: Db, scopes: readonly string[]): Promise<MappingRuleRow[]> {
  if (scopes.length === 0) return [];
  return db.selectFrom('mission_mapping_rule').selectAll().where(anyOf(scopes)).orderBy('prefix').execute();
}

/** Sets a scope's rule for a prefix (missions: primary first; empty: no mission), or removes it (missions null). */
export async function saveRule(
  trx: Transaction<Database>,
  scope: string,
  prefix: string,
  missions: string[] | null,
  reason: string,
  actor: string,
): Promise<MappingRuleRow | null> {
  const before = await trx
    .selectFrom('mission_mapping_rule')
    .selectAll()
    .where('scope', '=', scope)
    .where('prefix', '=', prefix)
    .forUpdate()
    .executeTakeFirst();
  const entityId = ruleKey(scope, prefix);
  if (missions === null) {
    if (!before) return null;
    await trx
      .deleteFrom('mission_mapping_rule')
      .where('scope', '=', scope)
      .where('prefix', '=', prefix)
      .execute();
    await writeAudit(trx, {
      actor,
      action: 'remove',
      entityType: RULE_ENTITY,
      entityId,
      before,
      after: { reason },
    });
    return null;
  }
  const after = before
    ? await trx
        .updateTable('mission_mapping_rule')
        .set({ missions, reason, version: before.version + 1, updated_by: actor, updated_at: new Date() })
        .where('scope', '=', scope)
        .where('prefix', '=', prefix)
        .returningAll()
        .executeTakeFirstOrThrow()
    : await trx
        .insertInto('mission_mapping_rule')
        .values({ scope, prefix, missions, reason, updated_by: actor })
        .returningAll()
        .executeTakeFirstOrThrow();
  await writeAudit(trx, {
    actor,
    action: before ? 'update' : 'create',
    entityType: RULE_ENTITY,
    entityId,
    before: before ?? null,
    after,
  });
  return after;
}

export async function listOverrides(db: Db, ocid: string): Promise<ContractOverrideRow[]> {
  return db
    .selectFrom('contract_mission_override')
    .selectAll()
    .where('ocid', '=', ocid)
    .orderBy('updated_at')
    .orderBy('mission_id')
    .execute();
}

/** Adds or removes a mission on one contract with a reason, or (action null) withdraws the override; audited. */
export async function saveOverride(
  trx: Transaction<Database>,
  ocid: string,
  missionId: string,
  action: 'add' | 'remove' | null,
  reason: string,
  actor: string,
): Promise<void> {
  const before = await trx
    .selectFrom('contract_mission_override')
    .selectAll()
    .where('ocid', '=', ocid)
    .where('mission_id', '=', missionId)
    .forUpdate()
    .executeTakeFirst();
  const entityId = overrideKey(ocid, missionId);
  if (action === null) {
    if (!before) return;
    await trx
      .deleteFrom('contract_mission_override')
      .where('ocid', '=', ocid)
      .where('mission_id', '=', missionId)
      .execute();
    await writeAudit(trx, {
      actor,
      action: 'withdraw',
      entityType: OVERRIDE_ENTITY,
      entityId,
      before,
      after: { reason },
    });
    return;
  }
  const after = before
    ? await trx
        .updateTable('contract_mission_override')
        .set({ action, reason, version: before.version + 1, updated_by: actor, updated_at: new Date() })
        .where('ocid', '=', ocid)
        .where('mission_id', '=', missionId)
        .returningAll()
        .executeTakeFirstOrThrow()
    : await trx
        .insertInto('contract_mission_override')
        .values({ ocid, mission_id: missionId, action, reason, updated_by: actor })
        .returningAll()
        .executeTakeFirstOrThrow();
  await writeAudit(trx, {
    actor,
    action: before ? 'update' : 'create',
    entityType: OVERRIDE_ENTITY,
    entityId,
    before: before ?? null,
    after,
  });
}

/** The buyer, region and CPV codes of a contracting process, for mapping it to missions. */
export async function findContractForMissions(db: Db, ocid: string) {
  return db
    .selectFrom('process as p')
    .leftJoin('organisation as o', 'o.id', 'p.buyer_id')
    .select([
      'p.ocid',
      'p.title',
      'p.buyer_id',
      'o.name as buyer_name',
      'o.region_code',
      'p.cpv_main',
      'p.cpv_codes',
    ])
    .where('p.ocid', '=', ocid)
    .executeTakeFirst();
}

/** An organisation's name and published region (NUTS form), following nothing: merged ids are the caller's job. */
export async function findOrganisationRegion(db: Db, id: number) {
  return db
    .selectFrom('organisation')
    .select(['id', 'name', 'region_code', 'merged_into'])
    .where('id', '=', id)
    .executeTakeFirst();
}
