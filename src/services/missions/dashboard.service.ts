// The mission dashboard as use cases (issue 8 item 6; docs/mission-dashboard.md): per mission, nationally or for a
// region or buyer, the award value and counts mapped to it (from the stored summary, migration 0033), the SME /
// VCSE / local share of that value, the trend by quarter, the KPI rating mix of its contracts (analytics/kpis) and
// social value committed / delivered / verified per outcome and metric id (the social value roll-up: like metric
// ids only); the contracts behind each figure; and the refresh after ingest, sync or a mapping change.
import type { Kysely } from 'kysely';
import {
  countGroups,
  emptyFigures,
  figuresOf,
  kpiMixes,
  missionContracts,
  missionKpis,
  rollUpCells,
  socialValueCells,
  summarySums,
  summaryState,
  ANY_MISSION,
  NO_MISSION,
  type MissionFigures,
  type SummaryFilters,
  type SummaryState,
} from '../../analytics/missions/index.js';
import { totalOf, type DistributionRow } from '../../analytics/kpis/index.js';
import { isRatingCode } from '../../domain/kpi-rating.js';
import type { RollUpRow } from '../../analytics/social-value/index.js';
import { AppError } from '../../errors.js';
import type { Database } from '../../store/database.js';
import { findOrganisationRegion } from '../../store/standards.repository.js';
import type { SocialValueService } from '../social-value/social-value.service.js';
import { loadCatalogue } from '../social-value/metric-catalogue.js';
import { readDashboardQuery, type DashboardFilters, type DashboardQuery } from './dashboard-input.js';
import { loadMissionReference, type MissionReference } from './reference.js';
import { regionName } from './scope.js';
import { refreshMissions, type RefreshScope } from './summary-refresh.js';

export { ANY_MISSION, NO_MISSION };

export interface MissionRow {
  id: string;
  name: string;
  figures: MissionFigures;
  kpis: DistributionRow;
}

export interface Named {
  region: string | null;
  buyer: string | null;
}

export interface MissionsOverview {
  filters: DashboardFilters;
  named: Named;
  missions: MissionRow[];
  /** Mapped to at least one mission (each award once) and mapped to none. */
  anyMission: MissionFigures;
  noMission: MissionFigures;
  state: SummaryState | null;
}

export interface OutcomeSocialValue {
  outcomeId: string;
  outcomeName: string;
  rows: RollUpRow[];
}

export interface MissionDashboard {
  mission: { id: string; name: string };
  query: DashboardQuery;
  named: Named;
  totals: MissionFigures;
  byRegion: MissionFigures[];
  byBuyer: { rows: MissionFigures[]; total: number; page: number; pageSize: number };
  trend: MissionFigures[];
  kpis: DistributionRow;
  socialValue: { outcomes: OutcomeSocialValue[]; excluded: number };
  state: SummaryState | null;
}

const PSEUDO: Record<string, { id: string; name: string }> = {
  [ANY_MISSION]: { id: ANY_MISSION, name: 'Any mission (each award once)' },
  [NO_MISSION]: { id: NO_MISSION, name: 'No mission mapped' },
};

