// Rebuilds the mission dashboard's stored tables (migration 0033; docs/mission-dashboard.md, "Refresh"): every
// contract's missions (contract-missions.ts) and the mission × buyer × region × quarter summary over the market
// facts (market_fact, migration 0030), for all buyers or only some. One transaction: pages see the old figures or
// the new, never half. Cost: one keyset scan of the processes in scope (50,000 per batch), the mapping in memory,
// one insert per 2,000 contract_mission rows, one grouped scan of their market facts, then the region-level cells
// re-added from every buyer cell (one scan of the summary's buyer cells); the records lists' rows (records.ts: one
// grouped scan of the same facts).
import { sql, type Kysely, type Transaction } from 'kysely';
import type { ContractMissionOverride, MappingRule } from '../../domain/missions/mission-map.js';
import type { Database } from '../../store/database.js';
import { syncHorizonMissions } from '../../store/horizon-missions.repository.js';
import { contractMissionRows, indexCache, type ContractMissionRow } from './contract-missions.js';
import { insertKpiSummary, rebuildKpiRegionLevel } from './kpi-summary.js';
import { insertContractMissionAwards } from './records.js';
import { insertSocialValueCells, rebuildSocialValueRegionLevel } from './social-value-summary.js';

type Db = Kysely<Database>;
const BATCH = 50_000;
const INSERT = 2_000;

export interface RefreshScope {
  /** Only these buyers' contracts (a buyer rule or a contract override changed); all contracts when absent. */
  buyerIds?: readonly number[];
}

export interface MissionRefreshSummary {
  contracts: number;
  rows: number;
  cells: number;
  seconds: number;
  scope: 'all' | 'buyers';
}

/** ITL1 code (NUTS form) of a NUTS/ITL region code, or null. */
export const itl1Of = (code: string | null): string | null => {
  const c = code?.trim().toUpperCase() ?? '';
  return /^(UK|TL)[C-N]/.test(c) ? `UK${c[2]}` : null;
};

async function loadScopedRules(db: Db, defaults: readonly MappingRule[]) {
  const rows = await db.selectFrom('mission_mapping_rule').selectAll().execute();
  const scoped = rows.map<MappingRule>((r) => ({
    tier: r.scope.startsWith('region:') ? 'region' : 'buyer',
    scope: r.scope,
    prefix: r.prefix,
    primary: r.missions[0] ?? null,
    secondary: r.missions.slice(1),
    note: r.reason,
  }));
  return indexCache(defaults, scoped);
}

async function loadOverrides(db: Db): Promise<Map<string, ContractMissionOverride[]>> {
  const rows = await db
    .selectFrom('contract_mission_override')
    .selectAll()
    .orderBy('updated_at')
    .orderBy('mission_id')
    .execute();
  const map = new Map<string, ContractMissionOverride[]>();
  for (const o of rows)
    map.set(o.ocid, [
      ...(map.get(o.ocid) ?? []),
      {
        missionId: o.mission_id,
        action: o.action,
        reason: o.reason,
        by: o.updated_by,
        at: o.updated_at.toISOString(),
      },
    ]);
  return map;
}

async function insertRows(trx: Transaction<Database>, rows: ContractMissionRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT)
    await trx
      .insertInto('contract_mission')
      .values(rows.slice(i, i + INSERT))
      .execute();
}

export const inScope = (column: string, scope: RefreshScope) =>
  scope.buyerIds === undefined
    ? sql<boolean>`true`
    : scope.buyerIds.length === 0
      ? sql<boolean>`false`
      : sql<boolean>`${sql.ref(column)} in (${sql.join(scope.buyerIds)})`;

/** The summary cells of the contracts in scope: per quarter (`2024-Q3`, null when undated) and over all quarters. */
async function insertSummary(trx: Transaction<Database>, scope: RefreshScope): Promise<number> {
  const r = await sql`
    with pair as (
      select f.ocid, f.award_id, f.pair_no, f.synthetic,
        case when f.award_day is null then null else to_char(f.award_day, 'YYYY-"Q"Q') end as quarter,
        case when f.currency = 'GBP' then f.value end as value,
        case when f.currency = 'GBP' then f.value / greatest(f.supplier_count, 1) end as part,
        o.scale, o.vcse,
        case when upper(o.region_code) ~ '^(UK|TL)[C-N]' then 'UK' || substr(upper(o.region_code), 3, 1) end as sregion
      from market_fact f
      left join organisation o0 on o0.id = f.organisation_id
      left join organisation o on o.id = coalesce(o0.merged_into, o0.id)
      where exists (select 1 from contract_mission c where c.ocid = f.ocid and ${inScope('c.buyer_id', scope)})
    )
    insert into mission_summary (level, mission_id, buyer_id, region, quarter, synthetic, awards, contracts, value,
      no_value_awards, sme_known, sme_yes, vcse_known, vcse_yes, local_known, local_yes)
    select 'buyer', cm.mission_id, cm.buyer_id, cm.region,
      case when grouping(p.quarter) = 1 then 'all' else p.quarter end, p.synthetic,
      count(*) filter (where p.pair_no = 1),
      count(distinct p.ocid),
      coalesce(sum(p.value) filter (where p.pair_no = 1), 0),
      count(*) filter (where p.pair_no = 1 and p.value is null),
      coalesce(sum(p.part) filter (where p.scale is not null), 0),
      coalesce(sum(p.part) filter (where p.scale = 'sme'), 0),
      coalesce(sum(p.part) filter (where p.vcse is not null), 0),
      coalesce(sum(p.part) filter (where p.vcse), 0),
      coalesce(sum(p.part) filter (where p.sregion is not null and cm.region is not null), 0),
      coalesce(sum(p.part) filter (where p.sregion = cm.region), 0)
    from pair p
    join contract_mission cm on cm.ocid = p.ocid
    group by grouping sets ((cm.mission_id, cm.buyer_id, cm.region, p.synthetic, p.quarter),
                            (cm.mission_id, cm.buyer_id, cm.region, p.synthetic))`.execute(trx);
  return Number(r.numAffectedRows ?? 0);
}

