// Process-level summary columns computed from the stage rows (docs/contract-model.md, "process"): sums of values
// in one currency, contract date ranges with their basis, bid counts, delivery regions, above-threshold.
import { sumDecimals } from '../../domain/decimal.js';
import { maxDate, minDate } from '../../domain/dates.js';
import { normaliseRegion, type RegionList } from '../../domain/region.js';
import type { AwardProjection, ContractProjection, LotProjection } from '../../store/contract-model.types.js';
import { bool, obj, objects, period, str, whole, type Json } from './json.js';
import type { BidStatistics } from './stages.js';

export interface ValueSum {
  amount: string | null;
  gross: string | null;
  currency: string | null;
}

interface Valued {
  value: unknown;
  value_gross: unknown;
  currency: string | null;
}

/**
 * The sum of some values when it is computable: all in one currency (a missing currency counts as different) and
 * every one of them known; otherwise null ("not computable, never 0", domain.md §5). Net and gross are summed
 * separately: FTS UK6 awards may carry only `amountGross`.
 */
export function sumValues(rows: readonly Valued[]): ValueSum {
  if (rows.length === 0) return { amount: null, gross: null, currency: null };
  const currencies = new Set(rows.map((r) => r.currency));
  const [only] = currencies;
  const currency = currencies.size === 1 && only !== undefined ? only : null;
  const sum = (values: unknown[]): string | null =>
    currency !== null && values.every((v) => typeof v === 'string') ? sumDecimals(values as string[]) : null;
  return { amount: sum(rows.map((r) => r.value)), gross: sum(rows.map((r) => r.value_gross)), currency };
}

/** Awards that stand: status `active` (OCDS awardStatus). Pending (UK6 in standstill), cancelled and unsuccessful do not. */
export const activeAwards = (awards: readonly AwardProjection[]) =>
  awards.filter((a) => a.status === 'active');

/** Contracts that were entered into: `active` or `terminated` (OCDS contractStatus); not pending or cancelled. */
export const enteredContracts = (contracts: readonly ContractProjection[]) =>
  contracts.filter((c) => c.status === 'active' || c.status === 'terminated');

export interface ContractDates {
  start: string | null;
  end: string | null;
  maxExtent: string | null;
  from: 'contracts' | 'awards' | 'lots' | 'tender' | null;
}

const asDate = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * The contract period of the process, from the best source that has one: signed contracts (not cancelled), else
 * awards that are active or pending (a UK6 states the period before signature), else lots, else
 * tender.contractPeriod (estimates). start = earliest start, end = latest end, maxExtent = latest maxExtentDate.
 */
export function contractDates(
  compiled: Json,
  contracts: readonly ContractProjection[],
  awards: readonly AwardProjection[],
  lots: readonly LotProjection[],
): ContractDates {
  const sources: [ContractDates['from'], { start: unknown; end: unknown; max: unknown }[]][] = [
    [
      'contracts',
      contracts
        .filter((c) => c.status !== 'cancelled')
        .map((c) => ({ start: c.period_start, end: c.period_end, max: c.max_extent })),
    ],
    [
      'awards',
      awards
        .filter((a) => a.status === 'active' || a.status === 'pending' || a.status === null)
        .map((a) => ({ start: a.contract_start, end: a.contract_end, max: a.contract_max_extent })),
    ],
    [
      'lots',
      lots
        .filter((l) => l.status !== 'cancelled')
        .map((l) => ({ start: l.contract_start, end: l.contract_end, max: l.contract_max_extent })),
    ],
    [
      'tender',
      [period(obj(compiled.tender)?.contractPeriod)].map((p) => ({
        start: p.start,
        end: p.end,
        max: p.maxExtent,
      })),
    ],
  ];
  for (const [from, periods] of sources) {
    const start = minDate(periods.map((p) => asDate(p.start)));
    const end = maxDate(periods.map((p) => asDate(p.end)));
    if (start === null && end === null) continue;
    return { start, end, maxExtent: maxDate(periods.map((p) => asDate(p.max))), from };
  }
  return { start: null, end: null, maxExtent: null, from: null };
}

export interface BidSummary {
  numberOfTenderers: number | null;
  finalStageBids: number | null;
  smeFinalStageBids: number | null;
  vcseFinalStageBids: number | null;
}

/**
 * Number of tenderers: `tender.numberOfTenderers`, else the `bids` statistic when it concerns at most one lot (then
 * bids = tenderers); with several lots a supplier may bid for each, so it is left null (lot.bids has the counts).
 * Final-stage bid counts are bid counts, so they are summed over lots.
 */
export function bidSummary(compiled: Json, stats: BidStatistics): BidSummary {
  const lotsWithBids = [...stats.values()].filter((s) => s.bids !== undefined);
  const declared = whole(obj(compiled.tender)?.numberOfTenderers);
  const sum = (measure: 'finalStageBids' | 'smeFinalStageBids' | 'vcseFinalStageBids'): number | null => {
    const values = [...stats.values()].map((s) => s[measure]).filter((v): v is number => v !== undefined);
    return values.length ? values.reduce((a, b) => a + b, 0) : null;
  };
  return {
    numberOfTenderers: declared ?? (lotsWithBids.length === 1 ? (lotsWithBids[0]?.bids ?? null) : null),
    finalStageBids: sum('finalStageBids'),
    smeFinalStageBids: sum('smeFinalStageBids'),
    vcseFinalStageBids: sum('vcseFinalStageBids'),
  };
}

export interface DeliveryRegions {
  /** NUTS 2016 codes (`UK` prefix), distinct, in order found. */
  codes: string[];
  /** Every published value, distinct, as written (names such as "England" included). */
  published: string[];
}

/** Delivery regions from tender and award/contract items' deliveryAddresses and tender.deliveryAddresses. */
export function deliveryRegions(compiled: Json, regions: RegionList): DeliveryRegions {
  const tender = obj(compiled.tender);
  const addresses: Json[] = [...objects(tender?.deliveryAddresses)];
  const items = [
    ...objects(tender?.items),
    ...objects(compiled.awards).flatMap((a) => objects(a.items)),
    ...objects(compiled.contracts).flatMap((c) => objects(c.items)),
  ];
  for (const item of items) addresses.push(...objects(item.deliveryAddresses));
  const codes: string[] = [];
  const published: string[] = [];
  for (const a of addresses) {
    const r = normaliseRegion(a.region, regions);
    if (!r) continue;
    if (!published.includes(r.published)) published.push(r.published);
    if (r.nuts && !codes.includes(r.nuts)) codes.push(r.nuts);
  }
  return { codes, published };
}

/** tender.aboveThreshold; else from the awards (true if any is, false if all known are not); else contracts. */
export function aboveThreshold(
  compiled: Json,
  awards: readonly AwardProjection[],
  contracts: readonly ContractProjection[],
): boolean | null {
  const declared = bool(obj(compiled.tender)?.aboveThreshold);
  if (declared !== null) return declared;
  for (const rows of [awards, contracts]) {
    const known = rows.map((r) => r.above_threshold).filter((v): v is boolean => typeof v === 'boolean');
    if (known.length) return known.includes(true);
  }
  return null;
}

/** `UKPGA 2023/54` from tender.legalBasis {scheme, id} (FTS sets it for Procurement Act notices, domain.md §6). */
export function legalBasis(compiled: Json): string | null {
  const lb = obj(obj(compiled.tender)?.legalBasis);
  const scheme = str(lb?.scheme);
  const id = str(lb?.id);
  return scheme && id ? `${scheme} ${id}` : (id ?? null);
}
