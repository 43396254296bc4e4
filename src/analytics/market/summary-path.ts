// The summary path of the market figures (docs/market-analytics.md, "Summary table"): when the summary can answer a
// query (`summaryYears`), and the tallies of the period and of each financial year from its cells (`summaryFigures`),
// the same tallies as the fact rows give (tally.ts), so the same figures. Pure: no I/O.
import {
  financialYearEnd,
  financialYearStart,
  type Day,
  type MarketPolicy,
} from '../../domain/rules/index.js';
import { unitsOf } from '../../domain/money-units.js';
import type { MarketSummaryState } from '../../store/market-summary.repository.js';
import type { MarketFigures } from './metrics.js';
import type { MarketScope } from './query.js';
import {
  SUMMARY_CPV_DIGITS,
  type AwardCell,
  type ProcessPattern,
  type SummaryYears,
  type SupplierCell,
  type SupplierPresence,
} from './summary-query.js';
import { aggregateSuppliers, bySupplierRank, figuresFrom, supplierTotal } from './aggregate.js';
import type { PeriodFigures, PeriodSupplier } from './period-query.js';
import {
  addProcess,
  addSupplier,
  addTally,
  emptyTally,
  figuresOf,
  type MarketTally,
  type SupplierTally,
} from './tally.js';

const fyOf = (day: Day) => Number(financialYearStart(day).slice(0, 4));
const fyStart = (fy: number): Day => `${fy}-04-01`;

/**
 * The financial years the summary reads for [from, to], or why it cannot answer (then the facts are read): it must
 * be built from the current facts at the policy's ITL level, the CPV prefix at most a class, and the period whole
 * financial years — from 1 April, to 31 March or to a day on or after the refresh day (awards after that day are
 * kept by day, so "to today", the default, is whole).
 */
export function summaryYears(
  scope: MarketScope,
  from: Day,
  to: Day,
  state: MarketSummaryState | null,
  policy: MarketPolicy,
): SummaryYears | string {
  if (state === null) return 'the summary has not been built';
  if (!state.fresh) return 'the facts changed since the summary was built';
  if (state.localItlLevel !== policy.localItlLevel) return 'the summary is at another ITL level of local';
  if ((scope.cpvPrefix?.length ?? 0) > SUMMARY_CPV_DIGITS) return 'the CPV prefix is longer than a class';
  if (financialYearStart(from) !== from) return 'the period does not start on 1 April';
  if (financialYearEnd(financialYearStart(to)) !== to && to < state.refreshDay)
    return 'the period ends before the refresh day, not on 31 March';
  return { first: fyOf(from), last: fyOf(to), to };
}

/** Whether a process pattern has an award in [start, end] (years `first`…`last`, end ≤ the query's `to`). */
function inPeriod(p: ProcessPattern, first: number, last: number, end: Day): boolean {
  return p.years.some((y) => y >= first && y <= last) || p.late.some((d) => d >= fyStart(first) && d <= end);
}

function awardTally(c: AwardCell): MarketTally {
  return {
    ...emptyTally(),
    awards: c.awards,
    gbpUnits: unitsOf(c.gbpUnits),
    otherCurrency: c.otherCurrency,
    noValue: c.noValue,
    noSupplier: c.noSupplier,
    directYes: c.directYes,
    directYesUnits: unitsOf(c.directYesUnits),
    directUnknown: c.directUnknown,
  };
}

export interface SummaryCells {
  suppliers: readonly SupplierCell[];
  presence: readonly SupplierPresence[];
  awards: readonly AwardCell[];
  patterns: readonly ProcessPattern[];
}

/** The award and process sums of the period and of each of its years (clipped to `to`), and the undated awards. */
export interface AwardParts {
  years: Map<number, MarketTally>;
  period: MarketTally;
  undatedAwards: number;
}

