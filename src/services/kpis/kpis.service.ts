// KPIs and ratings as use cases (docs/kpis.md): a contract's performance history (KPIs from the data and entered,
// side by side, each with its rating status), a buyer's KPIs with the overdue list and the distribution of ratings,
// the national distribution per buyer, CPV division and mission, and the writes: a buyer's editor adds a KPI to a
// contract and records its ratings (authorised with kpis.rate, audited, one transaction each).
import type { Kysely } from 'kysely';
import type { RatingCounts } from '../../domain/kpi-rating.js';
import { rulesOn, ukDay, type Day, type RulesOn } from '../../domain/rules/index.js';
import { AppError } from '../../errors.js';
import {
  cpvDivisionOf,
  distribution,
  loadKpis,
  overdueOnly,
  totalOf,
  withStatus,
  type DistributionRow,
  type KpiScope,
  type KpiWithStatus,
} from '../../analytics/kpis/index.js';
import { missionsOfContracts, refreshMissionKpis } from '../../analytics/missions/index.js';
import type { Database } from '../../store/database.js';
import { findKpi, insertKpi, insertRating } from '../../store/kpi.repository.js';
import { findOrganisationById } from '../../store/organisation-read.repository.js';
import { findContractForMissions } from '../../store/standards.repository.js';
import { assertCan, can, contractTarget, type Actor } from '../authz.js';
import { loadMissionReference } from '../missions/reference.js';
import type { CpvLabels } from '../reference/cpv-labels.js';
import { readKpiInput, readRatingInput } from './kpis-input.js';

export interface ContractPerformance {
  ocid: string;
  title: string | null;
  buyer: { id: number; name: string | null } | null;
  asOf: Day;
  kpis: KpiWithStatus[];
}

export interface BuyerKpis {
  buyer: { id: number; name: string };
  asOf: Day;
  kpis: number;
  overdue: KpiWithStatus[];
  total: DistributionRow;
  byCategory: DistributionRow[];
}

export interface NationalKpis {
  asOf: Day;
  kpis: number;
  overdue: number;
  total: DistributionRow;
  byBuyer: DistributionRow[];
  byCategory: DistributionRow[];
  byMission: DistributionRow[];
}

export interface RatingsQuery {
  buyerId?: number;
  overdue?: boolean;
  asOf?: string;
}

export type { DistributionRow, KpiWithStatus, RatingCounts };

const today = (): Day => ukDay(new Date()) as Day;

function asOfDay(asOf: string | undefined): Day {
  if (asOf === undefined || asOf === '') return today();
  const d = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? ukDay(asOf) : null;
  if (d === null) throw new AppError('BAD_REQUEST', `The as-of day ${asOf} is not a date (YYYY-MM-DD)`);
  return d;
}

