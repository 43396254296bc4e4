// The figures of a market profile from the summary table when it can answer, else from the fact rows
// (docs/market-analytics.md, "Summary table"). Both give the same tallies (src/analytics/market/tally.ts), so the
// same figures: test/services/market-summary.db.test.ts compares them on the real sample.
import type { Kysely } from 'kysely';
import {
  countUndatedAwards,
  findMarketRows,
  findMarketSizes,
  marketFigures,
  type MarketFigures,
  type MarketRow,
  type MarketScope,
  type SupplierQueryOptions,
  type SupplierTotal,
} from '../../analytics/market/index.js';
import {
  findPeriodFigures,
  findPeriodSuppliers,
  periodVariant,
} from '../../analytics/market/period-query.js';
import {
  periodSummaryFigures,
  summaryAwardParts,
  summaryFigures,
  summaryYears,
} from '../../analytics/market/summary-path.js';
import {
  findAwardCells,
  findMarketSizesInSummary,
  findProcessPatterns,
  findSupplierCells,
  findSupplierPresence,
  type AwardCell,
  type ProcessPattern,
  type SummaryYears,
} from '../../analytics/market/summary-query.js';
import { addMonths, marketPolicyOn, type Day, type MarketPolicy } from '../../domain/rules/index.js';
import type { Database } from '../../store/database.js';
import { summaryState, type MarketSummaryState } from '../../store/market-summary.repository.js';

/** Which table served a profile (the period tables are the summary's); for the facts, why the summary could not. */
export type FiguresSource = { kind: 'summary'; period: boolean } | { kind: 'facts'; reason: string };

export interface FiguresQuery {
  scope: MarketScope;
  from: Day;
  to: Day;
  /** The financial years of the period, clipped to it (figures are given for each). */
  years: readonly { from: Day; to: Day }[];
  /** The part of the supplier list wanted (ranked by value); all of it when undefined. */
  suppliers?: SupplierWindow;
}

export interface SupplierWindow {
  offset: number;
  limit: number;
  /** Also the first this many (the largest suppliers, for a chart); none when undefined. */
  largest?: number;
}

export interface ProfileFigures {
  /** `suppliers` holds the window asked for; `newEntrants.ofSuppliers` counts them all. */
  figures: MarketFigures;
  /** The largest suppliers, as many as the window asked for. */
  largest: SupplierTotal[];
  /** One per financial year of the query, in order (without their supplier lists). */
  periods: MarketFigures[];
  undatedAwards: number;
  source: FiguresSource;
}

export type FiguresOptions = SupplierQueryOptions & { summary: boolean };

const suppliersBefore = (rows: readonly MarketRow[], from: Day, since: Day) =>
  new Set(
    rows
      .filter((r) => r.supplierId !== null && r.awardDay < from && r.awardDay >= since)
      .map((r) => r.supplierId!),
  );

/** The fact path: the slice's fact rows from the look-back before `from` to `to`, added up in memory. */
async function fromFacts(
  db: Kysely<Database>,
  q: FiguresQuery,
  policy: MarketPolicy,
  options: SupplierQueryOptions,
): Promise<Omit<ProfileFigures, 'source' | 'largest'>> {
  const back = (d: Day) => addMonths(d, -12 * policy.newEntrantLookbackYears);
  const [rows, undatedAwards] = await Promise.all([
    findMarketRows(db, q.scope, back(q.from), q.to, options),
    countUndatedAwards(db, q.scope, options),
  ]);
  const figuresFor = (from: Day, to: Day, listSuppliers: boolean) =>
    marketFigures(
      rows.filter((r) => r.awardDay >= from && r.awardDay <= to),
      suppliersBefore(rows, from, back(from)),
      policy,
      listSuppliers,
    );
  return {
    figures: figuresFor(q.from, q.to, true),
    periods: q.years.map((p) => figuresFor(p.from, p.to, false)),
    undatedAwards,
  };
}

interface AwardReads {
  awards: AwardCell[];
  patterns: ProcessPattern[];
}

const readAwards = async (
  db: Kysely<Database>,
  q: FiguresQuery,
  y: SummaryYears,
  options: SupplierQueryOptions,
): Promise<AwardReads> => {
  const [awards, patterns] = await Promise.all([
    findAwardCells(db, q.scope, y, options),
    findProcessPatterns(db, q.scope, y, options),
  ]);
  return { awards, patterns };
};