/** The award and process sums from the award cells and process patterns (their tallies have no suppliers yet). */
export function summaryAwardParts(
  awards: readonly AwardCell[],
  patterns: readonly ProcessPattern[],
  y: SummaryYears,
): AwardParts {
  const list = Array.from({ length: y.last - y.first + 1 }, (_, i) => y.first + i);
  const years = new Map(list.map((fy) => [fy, emptyTally()]));
  let undatedAwards = 0;
  for (const c of awards) {
    if (c.fy === null) undatedAwards += c.awards;
    else {
      const t = years.get(c.fy);
      if (t) addTally(t, awardTally(c));
    }
  }
  const countProcesses = (t: MarketTally, first: number, last: number, end: Day) => {
    for (const p of patterns)
      if (inPeriod(p, first, last, end)) addProcess(t.processes, p.competitive, p.tenderers, p.processes);
  };
  for (const [fy, t] of years) {
    const end = financialYearEnd(fyStart(fy));
    countProcesses(t, fy, fy, end < y.to ? end : y.to);
  }
  const period = emptyTally();
  for (const t of years.values()) addTally(period, t);
  countProcesses(period, y.first, y.last, y.to);
  return { years, period, undatedAwards };
}

/**
 * The figures of the period and of each of its financial years (clipped to `to`; without their supplier lists), and
 * the undated awards.
 */
export function summaryFigures(
  cells: SummaryCells,
  y: SummaryYears,
  policy: MarketPolicy,
): { figures: MarketFigures; years: MarketFigures[]; undatedAwards: number } {
  const lookback = policy.newEntrantLookbackYears;
  const parts = summaryAwardParts(cells.awards, cells.patterns, y);
  const suppliers = new Map([...parts.years.keys()].map((fy) => [fy, emptyTally()]));
  for (const c of cells.suppliers) {
    const t = suppliers.get(c.fy);
    if (!t) continue;
    addSupplier(t, {
      id: c.supplierId,
      name: c.name,
      scale: c.scale,
      vcse: c.vcse,
      units: unitsOf(c.units),
      pairs: c.pairs,
      localYesUnits: unitsOf(c.localYesUnits),
      localYesPairs: c.localYesPairs,
      localUnknownUnits: unitsOf(c.localUnknownUnits),
      localUnknownPairs: c.localUnknownPairs,
    });
  }
  /** Suppliers present in the market in the look-back years before `fy` (bits from y.first − lookback). */
  const priorTo = (fy: number) => {
    const bits = ((1 << lookback) - 1) << (fy - y.first);
    return new Set(cells.presence.filter((p) => (p.years & bits) !== 0).map((p) => p.supplierId));
  };
  const all = new Map<number, SupplierTally>();
  const yearFigures = [...parts.years].map(([fy, t]) => {
    const s = suppliers.get(fy)!;
    for (const x of s.suppliers.values()) addSupplier({ ...emptyTally(), suppliers: all }, x);
    return figuresOf({ ...t, suppliers: s.suppliers }, priorTo(fy), policy, false);
  });
  return {
    figures: figuresOf({ ...parts.period, suppliers: all }, priorTo(y.first), policy),
    years: yearFigures,
    undatedAwards: parts.undatedAwards,
  };
}

/**
 * The same figures from the period tables (migration 0043): the aggregates PostgreSQL added up, and the suppliers that
 * can rank among the first ones wanted (period-query.ts), ranked; the caller cuts its window from them.
 */
export function periodSummaryFigures(
  parts: AwardParts,
  aggregates: PeriodFigures,
  candidates: readonly PeriodSupplier[],
  policy: MarketPolicy,
): { figures: MarketFigures; years: MarketFigures[]; undatedAwards: number } {
  const a = aggregates.period;
  const ranked = candidates.map((s) => supplierTotal(s, a.units, s.newEntrant)).sort(bySupplierRank);
  const none = aggregateSuppliers([], new Set());
  return {
    figures: figuresFrom(parts.period, a, ranked, policy),
    years: [...parts.years].map(([fy, t]) => figuresFrom(t, aggregates.years.get(fy) ?? none, [], policy)),
    undatedAwards: parts.undatedAwards,
  };
}
