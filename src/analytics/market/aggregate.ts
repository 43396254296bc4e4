// The supplier-level sums every market figure needs (docs/market-analytics.md): how many suppliers, their value and
// its sum of squares (HHI), the largest one and three (CRn), the SME, VCSE and local splits, the new entrants. Two
// sources give them: the suppliers of a tally added up in Node (`aggregateSuppliers`: the fact rows and the summary's
// cells) and the summary's period figures (market_period_figure, migration 0043), added up by PostgreSQL in exact
// numeric. `figuresFrom` turns them and the award counts into the figures, so both give the same figures to the last
// bit. Pure: no I/O.
import { unitsToPounds } from '../../domain/money-units.js';
import { hhiBand, type MarketPolicy } from '../../domain/rules/index.js';
import {
  concentrationOfUnits,
  flagShareOf,
  hhiOfUnits,
  share,
  type FlagShare,
  type MarketFigures,
  type SupplierTotal,
} from './metrics.js';
import type { MarketTally, SupplierTally } from './tally.js';

/** Yes, known and unknown sums of a supplier-level flag, by value (units) and by award-supplier pairs. */
export interface FlagSums {
  yesUnits: bigint;
  knownUnits: bigint;
  unknownUnits: bigint;
  yesPairs: number;
  knownPairs: number;
  unknownPairs: number;
}

export interface SupplierAggregate {
  suppliers: number;
  pairs: number;
  units: bigint;
  /** Σ over suppliers of (their units)². */
  sumSquares: bigint;
  /** Units of the largest supplier, and of the three largest together. */
  top1: bigint;
  top3: bigint;
  sme: FlagSums;
  vcse: FlagSums;
  localYesUnits: bigint;
  localYesPairs: number;
  localUnknownUnits: bigint;
  localUnknownPairs: number;
  /** Suppliers with no award in the market in the look-back years, and their units. */
  entrants: number;
  entrantUnits: bigint;
}

/** The award sums of a tally (everything but its suppliers and process counts' source). */
export type AwardSums = Omit<MarketTally, 'suppliers'>;

function flagSums(all: readonly SupplierTally[], flag: (s: SupplierTally) => boolean | null): FlagSums {
  const f: FlagSums = {
    yesUnits: 0n,
    knownUnits: 0n,
    unknownUnits: 0n,
    yesPairs: 0,
    knownPairs: 0,
    unknownPairs: 0,
  };
  for (const s of all) {
    const v = flag(s);
    if (v === null) {
      f.unknownUnits += s.units;
      f.unknownPairs += s.pairs;
      continue;
    }
    f.knownUnits += s.units;
    f.knownPairs += s.pairs;
    if (v) {
      f.yesUnits += s.units;
      f.yesPairs += s.pairs;
    }
  }
  return f;
}

/** The aggregate of a tally's suppliers; `prior`: suppliers present in the market in the look-back years. */
export function aggregateSuppliers(
  all: readonly SupplierTally[],
  prior: ReadonlySet<number>,
): SupplierAggregate {
  const a: SupplierAggregate = {
    suppliers: all.length,
    pairs: 0,
    units: 0n,
    sumSquares: 0n,
    top1: 0n,
    top3: 0n,
    sme: flagSums(all, (s) => (s.scale === null ? null : s.scale === 'sme')),
    vcse: flagSums(all, (s) => s.vcse),
    localYesUnits: 0n,
    localYesPairs: 0,
    localUnknownUnits: 0n,
    localUnknownPairs: 0,
    entrants: 0,
    entrantUnits: 0n,
  };
  for (const s of all) {
    a.pairs += s.pairs;
    a.units += s.units;
    a.sumSquares += s.units * s.units;
    a.localYesUnits += s.localYesUnits;
    a.localYesPairs += s.localYesPairs;
    a.localUnknownUnits += s.localUnknownUnits;
    a.localUnknownPairs += s.localUnknownPairs;
    if (!prior.has(s.id)) {
      a.entrants += 1;
      a.entrantUnits += s.units;
    }
  }
  const largest = all.map((s) => s.units).sort((x, y) => (x < y ? 1 : x > y ? -1 : 0));
  a.top1 = largest[0] ?? 0n;
  a.top3 = largest.slice(0, 3).reduce((x, y) => x + y, 0n);
  return a;
}

const flagShare = (f: FlagSums, all: bigint): FlagShare =>
  flagShareOf(
    {
      yes: unitsToPounds(f.yesUnits),
      known: unitsToPounds(f.knownUnits),
      unknown: unitsToPounds(f.unknownUnits),
      all: unitsToPounds(all),
    },
    { yes: f.yesPairs, known: f.knownPairs, unknown: f.unknownPairs },
  );

/** A supplier's line of the list: its value and share of the market's supplied value. */
export function supplierTotal(s: SupplierTally, suppliedUnits: bigint, newEntrant: boolean): SupplierTotal {
  const value = unitsToPounds(s.units);
  const supplied = unitsToPounds(suppliedUnits);
  return {
    id: s.id,
    name: s.name,
    value,
    awards: s.pairs,
    share: supplied > 0 ? value / supplied : null,
    scale: s.scale,
    vcse: s.vcse,
    newEntrant,
  };
}

// localeCompare's order (default locale and options), without building a collator per comparison.
const byName = new Intl.Collator().compare;

/** The suppliers' order on every list: value, then awards (largest first), then name and id. */
export const bySupplierRank = (a: SupplierTotal, b: SupplierTotal) =>
  b.value - a.value || b.awards - a.awards || byName(a.name, b.name) || a.id - b.id;

/** Every figure from the award sums and the supplier aggregate; `suppliers`: the list to show (may be a page). */
export function figuresFrom(
  t: AwardSums,
  a: SupplierAggregate,
  suppliers: SupplierTotal[],
  policy: MarketPolicy,
): MarketFigures {
  const suppliedValue = unitsToPounds(a.units);
  const valueGbp = unitsToPounds(t.gbpUnits);
  const h = hhiOfUnits(a.sumSquares, a.units);
  const { processes, competitive, withBids, singleBid } = t.processes;
  return {
    awards: t.awards,
    processes,
    valueGbp,
    excluded: { otherCurrency: t.otherCurrency, noValue: t.noValue, noSupplier: t.noSupplier },
    suppliers,
    hhi: h,
    hhiBand: hhiBand(h, policy.hhi),
    top1Share: concentrationOfUnits(a.top1, a.units),
    top3Share: concentrationOfUnits(a.top3, a.units),
    sme: flagShare(a.sme, a.units),
    vcse: flagShare(a.vcse, a.units),
    local: flagShareOf(
      {
        yes: unitsToPounds(a.localYesUnits),
        known: unitsToPounds(a.units - a.localUnknownUnits),
        unknown: unitsToPounds(a.localUnknownUnits),
        all: suppliedValue,
      },
      {
        yes: a.localYesPairs,
        known: a.pairs - a.localUnknownPairs,
        unknown: a.localUnknownPairs,
      },
    ),
    newEntrants: {
      count: a.entrants,
      ofSuppliers: a.suppliers,
      valueShare: share(unitsToPounds(a.entrantUnits), suppliedValue),
    },
    singleBid: {
      rate: share(singleBid, withBids),
      competitive,
      noBidData: competitive - withBids,
    },
    directAward: {
      byValue: share(unitsToPounds(t.directYesUnits), valueGbp),
      byCount: share(t.directYes, t.awards),
      unknownCount: t.directUnknown,
    },
  };
}