/** The summary path: the slice's cells of the period's financial years and the look-back years before them. */
async function fromSummary(
  db: Kysely<Database>,
  q: FiguresQuery,
  y: SummaryYears,
  policy: MarketPolicy,
  options: SupplierQueryOptions,
  awardReads: Promise<AwardReads>,
): Promise<Omit<ProfileFigures, 'source'>> {
  const [suppliers, presence, { awards, patterns }] = await Promise.all([
    findSupplierCells(db, q.scope, y, options),
    findSupplierPresence(db, q.scope, y, policy.newEntrantLookbackYears, options),
    awardReads,
  ]);
  const { figures, years, undatedAwards } = summaryFigures(
    { suppliers, presence, awards, patterns },
    y,
    policy,
  );
  return { ...windowed(figures, q.suppliers), periods: years, undatedAwards };
}

/**
 * The period tables' path (a CPV market over the summary's default period, before the market's next late award):
 * the aggregates and the page of suppliers from PostgreSQL, the award cells and process patterns as the cells' path
 * reads them (one read for both paths). Null when the period tables do not answer the query.
 */
async function fromPeriod(
  db: Kysely<Database>,
  q: FiguresQuery,
  y: SummaryYears,
  summary: MarketSummaryState,
  policy: MarketPolicy,
  options: SupplierQueryOptions,
  awardReads: Promise<AwardReads>,
): Promise<Omit<ProfileFigures, 'source'> | null> {
  if (q.scope.kind !== 'cpv') return null;
  const { period: state, refreshDay } = summary;
  if (
    !state ||
    state.refreshDay !== refreshDay ||
    state.first !== y.first ||
    state.last !== y.last ||
    state.lookback !== policy.newEntrantLookbackYears ||
    y.to < refreshDay
  )
    return null;
  const cpv = q.scope.cpvPrefix;
  const variant = periodVariant(options.includeSynthetic ?? false, state);
  const w = q.suppliers;
  const upTo = w ? Math.max(w.offset + w.limit, w.largest ?? 0) : undefined;
  const [aggregates, candidates, { awards, patterns }] = await Promise.all([
    findPeriodFigures(db, cpv, variant),
    findPeriodSuppliers(db, cpv, variant, upTo),
    awardReads,
  ]);
  // A market with no supplier in the period, or an award after the refresh day within it: the cells answer.
  if (!aggregates || (aggregates.nextLateDay !== null && aggregates.nextLateDay <= y.to)) return null;
  const parts = summaryAwardParts(awards, patterns, y);
  const { figures, years, undatedAwards } = periodSummaryFigures(parts, aggregates, candidates, policy);
  return { ...windowed(figures, w), periods: years, undatedAwards };
}

/** The figures with their (ranked) supplier list cut to the window, and the largest suppliers asked for. */
const windowed = (f: MarketFigures, w: SupplierWindow | undefined) => ({
  figures: w ? { ...f, suppliers: f.suppliers.slice(w.offset, w.offset + w.limit) } : f,
  largest: f.suppliers.slice(0, w?.largest ?? 0),
});

export async function marketFiguresOf(
  db: Kysely<Database>,
  q: FiguresQuery,
  policy: MarketPolicy,
  options: FiguresOptions,
): Promise<ProfileFigures> {
  const state = options.summary ? await summaryState(db) : null;
  const y = options.summary
    ? summaryYears(q.scope, q.from, q.to, state, policy)
    : 'the summary was not asked for';
  if (typeof y === 'string') {
    const facts = await fromFacts(db, q, policy, options);
    return { ...facts, ...windowed(facts.figures, q.suppliers), source: { kind: 'facts', reason: y } };
  }
  // Both summary paths need the slice's award cells and process patterns: read once, alongside the period check.
  const awardReads = readAwards(db, q, y, options);
  awardReads.catch(() => undefined); // awaited below; this only keeps an early failure from going unobserved
  const period = await fromPeriod(db, q, y, state!, policy, options, awardReads);
  if (period) return { ...period, source: { kind: 'summary', period: true } };
  return {
    ...(await fromSummary(db, q, y, policy, options, awardReads)),
    source: { kind: 'summary', period: false },
  };
}

/**
 * The supplier profile's market sizes (CPV prefixes of one length): the value every supplier won in each market in
 * [from, to], from the summary's CPV cells when it can answer, else from the facts (the same exact sums).
 */
export async function marketSizesOf(
  db: Kysely<Database>,
  prefixes: readonly string[],
  from: Day,
  to: Day,
  options: FiguresOptions,
): Promise<{ sizes: Map<string, number>; source: FiguresSource }> {
  const y = options.summary
    ? summaryYears(
        { kind: 'cpv', cpvPrefix: prefixes[0] ?? '' },
        from,
        to,
        await summaryState(db),
        marketPolicyOn(to).value,
      )
    : 'the summary was not asked for';
  if (typeof y === 'string')
    return {
      sizes: await findMarketSizes(db, prefixes, from, to, options),
      source: { kind: 'facts', reason: y },
    };
  return {
    sizes: await findMarketSizesInSummary(db, prefixes, y, options),
    source: { kind: 'summary', period: false },
  };
}
