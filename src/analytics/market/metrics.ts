// The market-shaping figures' formulas and shapes (docs/market-analytics.md, domain.md §5): shares, HHI, CRn, flag
// shares with unknown kept apart, local. Pure: no I/O. tally.ts adds the rows (or summary cells) of one market slice
// and period up and computes every figure with these. Unknown (scale, VCSE flag, region, bid count, procedure) is
// its own bucket, never "no".
import { ratioOfUnits } from '../../domain/money-units.js';
import type { HhiBand } from '../../domain/rules/index.js';

export interface Share {
  /** Numerator ÷ denominator, 0–1; null when the denominator is 0 (not computable). */
  share: number | null;
  numerator: number;
  denominator: number;
}

/** A yes/no flag split three ways, by value (pounds) and by count of award-supplier pairs. */
export interface FlagShare {
  byValue: Share;
  byCount: Share;
  /** Value and count where the flag is not known: beside the share, never inside "no". */
  unknownValue: number;
  unknownCount: number;
  /** Unknown ÷ all (by value), 0–1; null when there is no value. */
  unknownValueShare: number | null;
}

export interface SupplierTotal {
  id: number;
  name: string;
  value: number;
  awards: number;
  share: number | null;
  scale: 'sme' | 'large' | null;
  vcse: boolean | null;
  newEntrant: boolean;
}

export interface MarketFigures {
  awards: number;
  processes: number;
  /** Sum of award values in pounds (awards with a GBP value). */
  valueGbp: number;
  /** Awards left out of value figures (other or no currency; no value) and awards naming no supplier. */
  excluded: { otherCurrency: number; noValue: number; noSupplier: number };
  suppliers: SupplierTotal[];
  hhi: number | null;
  hhiBand: HhiBand | null;
  top1Share: number | null;
  top3Share: number | null;
  sme: FlagShare;
  vcse: FlagShare;
  local: FlagShare;
  newEntrants: { count: number; ofSuppliers: number; valueShare: Share };
  singleBid: { rate: Share; competitive: number; noBidData: number };
  directAward: { byValue: Share; byCount: Share; unknownCount: number };
}

export const share = (numerator: number, denominator: number): Share => ({
  share: denominator > 0 ? numerator / denominator : null,
  numerator,
  denominator,
});

/** Herfindahl–Hirschman index Σ(100·sᵢ)² over the suppliers' values; null when the market has no value. */
export function hhi(values: readonly number[]): number | null {
  const total = values.reduce((a, v) => a + v, 0);
  if (total <= 0) return null;
  return values.reduce((a, v) => a + (100 * (v / total)) ** 2, 0);
}

/**
 * HHI from exact units (money-units.ts): 10,000 × Σuᵢ² ÷ (Σuᵢ)² with `sumSquares` = Σuᵢ² over the suppliers and
 * `total` = Σuᵢ; null when the market has no value. The same figure as `hhi` of the values, computed exactly, so the
 * fact rows and the summary table (which adds the squares in SQL) give the same double.
 */
export function hhiOfUnits(sumSquares: bigint, total: bigint): number | null {
  return total <= 0n ? null : 10_000 * ratioOfUnits(sumSquares, total * total);
}

/** Share of the largest suppliers (CRₙ) from exact units: `top` = the sum of the n largest; null with no value. */
export const concentrationOfUnits = (top: bigint, total: bigint): number | null =>
  total <= 0n ? null : ratioOfUnits(top, total);

/** Share of the n largest values (CRₙ); null when the market has no value. */
export function concentrationRatio(values: readonly number[], n: number): number | null {
  const total = values.reduce((a, v) => a + v, 0);
  if (total <= 0) return null;
  const top = [...values].sort((a, b) => b - a).slice(0, n);
  return top.reduce((a, v) => a + v, 0) / total;
}

/** Pairs with their value (pounds, split among the award's suppliers; null when not in pounds) and a flag. */
export interface FlagItem {
  value: number | null;
  flag: boolean | null;
}

/** A FlagShare from its sums: yes, known and unknown by value (pounds) and by count; `allValue` = known + unknown. */
export function flagShareOf(
  value: { yes: number; known: number; unknown: number; all: number },
  count: { yes: number; known: number; unknown: number },
): FlagShare {
  return {
    byValue: share(value.yes, value.known),
    byCount: share(count.yes, count.known),
    unknownValue: value.unknown,
    unknownCount: count.unknown,
    unknownValueShare: value.all > 0 ? value.unknown / value.all : null,
  };
}

/** Known-yes ÷ known, by value and count, with unknown apart (domain.md §5 "SME share"). */
export function flagShare(items: readonly FlagItem[]): FlagShare {
  let yesV = 0;
  let knownV = 0;
  let unknownV = 0;
  let yesN = 0;
  let knownN = 0;
  let unknownN = 0;
  for (const i of items) {
    const v = i.value ?? 0;
    if (i.flag === null) {
      unknownV += v;
      unknownN += 1;
    } else {
      knownV += v;
      knownN += 1;
      if (i.flag) {
        yesV += v;
        yesN += 1;
      }
    }
  }
  return flagShareOf(
    { yes: yesV, known: knownV, unknown: unknownV, all: knownV + unknownV },
    { yes: yesN, known: knownN, unknown: unknownN },
  );
}

/**
 * Local: the supplier's region at the ITL level equals the buyer's, or a place of performance's, at that level.
 * Null (unknown) when the supplier's region, or both the buyer's and every place's, are not known at that level.
 */
export function isLocal(
  supplierRegion: string | null,
  buyerRegion: string | null,
  places: readonly string[],
  level: 1 | 2 | 3,
): boolean | null {
  const at = (c: string | null) => (c !== null && c.length >= 2 + level ? c.slice(0, 2 + level) : null);
  const s = at(supplierRegion);
  const others = [at(buyerRegion), ...places.map(at)].filter((c): c is string => c !== null);
  if (s === null || others.length === 0) return null;
  return others.includes(s);
}
