// Market analytics use cases (issue 6, item 2): the profile of one market slice over a period, with the same
// figures per financial year. Reads published data only. Definitions: docs/market-analytics.md.
import type { Kysely } from 'kysely';
import type { MarketFigures, MarketScope, SupplierTotal } from '../../analytics/market/index.js';
import {
  HHI_BAND_SETS,
  addMonths,
  financialYearEnd,
  financialYearStart,
  marketPolicyOn,
  ukDay,
  type Day,
} from '../../domain/rules/index.js';
import { AppError } from '../../errors.js';
import type { Database } from '../../store/database.js';
import { refreshMarketSummary, type MarketSummaryRefresh } from '../../store/market-summary.repository.js';
import { findOrganisationById } from '../../store/organisation-read.repository.js';
import { marketFiguresOf, type FiguresSource, type SupplierWindow } from './market-figures.js';
import {
  checkMarketQuery,
  parseMarketQuery,
  type MarketQuery,
  type MarketQueryInput,
} from './market-query.js';

export interface MarketDeps {
  db: Kysely<Database>;
  /** Today as a UK day (tests pass a fixed one). */
  today?: () => Day;
  /** Benchmarks only: count synthetic (generated) processes too. Pages, API and CLI never do. */
  includeSynthetic?: boolean;
  /** Read the summary table when it can answer (default true); false: always the facts (tests compare the two). */
  summary?: boolean;
  /** Told which source served each profile, and why not the summary (benchmarks, tests). */
  onSource?: (source: FiguresSource) => void;
}

export interface MarketPeriod extends Omit<MarketFigures, 'suppliers'> {
  from: Day;
  to: Day;
}

export interface MarketProfile {
  scope: MarketScope & { label: string };
  from: Day;
  to: Day;
  /** `figures.suppliers`: the part of the ranked supplier list asked for (all of it when no window was given). */
  figures: MarketFigures;
  /** Suppliers in the whole list (`figures.newEntrants.ofSuppliers`). */
  supplierCount: number;
  /** The largest suppliers, as many as the window's `largest` asked for. */
  largestSuppliers: SupplierTotal[];
  /** The same figures per financial year (clipped to the period), without the supplier list. */
  periods: MarketPeriod[];
  /** Active awards of the slice with no award date (in no period). */
  undatedAwards: number;
  policy: {
    hhiBandSet: string;
    hhiBands: { from: number; above: boolean; label: string }[];
    newEntrantLookbackYears: number;
    localItlLevel: number;
    validFrom: Day;
    source: string;
    configurableDefault: boolean;
  };
}

/** Financial years (clipped to [from, to]) covering the period. */
export function financialYears(from: Day, to: Day): { from: Day; to: Day }[] {
  const out: { from: Day; to: Day }[] = [];
  for (let start = financialYearStart(from); start <= to; start = addMonths(start, 12)) {
    const end = financialYearEnd(start);
    out.push({ from: start < from ? from : start, to: end > to ? to : end });
  }
  return out;
}

export function createMarketService(deps: MarketDeps) {
  const { db } = deps;
  const today = deps.today ?? (() => ukDay(new Date())!);
  const options = { includeSynthetic: deps.includeSynthetic ?? false };

  async function label(scope: MarketScope): Promise<string> {
    if (scope.kind === 'cpv') return `CPV ${scope.cpvPrefix}`;
    const within = scope.cpvPrefix === undefined ? '' : `, CPV ${scope.cpvPrefix}`;
    if (scope.kind === 'region') return `region ${scope.region}${within}`;
    const org = await findOrganisationById(db, scope.buyerId);
    if (!org) throw new AppError('NOT_FOUND', `no organisation with id ${scope.buyerId}`);
    return `${org.name}${within}`;
  }

  return {
    /** Checks a query (page): the query, or every problem by field. */
    checkQuery: (input: MarketQueryInput) => checkMarketQuery(input, today()),

    /** Checks a query (API, CLI); throws BAD_REQUEST with every problem. */
    queryOrThrow: (input: MarketQueryInput): MarketQuery => parseMarketQuery(input, today()),

    /** Rebuilds the summary table from the facts (after ingest and sync: docs/market-analytics.md, "Refresh"). */
    refreshSummary: (): Promise<MarketSummaryRefresh> => refreshMarketSummary(db, today()),

    /** The profile; `suppliers`: the part of the supplier list wanted (ranked by value; all when undefined). */
    async profile(q: MarketQuery, suppliers?: SupplierWindow): Promise<MarketProfile> {
      const rule = marketPolicyOn(q.to);
      const chosen = q.bands === undefined ? undefined : HHI_BAND_SETS[q.bands];
      const policy = chosen ? { ...rule.value, hhi: chosen } : rule.value;
      const years = financialYears(q.from, q.to);
      const [name, { figures, largest, periods, undatedAwards, source }] = await Promise.all([
        label(q.scope),
        marketFiguresOf(db, { ...q, years, ...(suppliers ? { suppliers } : {}) }, policy, {
          ...options,
          summary: deps.summary ?? true,
        }),
      ]);
      deps.onSource?.(source);
      return {
        scope: { ...q.scope, label: name },
        from: q.from,
        to: q.to,
        figures,
        supplierCount: figures.newEntrants.ofSuppliers,
        largestSuppliers: largest,
        periods: periods.map((f, i) => {
          const { suppliers: _omit, ...rest } = f;
          return { from: years[i]!.from, to: years[i]!.to, ...rest };
        }),
        undatedAwards,
        policy: {
          hhiBandSet: policy.hhi.name,
          hhiBands: policy.hhi.bands.map((b) => ({ ...b })),
          newEntrantLookbackYears: policy.newEntrantLookbackYears,
          localItlLevel: policy.localItlLevel,
          validFrom: rule.validFrom,
          source: rule.source,
          configurableDefault: rule.configurableDefault,
        },
      };
    },
  };
}

export type MarketService = ReturnType<typeof createMarketService>;