export function createMissionDashboardService({
  db,
  socialValue,
  reference,
  includeSynthetic = false,
}: {
  db: Kysely<Database>;
  socialValue: SocialValueService;
  reference?: MissionReference;
  /** Benchmarks only: count synthetic processes too. Pages, API and CLI never do. */
  includeSynthetic?: boolean;
}) {
  const ref = (): MissionReference => reference ?? loadMissionReference();
  const known = () => ({
    regions: ref().regions,
    missions: new Set(ref().national.missions.map((m) => m.id)),
  });
  const summaryFilters = (f: DashboardFilters): SummaryFilters => ({
    includeSynthetic,
    ...(f.region !== undefined ? { region: f.region } : {}),
    ...(f.buyer !== undefined ? { buyerId: f.buyer } : {}),
  });

  async function named(f: DashboardFilters): Promise<Named> {
    let buyer: string | null = null;
    if (f.buyer !== undefined) {
      const org = await findOrganisationRegion(db, f.buyer);
      if (!org) throw new AppError('NOT_FOUND', `There is no organisation with the id ${f.buyer}`);
      buyer = org.name;
    }
    const region = f.region === undefined ? null : regionName(ref().regions.get(f.region) ?? f.region);
    return { region, buyer };
  }

  /** The rating mix of the KPIs on contracts mapped to each mission (stored with the summary, migration 0039). */
  async function kpiMix(f: DashboardFilters): Promise<Map<string, DistributionRow>> {
    const rows = await kpiMixes(db, summaryFilters(f));
    return new Map(
      rows.map((r) => [
        r.missionId,
        { key: r.missionId, label: r.missionId, counts: r.counts, total: r.total, kpis: r.kpis },
      ]),
    );
  }

  function mission(id: string) {
    const m = ref().national.missions.find((x) => x.id === id);
    if (!m) throw new AppError('NOT_FOUND', `There is no mission “${id}”`);
    return { id: m.id, name: m.name };
  }

  /** A mission, or the rows "Any mission" (`_any`) and "No mission mapped" (`_none`), for the records lists. */
  const missionOrRow = (id: string) => PSEUDO[id] ?? mission(id);

  return {
    query: (raw: Record<string, unknown>): DashboardQuery => readDashboardQuery(raw, known()),
    missions: () => ref().national.missions.map((m) => ({ id: m.id, name: m.name })),
    regions: () =>
      [...ref().regions]
        .filter(([code]) => /^UK[C-N]$/.test(code))
        .map(([code, name]) => ({ code, name: regionName(name) })),

    /** All five missions side by side, nationally or for a region or buyer. */
    async overview(f: DashboardFilters = {}): Promise<MissionsOverview> {
      const [sums, kpis, names, state] = await Promise.all([
        summarySums(db, summaryFilters(f), 'mission'),
        kpiMix(f),
        named(f),
        summaryState(db),
      ]);
      const byId = new Map(sums.map((s) => [s.key, figuresOf(s)]));
      return {
        filters: {
          ...(f.region !== undefined ? { region: f.region } : {}),
          ...(f.buyer !== undefined ? { buyer: f.buyer } : {}),
        },
        named: names,
        missions: ref().national.missions.map((m) => ({
          id: m.id,
          name: m.name,
          figures: byId.get(m.id) ?? emptyFigures(m.id),
          kpis: { ...(kpis.get(m.id) ?? totalOf([])), key: m.id, label: m.name },
        })),
        anyMission: byId.get(ANY_MISSION) ?? emptyFigures(ANY_MISSION),
        noMission: byId.get(NO_MISSION) ?? emptyFigures(NO_MISSION),
        state,
      };
    },

    /**
     * One mission: totals, by region, by buyer (paged; every buyer with `allBuyers`, for CSV and the CLI), by
     * quarter, KPI rating mix, social value by outcome.
     */
    async mission(
      id: string,
      q: DashboardQuery,
      opts: { allBuyers?: boolean } = {},
    ): Promise<MissionDashboard> {
      const m = mission(id);
      const f = { ...summaryFilters(q), missionId: m.id };
      const page = opts.allBuyers
        ? undefined
        : { limit: q.pageSize, offset: (q.page - 1) * q.pageSize, sort: q.sort };
      const catalogue = loadCatalogue(db, ref());
      const [totals, byRegion, buyers, buyerCount, trend, kpis, names, sv, metrics, state] =
        await Promise.all([
          summarySums(db, f, 'mission'),
          summarySums(db, f, 'region'),
          summarySums(db, f, 'buyer', page),
          countGroups(db, f, 'buyer'),
          summarySums(db, f, 'quarter'),
          kpiMix(q),
          named(q),
          catalogue.then(async (c) => {
            const ids = [...c.metrics.values()].filter((x) => x.missionId === m.id).map((x) => x.id);
            return rollUpCells(await socialValueCells(db, ids, f), c.metrics);
          }),
          catalogue,
          summaryState(db),
        ]);
      const { metrics: metricInfo, outcomeNames } = metrics;
      const outcomes = new Map<string, OutcomeSocialValue>();
      for (const row of sv.rows) {
        const outcomeId = metricInfo.get(row.metricId)?.outcomeId ?? '';
        const o = outcomes.get(outcomeId) ?? {
          outcomeId,
          outcomeName: outcomeNames.get(outcomeId) ?? (outcomeId || 'Outcome not known'),
          rows: [],
        };
        o.rows.push(row);
        outcomes.set(outcomeId, o);
      }
      return {
        mission: m,
        query: q,
        named: names,
        totals: totals[0] ? figuresOf(totals[0]) : emptyFigures(m.id),
        byRegion: byRegion.map(figuresOf),
        byBuyer: {
          rows: buyers.map(figuresOf),
          total: buyerCount,
          page: page ? q.page : 1,
          pageSize: page ? q.pageSize : Math.max(buyerCount, 1),
        },
        trend: trend.map(figuresOf),
        kpis: { ...(kpis.get(m.id) ?? totalOf([])), key: m.id, label: m.name },
        socialValue: {
          outcomes: [...outcomes.values()].sort((a, b) => a.outcomeId.localeCompare(b.outcomeId)),
          excluded: sv.excluded,
        },
        state,
      };
    },

    /**
     * The contracts behind a figure (mapped to the mission, `_any` or `_none`, with an active award; in the quarter
     * when the query names one), newest award first, paged.
     */
    async contracts(id: string, q: DashboardQuery) {
      const m = missionOrRow(id);
      const r = await missionContracts(
        db,
        { ...summaryFilters(q), missionId: m.id, ...(q.quarter !== undefined ? { quarter: q.quarter } : {}) },
        { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
      );
      return { mission: m, query: q, named: await named(q), ...r, page: q.page, pageSize: q.pageSize };
    },

    /** The KPIs behind a mission's rating mix (of one rating code when `rating` is given), paged. */
    async kpis(id: string, q: DashboardQuery, rating?: string) {
      const m = mission(id);
      if (rating !== undefined && rating !== 'unknown' && !isRatingCode(rating))
        throw new AppError('BAD_REQUEST', `There is no rating code “${rating}”`);
      const r = await missionKpis(
        db,
        { ...summaryFilters(q), missionId: m.id, ...(rating !== undefined ? { rating } : {}) },
        { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
      );
      return {
        mission: m,
        query: q,
        rating: rating ?? null,
        named: await named(q),
        ...r,
        page: q.page,
        pageSize: q.pageSize,
      };
    },

    /** Social value committed / delivered / verified per mission and metric id under the filters (the CSV). */
    socialValueByMission: async (f: DashboardFilters) =>
      (
        await socialValue.rollUp(
          {
            by: 'mission',
            ...(f.region !== undefined ? { region: f.region } : {}),
            ...(f.buyer !== undefined ? { buyer: f.buyer } : {}),
          },
          { includeSynthetic },
        )
      ).rows,

    /** Rebuilds contract_mission and the summary: all contracts, or only some buyers'. */
    refresh: (scope: RefreshScope = {}) => refreshMissions(db, scope, ref()),
  };
}

export type MissionDashboardService = ReturnType<typeof createMissionDashboardService>;
