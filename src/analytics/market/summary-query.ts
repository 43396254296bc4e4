// The market analytics' reads of the summary table (migration 0034; docs/market-analytics.md, "Summary table"): the
// cells of one market slice for whole financial years — per supplier and year, per year for awards, and the process
// patterns — which summary-path.ts adds up into the same tallies as the fact rows give. A CPV market reads its `cpv`
// cells (one per division, group and class); a buyer or a region reads `buyer` cells (a CPV prefix within them
// matches the cell's CPV class). Every value is a bind parameter.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Day } from '../../domain/rules/index.js';
import type { Database } from '../../store/database.js';
import { realOnly, type SupplierQueryOptions } from './award-rows.js';
import type { MarketScope } from './query.js';

type Db = Kysely<Database>;

/** Longest CPV prefix with cells of its own (a class); longer prefixes are read from the facts. */
export const SUMMARY_CPV_DIGITS = 4;

/** Financial years `first`…`last` (the years they start in), awards on or before `to` (UK day). */
export interface SummaryYears {
  first: number;
  last: number;
  to: Day;
}

export interface SupplierCell {
  fy: number;
  supplierId: number;
  name: string;
  scale: 'sme' | 'large' | null;
  vcse: boolean | null;
  units: string;
  pairs: number;
  localYesUnits: string;
  localYesPairs: number;
  localUnknownUnits: string;
  localUnknownPairs: number;
}

/** A supplier's presence in the market in the look-back years: bit k set = an award in year `base + k`. */
export interface SupplierPresence {
  supplierId: number;
  years: number;
}

export interface AwardCell {
  /** null: undated awards (in no period). */
  fy: number | null;
  awards: number;
  gbpUnits: string;
  otherCurrency: number;
  noValue: number;
  noSupplier: number;
  directYes: number;
  directYesUnits: string;
  directUnknown: number;
}

export interface ProcessPattern {
  years: number[];
  late: Day[];
  competitive: boolean;
  tenderers: number | null;
  processes: number;
}

function scopeCells(scope: MarketScope): RawBuilder<boolean> {
  const within =
    scope.kind !== 'cpv' && scope.cpvPrefix !== undefined
      ? sql<boolean>`and c.cpv like ${`${scope.cpvPrefix}%`}`
      : sql<boolean>``;
  switch (scope.kind) {
    case 'cpv':
      return sql<boolean>`c.level = 'cpv' and c.cpv = ${scope.cpvPrefix}`;
    case 'buyer':
      return sql<boolean>`c.level = 'buyer' and c.buyer_id = ${scope.buyerId} ${within}`;
    // Prefixes are digits (CPV) or letters and digits (NUTS), checked by the service: no LIKE wildcards in them.
    case 'region':
      return sql<boolean>`c.level = 'buyer'
        and exists (select 1 from unnest(c.regions) as r where r like ${`${scope.region}%`}) ${within}`;
  }
}

/** Cells of years first…last whose awards are on or before `to` (late cells are kept by day). */
const inYears = (first: number, last: number, to: Day) =>
  sql<boolean>`c.fy between ${first} and ${last} and (c.late_day is null or c.late_day <= ${to}::date)`;

/**
 * Each supplier's sums per year of [first, last] (a supplier can have several cells in a year: buyer cells, late
 * days; the caller adds them up — grouping here would sort tens of thousands of rows for the largest markets).
 */
export async function findSupplierCells(
  db: Db,
  scope: MarketScope,
  y: SummaryYears,
  options: SupplierQueryOptions,
): Promise<SupplierCell[]> {
  const r = await sql<Record<string, string | number | boolean | null>>`
    select c.fy, c.supplier_id, c.supplier_name, c.scale, c.vcse, c.units::text as units, c.pairs,
      c.local_yes_units::text as local_yes_units, c.local_yes_pairs,
      c.local_unknown_units::text as local_unknown_units, c.local_unknown_pairs
    from market_summary_supplier c
    where ${scopeCells(scope)} and ${realOnly(options, 'c')} and ${inYears(y.first, y.last, y.to)}`.execute(
    db,
  );
  return r.rows.map((x) => ({
    fy: Number(x.fy),
    supplierId: Number(x.supplier_id),
    name: String(x.supplier_name),
    scale: (x.scale as 'sme' | 'large' | null) ?? null,
    vcse: (x.vcse as boolean | null) ?? null,
    units: String(x.units),
    pairs: Number(x.pairs),
    localYesUnits: String(x.local_yes_units),
    localYesPairs: Number(x.local_yes_pairs),
    localUnknownUnits: String(x.local_unknown_units),
    localUnknownPairs: Number(x.local_unknown_pairs),
  }));
}

