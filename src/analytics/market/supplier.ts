// A supplier's profile from its awards in a period (docs/market-analytics.md, "Supplier profile"): value and awards
// by buyer, by market (CPV prefix of the main classification, with its share of each market), by financial year,
// and how it won them (direct-award share, single-bid rate in competitive procedures). Pure: no I/O. Value is in
// pounds and split equally among an award's suppliers, exactly as in the market figures.
import { howProcured } from '../../domain/procedure.js';
import type { Day } from '../../domain/rules/index.js';
import { share, type Share } from './metrics.js';
import type { SupplierAwardRow } from './supplier-query.js';

export interface SupplierSlice {
  value: number;
  awards: number;
  /** Of the supplier's value, 0–1; null when it won no value in pounds. */
  share: number | null;
}

export interface SupplierBuyer extends SupplierSlice {
  /** null: the award's process names no buyer. */
  id: number | null;
  name: string;
}

export interface SupplierMarket extends SupplierSlice {
  /** CPV prefix of the chosen length; null: no main CPV published. */
  cpvPrefix: string | null;
  /** Value every supplier won in this market in the period; null when not measured (no CPV). */
  marketValue: number | null;
  /** The supplier's value ÷ the market's value (its market share there); null when not computable. */
  marketShare: number | null;
}

export interface SupplierYear {
  from: Day;
  to: Day;
  value: number;
  awards: number;
}

export interface SupplierFigures {
  awards: number;
  processes: number;
  /** The supplier's part of its awards' values in pounds. */
  valueGbp: number;
  excluded: { otherCurrency: number; noValue: number };
  buyers: SupplierBuyer[];
  markets: SupplierMarket[];
  years: SupplierYear[];
  directAward: { byValue: Share; byCount: Share; unknownCount: number };
  singleBid: { rate: Share; competitive: number; noBidData: number };
}

const COMPETITIVE = new Set(['open', 'selective']);

/** The supplier's part of an award in pounds: value × its places on the award ÷ the award's suppliers. */
export function supplierValue(r: SupplierAwardRow): number | null {
  if (r.currency !== 'GBP' || r.value === null) return null;
  return (Number(r.value) * Math.max(1, r.ownCount)) / Math.max(1, r.supplierCount);
}

function group<K>(rows: readonly SupplierAwardRow[], key: (r: SupplierAwardRow) => K) {
  const out = new Map<K, { value: number; awards: number; first: SupplierAwardRow }>();
  for (const r of rows) {
    const k = key(r);
    const g = out.get(k) ?? { value: 0, awards: 0, first: r };
    g.value += supplierValue(r) ?? 0;
    g.awards += 1;
    out.set(k, g);
  }
  return out;
}

const byValue = <T extends { value: number; awards: number }>(a: T, b: T) =>
  b.value - a.value || b.awards - a.awards;

/**
 * Every figure. `cpvLength`: the market level (2 division, 3 group, 4 class…); `marketSizes`: the value of each of
 * those markets in the period (findMarketSizes); `years`: the periods to total by (financial years, clipped).
 */
export function supplierFigures(
  rows: readonly SupplierAwardRow[],
  cpvLength: number,
  marketSizes: ReadonlyMap<string, number>,
  years: readonly { from: Day; to: Day }[],
): SupplierFigures {
  const valueGbp = rows.reduce((a, r) => a + (supplierValue(r) ?? 0), 0);
  const ofTotal = (v: number) => (valueGbp > 0 ? v / valueGbp : null);
  const buyers = [...group(rows, (r) => r.buyerId)].map(([id, g]) => ({
    id,
    name: g.first.buyerName ?? (id === null ? 'No buyer published' : `Organisation ${id}`),
    value: g.value,
    awards: g.awards,
    share: ofTotal(g.value),
  }));
  const prefixOf = (r: SupplierAwardRow) =>
    r.cpvMain !== null && r.cpvMain.length >= cpvLength ? r.cpvMain.slice(0, cpvLength) : null;
  const markets = [...group(rows, prefixOf)].map(([cpvPrefix, g]) => {
    const size = cpvPrefix === null ? undefined : marketSizes.get(cpvPrefix);
    return {
      cpvPrefix,
      value: g.value,
      awards: g.awards,
      share: ofTotal(g.value),
      marketValue: size ?? null,
      marketShare: size !== undefined && size > 0 ? g.value / size : null,
    };
  });
  const processes = new Map<string, SupplierAwardRow>();
  for (const r of rows) if (!processes.has(r.ocid)) processes.set(r.ocid, r);
  const competitive = [...processes.values()].filter((p) => COMPETITIVE.has(p.procurementMethod ?? ''));
  const withBids = competitive.filter((p) => p.numberOfTenderers !== null);
  const direct = rows.map((r) => ({
    value: supplierValue(r),
    flag: howProcured({
      procurementMethod: r.procurementMethod,
      procurementMethodDetails: r.procurementMethodDetails,
      noticeTypes: r.noticeTypes,
    }).directAward,
  }));
  const directYes = direct.filter((d) => d.flag === true);
  return {
    awards: rows.length,
    processes: processes.size,
    valueGbp,
    excluded: {
      otherCurrency: rows.filter((r) => r.value !== null && r.currency !== 'GBP').length,
      noValue: rows.filter((r) => r.value === null).length,
    },
    buyers: buyers.sort(byValue),
    markets: markets.sort(byValue),
    years: years.map((y) => {
      const inYear = rows.filter((r) => r.awardDay >= y.from && r.awardDay <= y.to);
      return {
        ...y,
        value: inYear.reduce((a, r) => a + (supplierValue(r) ?? 0), 0),
        awards: inYear.length,
      };
    }),
    directAward: {
      byValue: share(
        directYes.reduce((a, d) => a + (d.value ?? 0), 0),
        valueGbp,
      ),
      byCount: share(directYes.length, rows.length),
      unknownCount: direct.filter((d) => d.flag === null).length,
    },
    singleBid: {
      rate: share(withBids.filter((p) => p.numberOfTenderers === 1).length, withBids.length),
      competitive: competitive.length,
      noBidData: competitive.length - withBids.length,
    },
  };
}
