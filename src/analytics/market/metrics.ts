// Market-shaping figures from the rows of one market slice and period (docs/market-analytics.md, domain.md §5).
// Pure: no I/O. Value is the award value in pounds (incl. VAT where published); awards in other currencies or with
// no value are counted apart and left out of every value figure. An award with several suppliers is split equally
// among them. Unknown (scale, VCSE flag, region, bid count, procedure) is its own bucket, never "no".
import { howProcured } from '../horizon/procedure.js';
import { hhiBand, type HhiBand, type MarketPolicy } from '../../domain/rules/index.js';
import type { MarketRow } from './query.js';

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
  const allV = knownV + unknownV;
  return {
    byValue: share(yesV, knownV),
    byCount: share(yesN, knownN),
    unknownValue: unknownV,
    unknownCount: unknownN,
    unknownValueShare: allV > 0 ? unknownV / allV : null,
  };
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

const COMPETITIVE = new Set(['open', 'selective']);

/**
 * Every figure for the rows of one period. `priorSuppliers`: suppliers with an award in the same market in the
 * look-back years before the period (their absence makes a new entrant).
 */
export function marketFigures(
  rows: readonly MarketRow[],
  priorSuppliers: ReadonlySet<number>,
  policy: MarketPolicy,
): MarketFigures {
  const awards = new Map<string, MarketRow>();
  for (const r of rows)
    if (!awards.has(`${r.ocid}\u0000${r.awardId}`)) awards.set(`${r.ocid}\u0000${r.awardId}`, r);
  const gbp = (r: MarketRow) => (r.currency === 'GBP' && r.value !== null ? Number(r.value) : null);
  const award = [...awards.values()];
  const valueGbp = award.reduce((a, r) => a + (gbp(r) ?? 0), 0);

  const pairs = rows.filter((r) => r.supplierId !== null);
  const pairValue = (r: MarketRow) => {
    const v = gbp(r);
    return v === null ? null : v / Math.max(1, r.supplierCount);
  };
  const bySupplier = new Map<number, SupplierTotal>();
  for (const r of pairs) {
    const id = r.supplierId!;
    const t = bySupplier.get(id) ?? {
      id,
      name: r.supplierName ?? '',
      value: 0,
      awards: 0,
      share: null,
      scale: r.scale,
      vcse: r.vcse,
      newEntrant: !priorSuppliers.has(id),
    };
    t.value += pairValue(r) ?? 0;
    t.awards += 1;
    bySupplier.set(id, t);
  }
  const suppliedValue = [...bySupplier.values()].reduce((a, s) => a + s.value, 0);
  const suppliers = [...bySupplier.values()]
    .map((s) => ({ ...s, share: suppliedValue > 0 ? s.value / suppliedValue : null }))
    .sort((a, b) => b.value - a.value || b.awards - a.awards || a.name.localeCompare(b.name));
  const values = suppliers.map((s) => s.value);
  const h = hhi(values);

  const entrants = suppliers.filter((s) => s.newEntrant);
  const processes = new Map<string, MarketRow>();
  for (const r of award) if (!processes.has(r.ocid)) processes.set(r.ocid, r);
  const competitive = [...processes.values()].filter((p) => COMPETITIVE.has(p.procurementMethod ?? ''));
  const withBids = competitive.filter((p) => p.numberOfTenderers !== null);
  const direct = award.map((r) => ({
    value: gbp(r),
    flag: howProcured({
      procurementMethod: r.procurementMethod,
      procurementMethodDetails: r.procurementMethodDetails,
      noticeTypes: r.noticeTypes,
    }).directAward,
  }));
  const directN = direct.filter((d) => d.flag === true);

  return {
    awards: award.length,
    processes: processes.size,
    valueGbp,
    excluded: {
      otherCurrency: award.filter((r) => r.value !== null && r.currency !== 'GBP').length,
      noValue: award.filter((r) => r.value === null).length,
      noSupplier: award.filter((r) => r.supplierId === null).length,
    },
    suppliers,
    hhi: h,
    hhiBand: hhiBand(h, policy.hhi),
    top1Share: concentrationRatio(values, 1),
    top3Share: concentrationRatio(values, 3),
    sme: flagShare(
      pairs.map((r) => ({ value: pairValue(r), flag: r.scale === null ? null : r.scale === 'sme' })),
    ),
    vcse: flagShare(pairs.map((r) => ({ value: pairValue(r), flag: r.vcse }))),
    local: flagShare(
      pairs.map((r) => ({
        value: pairValue(r),
        flag: isLocal(r.supplierRegion, r.buyerRegion, r.deliveryRegions, policy.localItlLevel),
      })),
    ),
    newEntrants: {
      count: entrants.length,
      ofSuppliers: suppliers.length,
      valueShare: share(
        entrants.reduce((a, s) => a + s.value, 0),
        suppliedValue,
      ),
    },
    singleBid: {
      rate: share(withBids.filter((p) => p.numberOfTenderers === 1).length, withBids.length),
      competitive: competitive.length,
      noBidData: competitive.length - withBids.length,
    },
    directAward: {
      byValue: share(
        directN.reduce((a, d) => a + (d.value ?? 0), 0),
        valueGbp,
      ),
      byCount: share(directN.length, award.length),
      unknownCount: direct.filter((d) => d.flag === null).length,
    },
  };
}
