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
} from '../../analytics/market/index.js';
import { summaryFigures, summaryYears } from '../../analytics/market/summary-path.js';
import {
  findAwardCells,
  findMarketSizesInSummary,
  findProcessPatterns,
  findSupplierCells,
  findSupplierPresence,
  type SummaryYears,
} from '../../analytics/market/summary-query.js';
import { addMonths, marketPolicyOn, type Day, type MarketPolicy } from '../../domain/rules/index.js';
import type { Database } from '../../store/database.js';
import { summaryState } from '../../store/market-summary.repository.js';

/** Which table served a profile; for the facts, why the summary could not. */
export type FiguresSource = { kind: 'summary' } | { kind: 'facts'; reason: string };

export interface FiguresQuery {
  scope: MarketScope;
  from: Day;
  to: Day;
  /** The financial years of the period, clipped to it (figures are given for each). */
  years: readonly { from: Day; to: Day }[];
}

export interface ProfileFigures {
  figures: MarketFigures;
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
): Promise<Omit<ProfileFigures, 'source'>> {
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

/** The summary path: the slice's cells of the period's financial years and the look-back years before them. */
async function fromSummary(
  db: Kysely<Database>,
  q: FiguresQuery,
  y: SummaryYears,
  policy: MarketPolicy,
  options: SupplierQueryOptions,
): Promise<Omit<ProfileFigures, 'source'>> {
  const [suppliers, presence, awards, patterns] = await Promise.all([
    findSupplierCells(db, q.scope, y, options),
    findSupplierPresence(db, q.scope, y, policy.newEntrantLookbackYears, options),
    findAwardCells(db, q.scope, y, options),
    findProcessPatterns(db, q.scope, y, options),
  ]);
  const { figures, years, undatedAwards } = summaryFigures(
    { suppliers, presence, awards, patterns },
    y,
    policy,
  );
  return { figures, periods: years, undatedAwards };
}

export async function marketFiguresOf(
  db: Kysely<Database>,
  q: FiguresQuery,
  policy: MarketPolicy,
  options: FiguresOptions,
): Promise<ProfileFigures> {
  const y = options.summary
    ? summaryYears(q.scope, q.from, q.to, await summaryState(db), policy)
    : 'the summary was not asked for';
  if (typeof y === 'string')
    return { ...(await fromFacts(db, q, policy, options)), source: { kind: 'facts', reason: y } };
  return { ...(await fromSummary(db, q, y, policy, options)), source: { kind: 'summary' } };
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
  return { sizes: await findMarketSizesInSummary(db, prefixes, y, options), source: { kind: 'summary' } };
}
