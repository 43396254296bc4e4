// The sums every market figure is computed from (docs/market-analytics.md), for one market slice and period: award
// counts and values, per-supplier values and pair counts with their local split, and the process-level counts. Two
// sources fill it: the fact rows of the slice (`tallyRows`, the fact path) and the summary table's cells (the
// summary path, summary-path.ts). Money is in exact units (money-units.ts), so both give the same figures to the
// last bit; `figuresOf` turns a tally into the figures. Pure: no I/O.
import { howProcured } from '../../domain/procedure.js';
import type { MarketPolicy } from '../../domain/rules/index.js';
import { toUnits } from '../../domain/money-units.js';
import { aggregateSuppliers, bySupplierRank, figuresFrom, supplierTotal } from './aggregate.js';
import { isLocal, type MarketFigures } from './metrics.js';
import type { MarketRow } from './query.js';

/** One supplier's awards in the slice: its part of their value in units, its pairs, and how many were local. */
export interface SupplierTally {
  id: number;
  name: string;
  scale: 'sme' | 'large' | null;
  vcse: boolean | null;
  units: bigint;
  pairs: number;
  localYesUnits: bigint;
  localYesPairs: number;
  localUnknownUnits: bigint;
  localUnknownPairs: number;
}

/** Process-level counts: a process with awards in several years counts once, so these are never summed over years. */
export interface ProcessCounts {
  processes: number;
  /** Open or selective. */
  competitive: number;
  /** Competitive with a published number of tenderers. */
  withBids: number;
  /** Competitive with exactly one tenderer. */
  singleBid: number;
}

export interface MarketTally {
  awards: number;
  /** Value of the awards with a value in pounds. */
  gbpUnits: bigint;
  otherCurrency: number;
  noValue: number;
  noSupplier: number;
  directYes: number;
  directYesUnits: bigint;
  directUnknown: number;
  processes: ProcessCounts;
  suppliers: Map<number, SupplierTally>;
}

export const noProcesses = (): ProcessCounts => ({ processes: 0, competitive: 0, withBids: 0, singleBid: 0 });

export const emptyTally = (): MarketTally => ({
  awards: 0,
  gbpUnits: 0n,
  otherCurrency: 0,
  noValue: 0,
  noSupplier: 0,
  directYes: 0,
  directYesUnits: 0n,
  directUnknown: 0,
  processes: noProcesses(),
  suppliers: new Map(),
});

/** Adds a supplier's sums into the tally (a new entry, or onto the one it has). */
export function addSupplier(t: MarketTally, s: SupplierTally): void {
  const have = t.suppliers.get(s.id);
  if (!have) {
    t.suppliers.set(s.id, { ...s });
    return;
  }
  have.units += s.units;
  have.pairs += s.pairs;
  have.localYesUnits += s.localYesUnits;
  have.localYesPairs += s.localYesPairs;
  have.localUnknownUnits += s.localUnknownUnits;
  have.localUnknownPairs += s.localUnknownPairs;
}

/** Adds `b`'s award and supplier sums into `a` (process counts are not summable: the caller sets them). */
export function addTally(a: MarketTally, b: MarketTally): void {
  a.awards += b.awards;
  a.gbpUnits += b.gbpUnits;
  a.otherCurrency += b.otherCurrency;
  a.noValue += b.noValue;
  a.noSupplier += b.noSupplier;
  a.directYes += b.directYes;
  a.directYesUnits += b.directYesUnits;
  a.directUnknown += b.directUnknown;
  for (const s of b.suppliers.values()) addSupplier(a, s);
}

/** Open or selective procedures: the denominator of the single-bid rate. */
export const isCompetitive = (method: string | null) => method === 'open' || method === 'selective';

/** Counts `n` processes, competitive or not, with their number of tenderers (null: not published) (Cardinal R018). */
export function addProcess(c: ProcessCounts, competitive: boolean, tenderers: number | null, n = 1): void {
  c.processes += n;
  if (!competitive) return;
  c.competitive += n;
  if (tenderers === null) return;
  c.withBids += n;
  if (tenderers === 1) c.singleBid += n;
}

/** The tally of fact rows (one per award × supplier, or one per award naming none): the fact path. */
export function tallyRows(rows: readonly MarketRow[], localItlLevel: 1 | 2 | 3): MarketTally {
  const t = emptyTally();
  const awards = new Set<string>();
  const processes = new Set<string>();
  for (const r of rows) {
    const gbp = r.currency === 'GBP' && r.value !== null;
    const key = `${r.ocid}\u0000${r.awardId}`;
    if (!awards.has(key)) {
      awards.add(key);
      t.awards += 1;
      const units = gbp ? toUnits(r.value!) : 0n;
      t.gbpUnits += units;
      if (r.value !== null && r.currency !== 'GBP') t.otherCurrency += 1;
      if (r.value === null) t.noValue += 1;
      if (r.supplierId === null) t.noSupplier += 1;
      const direct = howProcured(r).directAward;
      if (direct === null) t.directUnknown += 1;
      else if (direct) {
        t.directYes += 1;
        t.directYesUnits += units;
      }
      if (!processes.has(r.ocid)) {
        processes.add(r.ocid);
        addProcess(t.processes, isCompetitive(r.procurementMethod), r.numberOfTenderers);
      }
    }
    if (r.supplierId === null) continue;
    const units = gbp ? toUnits(r.value!, Math.max(1, r.supplierCount)) : 0n;
    const local = isLocal(r.supplierRegion, r.buyerRegion, r.deliveryRegions, localItlLevel);
    addSupplier(t, {
      id: r.supplierId,
      name: r.supplierName ?? '',
      scale: r.scale,
      vcse: r.vcse,
      units,
      pairs: 1,
      localYesUnits: local === true ? units : 0n,
      localYesPairs: local === true ? 1 : 0,
      localUnknownUnits: local === null ? units : 0n,
      localUnknownPairs: local === null ? 1 : 0,
    });
  }
  return t;
}

/**
 * Every figure of a tally. `prior`: suppliers with an award in the market in the look-back years before it.
 * `listSuppliers` false: `suppliers` is left empty (the figures per year do not list them).
 */
export function figuresOf(
  t: MarketTally,
  prior: ReadonlySet<number>,
  policy: MarketPolicy,
  listSuppliers = true,
): MarketFigures {
  const all = [...t.suppliers.values()];
  const a = aggregateSuppliers(all, prior);
  const suppliers = listSuppliers
    ? all.map((s) => supplierTotal(s, a.units, !prior.has(s.id))).sort(bySupplierRank)
    : [];
  return figuresFrom(t, a, suppliers, policy);
}

/**
 * Every figure for the fact rows of one period. `priorSuppliers`: suppliers with an award in the same market in the
 * look-back years before the period (their absence makes a new entrant).
 */
export const marketFigures = (
  rows: readonly MarketRow[],
  priorSuppliers: ReadonlySet<number>,
  policy: MarketPolicy,
  listSuppliers = true,
): MarketFigures => figuresOf(tallyRows(rows, policy.localItlLevel), priorSuppliers, policy, listSuppliers);