/** The region-level cells: the buyer cells added up (a contract has one buyer, so contracts add up too). */
async function rebuildRegionLevel(trx: Transaction<Database>): Promise<void> {
  await sql`delete from mission_summary where level = 'region'`.execute(trx);
  await sql`
    insert into mission_summary (level, mission_id, buyer_id, region, quarter, synthetic, awards, contracts, value,
      no_value_awards, sme_known, sme_yes, vcse_known, vcse_yes, local_known, local_yes)
    select 'region', mission_id, null, region, quarter, synthetic, sum(awards), sum(contracts), sum(value),
      sum(no_value_awards), sum(sme_known), sum(sme_yes), sum(vcse_known), sum(vcse_yes), sum(local_known),
      sum(local_yes)
    from mission_summary where level = 'buyer'
    group by mission_id, region, quarter, synthetic`.execute(trx);
}

/** The KPI rating mix cells of the buyers in scope, then the region level (kpi-summary.ts). */
async function replaceKpiCells(trx: Transaction<Database>, scope: RefreshScope): Promise<void> {
  await trx
    .deleteFrom('mission_kpi_summary')
    .where('level', '=', 'buyer')
    .where(inScope('buyer_id', scope))
    .execute();
  await insertKpiSummary(trx, inScope('p.buyer_id', scope));
  await rebuildKpiRegionLevel(trx);
}

/** The social value cells of the buyers in scope, then the region level (social-value-summary.ts). */
async function replaceSocialValueCells(trx: Transaction<Database>, scope: RefreshScope): Promise<void> {
  await trx
    .deleteFrom('mission_social_value_summary')
    .where('level', '=', 'buyer')
    .where(inScope('buyer_id', scope))
    .execute();
  await insertSocialValueCells(trx, inScope('p.buyer_id', scope));
  await rebuildSocialValueRegionLevel(trx);
}

/**
 * Only the KPI rating mix (after a KPI or rating is entered): that buyer's cells, or every cell when the contract
 * has no buyer. Reads contract_mission as the last refresh left it.
 */
export const refreshMissionKpis = (db: Db, scope: RefreshScope = {}): Promise<void> =>
  db.transaction().execute((trx) => replaceKpiCells(trx, scope));

/** Only the social value cells (after a commitment, report or verdict): that buyer's, or all without a buyer. */
export const refreshMissionSocialValue = (db: Db, scope: RefreshScope = {}): Promise<void> =>
  db.transaction().execute((trx) => replaceSocialValueCells(trx, scope));

export async function refreshMissionSummary(
  db: Db,
  defaults: readonly MappingRule[],
  scope: RefreshScope = {},
): Promise<MissionRefreshSummary> {
  const started = Date.now();
  const indexFor = await loadScopedRules(db, defaults);
  const overrides = await loadOverrides(db);
  return db.transaction().execute(async (trx) => {
    await trx.deleteFrom('contract_mission_award').where(inScope('buyer_id', scope)).execute();
    await trx.deleteFrom('contract_mission').where(inScope('buyer_id', scope)).execute();
    await trx
      .deleteFrom('mission_summary')
      .where('level', '=', 'buyer')
      .where(inScope('buyer_id', scope))
      .execute();
    let after = '';
    let contracts = 0;
    let rows = 0;
    for (;;) {
      const batch = await trx
        .selectFrom('process as p')
        .leftJoin('organisation as o', 'o.id', 'p.buyer_id')
        .select(['p.ocid', 'p.buyer_id', 'o.region_code', 'p.cpv_main', 'p.cpv_codes'])
        .where('p.ocid', '>', after)
        .where(inScope('p.buyer_id', scope))
        .orderBy('p.ocid')
        .limit(BATCH)
        .execute();
      if (batch.length === 0) break;
      const out = batch.flatMap((p) => {
        const buyerId = p.buyer_id === null ? null : Number(p.buyer_id);
        const region = itl1Of(p.region_code);
        return contractMissionRows(
          { ocid: p.ocid, buyerId, region, cpvMain: p.cpv_main, cpvCodes: p.cpv_codes },
          indexFor(region, buyerId),
          overrides.get(p.ocid) ?? [],
        );
      });
      await insertRows(trx, out);
      contracts += batch.length;
      rows += out.length;
      after = batch[batch.length - 1]!.ocid;
    }
    await syncHorizonMissions(trx, scope.buyerIds);
    await insertContractMissionAwards(trx, inScope('cm.buyer_id', scope));
    const cells = await insertSummary(trx, scope);
    await rebuildRegionLevel(trx);
    await replaceKpiCells(trx, scope);
    await replaceSocialValueCells(trx, scope);
    const seconds = (Date.now() - started) / 1000;
    if (scope.buyerIds === undefined) {
      await sql`insert into mission_summary_state (id, refreshed_at, contracts, seconds)
        values (1, now(), ${contracts}, ${seconds})
        on conflict (id) do update set refreshed_at = excluded.refreshed_at, contracts = excluded.contracts,
          seconds = excluded.seconds`.execute(trx);
      await sql`analyze contract_mission, contract_mission_award, mission_summary, mission_kpi_summary, mission_social_value_summary`.execute(
        trx,
      );
    } else await sql`update mission_summary_state set refreshed_at = now()`.execute(trx);
    return { contracts, rows, cells, seconds, scope: scope.buyerIds === undefined ? 'all' : 'buyers' };
  });
}
