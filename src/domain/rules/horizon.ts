// Horizon scan lead times (docs/horizon-scan.md): how long before a contract ends the decision to extend, re-let or
// stop is due, by value band. domain.md says nothing on lead times, so every figure here is missionbuy's own
// configurable default ([?]) and is shown as such wherever a "decision due by" date depends on it. Dated like every
// other rule (design.md §5): the version in force on the as-of day of a scan applies. Pure.
import { compareDecimals } from '../decimal.js';
import { versionOn, type Day, type Rule, type RuleVersion } from './rule.js';

export interface LeadTimeBand {
  /** Lowest value in the band, pounds incl. VAT (inclusive); '0' for the first band. */
  from: string;
  /** Months before the end date that the decision is due. */
  months: number;
}

export interface LeadTimePolicy {
  /** Bands in ascending order of `from`; the first starts at '0'. */
  bands: readonly LeadTimeBand[];
  /** Lead time when the value is not known (or not in pounds): the longest band, to be safe. */
  unknownValueMonths: number;
}

export const HORIZON_LEAD_TIMES: Rule<LeadTimePolicy> = {
  title: 'Horizon scan: months before the end date that a decision is due, by value incl. VAT',
  unit: 'months',
  versions: [
    {
      value: {
        bands: [
          { from: '0', months: 6 },
          { from: '1000000', months: 12 },
          { from: '10000000', months: 18 },
        ],
        unknownValueMonths: 18,
      },
      // Starts early enough for any as-of day a user may pick over the data (Contracts Finder data since 2015).
      validFrom: '2000-01-01',
      validTo: null,
      source:
        'missionbuy default: domain.md sets no lead times; the 6/12/18 months follow the 18/12/6-month horizon of ' +
        'design.md §1 [?]',
      evidence: '?',
      configurableDefault: true,
    },
  ],
};

/** The lead-time policy in force on a day (throws when none is: the catalogue must cover every day). */
export function leadTimesOn(
  day: Day,
  rule: Rule<LeadTimePolicy> = HORIZON_LEAD_TIMES,
): RuleVersion<LeadTimePolicy> {
  const v = versionOn(rule, day);
  if (!v) throw new Error(`no horizon lead-time policy is in force on ${day}`);
  return v;
}

/** The band a value falls in (by its lowest value), or null when the value is not known. */
export function leadTimeBand(value: string | null, policy: LeadTimePolicy): LeadTimeBand | null {
  if (value === null) return null;
  let band: LeadTimeBand | null = null;
  for (const b of policy.bands) if (compareDecimals(value, b.from) >= 0) band = b;
  return band ?? policy.bands[0] ?? null;
}

/** Months of lead time for a value in pounds incl. VAT (null = not known). */
export function leadTimeMonths(value: string | null, policy: LeadTimePolicy): number {
  return leadTimeBand(value, policy)?.months ?? policy.unknownValueMonths;
}

/** "under £1m", "£1m to under £10m", "£10m or more": the band's wording for pages and CSV. */
export function describeBand(band: LeadTimeBand | null, policy: LeadTimePolicy): string {
  if (band === null) return 'value not known';
  const money = (v: string) => {
    const n = Number(v);
    return n >= 1_000_000 && n % 1_000_000 === 0 ? `£${n / 1_000_000}m` : `£${n.toLocaleString('en-GB')}`;
  };
  const i = policy.bands.indexOf(band);
  const next = policy.bands[i + 1];
  if (i === 0 && next) return `under ${money(next.from)}`;
  if (!next) return `${money(band.from)} or more`;
  return `${money(band.from)} to under ${money(next.from)}`;
}
