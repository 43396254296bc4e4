// Horizon scan use cases (issue 6, item 1): the scan as of a day (default: today in the UK) with its summary per
// window, its CSV export, and names for the ids it filters on. Reads published data only: no authorisation.
// Definitions: docs/horizon-scan.md.
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import {
  findHorizonMissions,
  findHorizonPage,
  scanHorizon,
  toHorizonItem,
  windowEnd,
  type HorizonBasis,
  type HorizonItem,
  type HorizonRow,
  type WindowTotal,
} from '../../analytics/horizon/index.js';
import { describeBand, leadTimesOn, ukDay, type Day, type LeadTimePolicy } from '../../domain/rules/index.js';
import { AppError } from '../../errors.js';
import type { Database } from '../../store/database.js';
import { findOrganisationById } from '../../store/organisation-read.repository.js';
import { loadMissionReference } from '../missions/reference.js';
import { horizonCsvStream } from './horizon-csv.js';
import {
  HORIZON_WINDOWS,
  horizonScope,
  parseHorizonQuery,
  type HorizonFilters,
  type HorizonQuery,
  type HorizonQueryInput,
} from './horizon-query.js';

export interface HorizonDeps {
  db: Kysely<Database>;
  /** Today as a UK day (tests pass a fixed one). */
  today?: () => Day;
}

export interface LeadTimeRule {
  bands: { from: string; months: number; label: string }[];
  unknownValueMonths: number;
  validFrom: Day;
  source: string;
  configurableDefault: boolean;
}

export interface HorizonScan extends Omit<HorizonQuery, 'asOf'> {
  asOf: Day;
  /** Last day of the window (inclusive). */
  windowEnd: Day;
  total: number;
  /** Count and value per window: 6, 12, 18, 24 months and the chosen one. */
  summary: WindowTotal[];
  leadTimes: LeadTimeRule;
  items: HorizonItem[];
}

/** What a query's ids name: the buyer, the supplier, the mission. */
export interface HorizonNamedFilters {
  buyer?: { id: number; name: string };
  supplier?: { id: number; name: string };
  mission?: { id: string; name: string };
}

export function createHorizonService(deps: HorizonDeps) {
  const { db } = deps;
  const today = deps.today ?? (() => ukDay(new Date())!);
  const missionName = (id: string): string =>
    loadMissionReference().national.missions.find((m) => m.id === id)?.name ?? id;

  /** The rows as items, each with its missions (one read for the page). */
  async function itemsOf(
    rows: HorizonRow[],
    asOf: Day,
    basis: HorizonBasis,
    policy: LeadTimePolicy,
  ): Promise<HorizonItem[]> {
    const missions = await findHorizonMissions(
      db,
      rows.flatMap((r) => (r.ocid === null ? [] : [r.ocid])),
    );
    return rows.map((r) =>
      toHorizonItem(
        r,
        asOf,
        basis,
        policy,
        (r.ocid === null ? [] : (missions.get(r.ocid) ?? [])).map((m) => ({
          id: m.missionId,
          name: missionName(m.missionId),
          role: m.role,
        })),
      ),
    );
  }

  return {
    /** Checks a query (page, CSV, feed, API or CLI); problems are per field, for an error summary. */
    parseQuery: parseHorizonQuery,

    /** The same, throwing BAD_REQUEST with every problem in the message (API, CLI). */
    queryOrThrow(input: HorizonQueryInput): HorizonQuery {
      const { query, problems } = parseHorizonQuery(input);
      if (problems.length > 0)
        throw new AppError('BAD_REQUEST', problems.map((p) => `${p.field}: ${p.message}`).join('; '));
      return query;
    },

    async scan(q: HorizonQuery): Promise<HorizonScan> {
      const asOf = q.asOf ?? today();
      const rule = leadTimesOn(asOf);
      const policy = rule.value;
      const scope = horizonScope(q, asOf);
      const last = windowEnd(asOf, q.months);
      const windows = [...new Set([...HORIZON_WINDOWS, q.months])]
        .sort((a, b) => a - b)
        .map((m) => ({ months: m, last: windowEnd(asOf, m) }));
      const page = {
        last,
        policy,
        sort: q.sort,
        order: q.order,
        limit: q.pageSize,
        offset: (q.page - 1) * q.pageSize,
      };
      // National, mission, CPV division and region views from the day counts while they are current.
      const { rows, totals: summary } = await scanHorizon(db, scope, windows, page);
      return {
        asOf,
        months: q.months,
        windowEnd: last,
        basis: q.basis,
        filters: q.filters,
        sort: q.sort,
        order: q.order,
        page: q.page,
        pageSize: q.pageSize,
        total: summary.find((s) => s.months === q.months)!.contracts,
        summary,
        leadTimes: {
          bands: policy.bands.map((b) => ({ ...b, label: describeBand(b, policy) })),
          unknownValueMonths: policy.unknownValueMonths,
          validFrom: rule.validFrom,
          source: rule.source,
          configurableDefault: rule.configurableDefault,
        },
        items: await itemsOf(rows, asOf, q.basis, policy),
      };
    },

    /** Every contract of the scan (all pages) as CSV, in the scan's order; `baseUrl` makes links absolute. */
    exportCsv(q: HorizonQuery, baseUrl: string): Readable {
      const asOf = q.asOf ?? today();
      const policy = leadTimesOn(asOf).value;
      const scope = horizonScope(q, asOf);
      const last = windowEnd(asOf, q.months);
      async function* items(): AsyncGenerator<HorizonItem> {
        const chunk = 500;
        for (let offset = 0; ; offset += chunk) {
          const rows = await findHorizonPage(db, scope, {
            last,
            policy,
            sort: q.sort,
            order: q.order,
            limit: chunk,
            offset,
          });
          yield* await itemsOf(rows, asOf, q.basis, policy);
          if (rows.length < chunk) return;
        }
      }
      return horizonCsvStream(items(), baseUrl);
    },

    /** Names for the organisation ids and the mission a query filters on. */
    async describeFilters(f: HorizonFilters): Promise<HorizonNamedFilters> {
      const out: HorizonNamedFilters = {};
      for (const key of ['buyer', 'supplier'] as const) {
        const id = key === 'buyer' ? f.buyerId : f.supplierId;
        if (id === undefined) continue;
        const o = await findOrganisationById(db, id);
        if (o) out[key] = { id: o.id, name: o.name };
      }
      if (f.mission !== undefined) out.mission = { id: f.mission, name: missionName(f.mission) };
      return out;
    },

    /** The missions a scan may be filtered on (the national catalogue), for the page's select. */
    missions: (): { id: string; name: string }[] =>
      loadMissionReference().national.missions.map((m) => ({ id: m.id, name: m.name })),
  };
}

export type HorizonService = ReturnType<typeof createHorizonService>;
