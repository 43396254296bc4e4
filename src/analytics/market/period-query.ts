// The market analytics' reads of the summary's period tables (migration 0043; docs/market-analytics.md, "Period
// tables"): a CPV market's supplier aggregates for the default period and its years, and the page of its suppliers
// shown, ranked by value. When they answer is decided from the summary's state (`fromPeriod`, market-figures.ts).
import { sql, type Kysely } from 'kysely';
import { unitsOf } from '../../domain/money-units.js';
import type { Day } from '../../domain/rules/index.js';
import type { Database } from '../../store/database.js';
import type { PeriodState } from '../../store/market-summary.repository.js';
import type { PeriodVariant } from '../../store/market-summary.types.js';
import type { FlagSums, SupplierAggregate } from './aggregate.js';
import type { SupplierTally } from './tally.js';

type Db = Kysely<Database>;

/** The variant that counts what was asked: synthetic processes too only when some exist (else both are the same). */
export const periodVariant = (includeSynthetic: boolean, s: PeriodState): PeriodVariant =>
  includeSynthetic && s.hasSynthetic ? 'all' : 'real';

export interface PeriodFigures {
  /** The period's aggregate, and each year's (by financial year). */
  period: SupplierAggregate;
  years: Map<number, SupplierAggregate>;
  /** The market's first award after the refresh day: the figures hold for periods ending before it. */
  nextLateDay: Day | null;
}

const flag = (x: Record<string, unknown>, f: string): FlagSums => ({
  yesUnits: unitsOf(String(x[`${f}_yes_units`])),
  knownUnits: unitsOf(String(x[`${f}_known_units`])),
  unknownUnits: unitsOf(String(x[`${f}_unknown_units`])),
  yesPairs: Number(x[`${f}_yes_pairs`]),
  knownPairs: Number(x[`${f}_known_pairs`]),
  unknownPairs: Number(x[`${f}_unknown_pairs`]),
});

const aggregateOf = (x: Record<string, unknown>): SupplierAggregate => ({
  suppliers: Number(x.suppliers),
  pairs: Number(x.pairs),
  units: unitsOf(String(x.units)),
  sumSquares: unitsOf(String(x.sum_squares)),
  top1: unitsOf(String(x.top1)),
  top3: unitsOf(String(x.top3)),
  sme: flag(x, 'sme'),
  vcse: flag(x, 'vcse'),
  localYesUnits: unitsOf(String(x.local_yes_units)),
  localYesPairs: Number(x.local_yes_pairs),
  localUnknownUnits: unitsOf(String(x.local_unknown_units)),
  localUnknownPairs: Number(x.local_unknown_pairs),
  entrants: Number(x.entrants),
  entrantUnits: unitsOf(String(x.entrant_units)),
});

/** The aggregates of a CPV market (null: it had no supplier in the period). */
export async function findPeriodFigures(
  db: Db,
  cpv: string,
  variant: PeriodVariant,
): Promise<PeriodFigures | null> {
  const r = await sql<Record<string, unknown>>`
    select f.*, f.next_late_day::text as next_late_day from market_period_figure f
    where f.variant = ${variant} and f.cpv = ${cpv}`.execute(db);
  const period = r.rows.find((x) => x.fy === null);
  if (!period) return null;
  return {
    period: aggregateOf(period),
    years: new Map(r.rows.filter((x) => x.fy !== null).map((x) => [Number(x.fy), aggregateOf(x)])),
    nextLateDay: (period.next_late_day as string | null) ?? null,
  };
}

export interface PeriodSupplier extends SupplierTally {
  newEntrant: boolean;
}

/**
 * The suppliers of a CPV market over the period that can rank among its first `upTo` (all when undefined) in the
 * lists' order (value as pounds, then awards, name and id: bySupplierRank): every supplier whose exact value is at
 * least the `upTo`-th largest's less one part in 2⁵⁰ (so that values equal as pounds are all read). The caller
 * sorts them and takes its page.
 */
export async function findPeriodSuppliers(
  db: Db,
  cpv: string,
  variant: PeriodVariant,
  upTo?: number,
): Promise<PeriodSupplier[]> {
  const floor =
    upTo === undefined
      ? sql`true`
      : sql`s.units >= coalesce((select b.units - abs(b.units) / 1125899906842624 - 1
          from market_period_supplier b where b.variant = ${variant} and b.cpv = ${cpv}
          order by b.units desc, b.pairs desc offset ${Math.max(0, upTo - 1)} limit 1), '-Infinity'::numeric)`;
  const r = await sql<Record<string, unknown>>`
    select s.supplier_id, s.supplier_name, s.scale, s.vcse, s.units::text as units, s.pairs,
      s.local_yes_units::text as local_yes_units, s.local_yes_pairs,
      s.local_unknown_units::text as local_unknown_units, s.local_unknown_pairs, s.new_entrant
    from market_period_supplier s
    where s.variant = ${variant} and s.cpv = ${cpv} and ${floor}
    order by s.units desc, s.pairs desc`.execute(db);
  return r.rows.map((x) => ({
    id: Number(x.supplier_id),
    name: String(x.supplier_name),
    scale: (x.scale as 'sme' | 'large' | null) ?? null,
    vcse: (x.vcse as boolean | null) ?? null,
    units: unitsOf(String(x.units)),
    pairs: Number(x.pairs),
    localYesUnits: unitsOf(String(x.local_yes_units)),
    localYesPairs: Number(x.local_yes_pairs),
    localUnknownUnits: unitsOf(String(x.local_unknown_units)),
    localUnknownPairs: Number(x.local_unknown_pairs),
    newEntrant: Boolean(x.new_entrant),
  }));
}
