// Pure functions over KPI records (docs/kpis.md): each KPI's rating status under its schedule, the overdue list,
// and the distribution of ratings over any grouping (buyer, CPV division, mission: the caller says which groups a
// KPI belongs to, so a mission dashboard can reuse it with its own mapping).
import {
  countRatings,
  kpiStatus,
  RATING_CODES,
  type KpiSchedule,
  type KpiStatus,
  type RatingCounts,
} from '../../domain/kpi-rating.js';
import type { Day, RulesOn } from '../../domain/rules/index.js';
import type { KpiRecord } from './query.js';

export interface KpiWithStatus extends KpiRecord {
  schedule: KpiSchedule;
  status: KpiStatus;
}

/**
 * The schedule in force on `asOf`: the rules kpi-rating.interval-months and kpi-rating.on-termination-days, the
 * interval shortened by a KPI's own (a buyer may rate more often than the statute asks, never less).
 */
export function scheduleOf(kpi: Pick<KpiRecord, 'intervalMonths'>, rules: RulesOn, asOf: Day): KpiSchedule {
  const r = rules(asOf);
  const statutory = r.value('kpi-rating.interval-months') ?? 12;
  return {
    intervalMonths: Math.min(statutory, kpi.intervalMonths ?? statutory),
    onTerminationDays: r.value('kpi-rating.on-termination-days') ?? 30,
  };
}

export function withStatus(kpis: readonly KpiRecord[], rules: RulesOn, asOf: Day): KpiWithStatus[] {
  return kpis.map((k) => {
    const schedule = scheduleOf(k, rules, asOf);
    return {
      ...k,
      schedule,
      status: kpiStatus(
        {
          start: k.start,
          end: k.end,
          ratings: k.ratings.filter((r) => r.rating !== null),
        },
        schedule,
        asOf,
      ),
    };
  });
}

export const overdueOnly = (kpis: readonly KpiWithStatus[]): KpiWithStatus[] =>
  kpis.filter((k) => k.status.overdue.length > 0);

export interface DistributionRow {
  key: string;
  label: string;
  counts: RatingCounts;
  /** Ratings counted (every rated period of every KPI in the group). */
  total: number;
  kpis: number;
}

/** The CPV division of a KPI's contract (first two digits of the main code), or null. */
export const cpvDivisionOf = (k: Pick<KpiRecord, 'cpvMain'>): string | null =>
  k.cpvMain !== null && /^\d{2}/.test(k.cpvMain) ? k.cpvMain.slice(0, 2) : null;

/**
 * Ratings counted by code per group: `groupsOf` names each group a KPI belongs to ([key, label] pairs; a KPI in two
 * missions counts in both). Every rated period counts once; observations without a code count as `unknown`.
 * Largest groups first, then by label.
 */
export function distribution<K extends KpiRecord>(
  kpis: readonly K[],
  groupsOf: (k: K) => readonly (readonly [key: string, label: string])[],
): DistributionRow[] {
  const rows = new Map<string, { label: string; codes: (string | null)[]; kpis: number }>();
  for (const k of kpis) {
    for (const [key, label] of groupsOf(k)) {
      const row = rows.get(key) ?? { label, codes: [], kpis: 0 };
      row.codes.push(...k.ratings.map((r) => r.rating));
      row.kpis += 1;
      rows.set(key, row);
    }
  }
  return [...rows]
    .map(([key, r]) => ({
      key,
      label: r.label,
      counts: countRatings(r.codes),
      total: r.codes.length,
      kpis: r.kpis,
    }))
    .sort((a, b) => b.total - a.total || a.label.localeCompare(b.label));
}

/** Every rating of the KPIs in one row (the national or buyer total). */
export const totalOf = (kpis: readonly KpiRecord[], label = 'All'): DistributionRow =>
  distribution(kpis, () => [['all', label]])[0] ?? {
    key: 'all',
    label,
    counts: countRatings([]),
    total: 0,
    kpis: 0,
  };

export { RATING_CODES };