/**
 * Each supplier's years with an award in the market among [first − lookback, last − 1] (the new entrants'
 * look-back of every year of the period), as bits from `first − lookback`.
 */
export async function findSupplierPresence(
  db: Db,
  scope: MarketScope,
  y: SummaryYears,
  lookback: number,
  options: SupplierQueryOptions,
): Promise<SupplierPresence[]> {
  const base = y.first - lookback;
  const r = await sql<{ supplier_id: string; years: number }>`
    select c.supplier_id, bit_or(1 << (c.fy - ${base}))::int as years
    from market_summary_supplier c
    where ${scopeCells(scope)} and ${realOnly(options, 'c')} and ${inYears(base, y.last - 1, y.to)}
    group by c.supplier_id`.execute(db);
  return r.rows.map((x) => ({ supplierId: Number(x.supplier_id), years: Number(x.years) }));
}

/** The awards per year of [first, last], and the undated awards (fy null). */
export async function findAwardCells(
  db: Db,
  scope: MarketScope,
  y: SummaryYears,
  options: SupplierQueryOptions,
): Promise<AwardCell[]> {
  const r = await sql<Record<string, string | number | null>>`
    select c.fy, sum(c.awards)::int as awards, sum(c.gbp_units)::text as gbp_units,
      sum(c.other_currency)::int as other_currency, sum(c.no_value)::int as no_value,
      sum(c.no_supplier)::int as no_supplier, sum(c.direct_yes)::int as direct_yes,
      sum(c.direct_yes_units)::text as direct_yes_units, sum(c.direct_unknown)::int as direct_unknown
    from market_summary_award c
    where ${scopeCells(scope)} and ${realOnly(options, 'c')} and (c.fy is null or ${inYears(y.first, y.last, y.to)})
    group by c.fy`.execute(db);
  return r.rows.map((x) => ({
    fy: x.fy === null ? null : Number(x.fy),
    awards: Number(x.awards),
    gbpUnits: String(x.gbp_units),
    otherCurrency: Number(x.other_currency),
    noValue: Number(x.no_value),
    noSupplier: Number(x.no_supplier),
    directYes: Number(x.direct_yes),
    directYesUnits: String(x.direct_yes_units),
    directUnknown: Number(x.direct_unknown),
  }));
}

/** The process patterns with an award year in [first, last] or a late award. */
export async function findProcessPatterns(
  db: Db,
  scope: MarketScope,
  y: SummaryYears,
  options: SupplierQueryOptions,
): Promise<ProcessPattern[]> {
  const years = Array.from({ length: y.last - y.first + 1 }, (_, i) => y.first + i);
  const r = await sql<{
    years: number[];
    late: string[];
    competitive: boolean;
    tenderers: number | null;
    processes: number;
  }>`
    select c.years, c.late::text[] as late, c.competitive, c.tenderers, sum(c.processes)::int as processes
    from market_summary_process c
    where ${scopeCells(scope)} and ${realOnly(options, 'c')} and (c.years && ${years}::int[] or c.late <> '{}')
    group by c.years, c.late, c.competitive, c.tenderers`.execute(db);
  return r.rows.map((x) => ({ ...x, processes: Number(x.processes) }));
}

/**
 * The value in pounds every supplier won in each market (CPV prefixes of one length ≤ SUMMARY_CPV_DIGITS) in the
 * years, exactly as findMarketSizes sums it from the facts (numeric, so the same double).
 */
export async function findMarketSizesInSummary(
  db: Db,
  prefixes: readonly string[],
  y: SummaryYears,
  options: SupplierQueryOptions,
): Promise<Map<string, number>> {
  if (prefixes.length === 0) return new Map();
  const r = await sql<{ prefix: string; value: string }>`
    select c.cpv as prefix, sum(c.supplied_value)::text as value
    from market_summary_award c
    where c.level = 'cpv' and c.cpv = any(${[...prefixes]}::text[]) and ${realOnly(options, 'c')}
      and ${inYears(y.first, y.last, y.to)}
    group by c.cpv having sum(c.supplied_awards) > 0`.execute(db);
  return new Map(r.rows.map((x) => [x.prefix, Number(x.value)]));
}