export function createKpisService({
  db,
  cpv,
  rules = rulesOn(),
}: {
  db: Kysely<Database>;
  cpv: CpvLabels;
  rules?: RulesOn;
}) {
  const load = async (scope: KpiScope, asOf: Day) => withStatus(await loadKpis(db, scope), rules, asOf);
  const division = (k: KpiWithStatus): [string, string][] => {
    const d = cpvDivisionOf(k);
    if (d === null) return [['none', 'No CPV code']];
    return [[d, `${d} ${cpv.label(`${d}000000`) ?? ''}`.trim()]];
  };

  async function contract(ocid: string) {
    const c = await findContractForMissions(db, ocid);
    if (!c) throw new AppError('NOT_FOUND', `There is no contracting process ${ocid}`);
    return c;
  }

  /** Whether the actor may add KPIs and ratings to the buyer's contracts (admins only when there is no buyer). */
  const mayEdit = (actor: Actor | null, buyerId: number | null): boolean =>
    can(actor, 'kpis.rate', contractTarget(buyerId));

  function assertMayEdit(actor: Actor | null, buyerId: number | null): asserts actor is Actor {
    assertCan(actor, 'kpis.rate', contractTarget(buyerId));
  }

  /**
   * Missions per contract as the mission dashboard stored them (contract_mission: regional, buyer and contract
   * overrides applied at the last refresh), in one query for every contract.
   */
  async function missionGroups(kpis: readonly KpiWithStatus[]) {
    const names = new Map(loadMissionReference().national.missions.map((m) => [m.id, m.name]));
    const of = await missionsOfContracts(
      db,
      kpis.map((k) => k.ocid),
    );
    return (k: { ocid: string }): [string, string][] => {
      const m = of.get(k.ocid);
      if (!m) return [];
      return m.missions.length === 0
        ? [['none', 'No mission mapped']]
        : m.missions.map((id) => [id, names.get(id) ?? id]);
    };
  }

  /**
   * The mission dashboard's stored KPI rating mix of the buyer (every buyer's when the contract has none), after
   * the KPI or rating committed: docs/mission-dashboard.md, "Stored summary and refresh".
   */
  const refreshMixOf = (buyerId: number | string | null) =>
    refreshMissionKpis(db, buyerId === null ? {} : { buyerIds: [Number(buyerId)] });

  return {
    mayEdit,

    async contractPerformance(ocid: string, asOf?: string): Promise<ContractPerformance> {
      const c = await contract(ocid);
      const day = asOfDay(asOf);
      return {
        ocid: c.ocid,
        title: c.title,
        buyer: c.buyer_id === null ? null : { id: Number(c.buyer_id), name: c.buyer_name },
        asOf: day,
        kpis: await load({ ocid }, day),
      };
    },

    async buyer(buyerId: number, asOf?: string): Promise<BuyerKpis> {
      const org = await findOrganisationById(db, buyerId);
      if (!org) throw new AppError('NOT_FOUND', `There is no organisation ${buyerId}`);
      const day = asOfDay(asOf);
      const kpis = await load({ buyerId }, day);
      return {
        buyer: { id: buyerId, name: org.name },
        asOf: day,
        kpis: kpis.length,
        overdue: overdueOnly(kpis),
        total: totalOf(kpis, org.name),
        byCategory: distribution(kpis, division),
      };
    },

    async national(asOf?: string): Promise<NationalKpis> {
      const day = asOfDay(asOf);
      const kpis = await load({}, day);
      const missionOf = await missionGroups(kpis);
      return {
        asOf: day,
        kpis: kpis.length,
        overdue: overdueOnly(kpis).length,
        total: totalOf(kpis, 'All buyers'),
        byBuyer: distribution(kpis, (k) =>
          k.buyerId === null
            ? [['none', 'No buyer']]
            : [[String(k.buyerId), k.buyerName ?? String(k.buyerId)]],
        ),
        byCategory: distribution(kpis, division),
        byMission: distribution(kpis, missionOf),
      };
    },

    /** KPIs with their status, optionally one buyer's and only the overdue ones (CLI, API, CSV). */
    async ratings(q: RatingsQuery = {}): Promise<{ asOf: Day; kpis: KpiWithStatus[] }> {
      const day = asOfDay(q.asOf);
      if (q.buyerId !== undefined && !(await findOrganisationById(db, q.buyerId)))
        throw new AppError('NOT_FOUND', `There is no organisation ${q.buyerId}`);
      const kpis = await load(q.buyerId === undefined ? {} : { buyerId: q.buyerId }, day);
      return { asOf: day, kpis: q.overdue ? overdueOnly(kpis) : kpis };
    },

    /** Adds a KPI to a contract; returns its id. */
    async addKpi(actor: Actor | null, ocid: string, raw: Record<string, unknown>): Promise<number> {
      const c = await contract(ocid);
      assertMayEdit(actor, c.buyer_id === null ? null : Number(c.buyer_id));
      const input = readKpiInput(c.ocid, raw);
      const id = await db.transaction().execute((trx) => insertKpi(trx, input, actor.email));
      await refreshMixOf(c.buyer_id);
      return id;
    },

    /**
     * Records a rating of an entered KPI of the contract; returns its id and code (derived from the measured value
     * when the KPI has a measure: readRatingInput).
     */
    async recordRating(
      actor: Actor | null,
      ocid: string,
      kpiId: number,
      raw: Record<string, unknown>,
    ): Promise<{ id: number; rating: string }> {
      const c = await contract(ocid);
      const kpi = Number.isSafeInteger(kpiId) ? await findKpi(db, kpiId) : undefined;
      if (!kpi || kpi.ocid !== c.ocid)
        throw new AppError('NOT_FOUND', `There is no KPI ${kpiId} on contracting process ${ocid}`);
      assertMayEdit(actor, c.buyer_id === null ? null : Number(c.buyer_id));
      const input = readRatingInput(raw, today(), kpi.measure);
      const id = await db.transaction().execute((trx) => insertRating(trx, kpi.id, input, actor.email));
      await refreshMixOf(c.buyer_id);
      return { id, rating: input.rating };
    },

    /** Records a rating (as recordRating); returns its id. */
    async addRating(
      actor: Actor | null,
      ocid: string,
      kpiId: number,
      raw: Record<string, unknown>,
    ): Promise<number> {
      return (await this.recordRating(actor, ocid, kpiId, raw)).id;
    },

    /** One entered KPI of a contract (for the rating form). */
    async enteredKpi(ocid: string, kpiId: number) {
      const perf = await this.contractPerformance(ocid);
      const kpi = perf.kpis.find((k) => k.kpiId === kpiId);
      if (!kpi) throw new AppError('NOT_FOUND', `There is no KPI ${kpiId} on contracting process ${ocid}`);
      return { perf, kpi };
    },
  };
}

export type KpisService = ReturnType<typeof createKpisService>;
