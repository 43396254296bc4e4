// Market-shaping analytics rules (docs/market-analytics.md, domain.md §5): HHI band sets, the new-entrant look-back
// and the ITL level at which "local" is judged. Dated like every other rule (design.md §5); the version in force on
// the last day of the period analysed applies. Pure.
import { requireVersionOn, type Day, type Rule, type RuleVersion } from './rule.js';

export interface HhiBand {
  /** Lowest HHI in the band (inclusive when `above` is false; exclusive, "more than", when true). */
  from: number;
  above: boolean;
  label: string;
}

export interface HhiBandSet {
  /** Name shown beside every band (domain.md: "always show the band set's name"). */
  name: string;
  /** Ascending by `from`; the first starts at 0. */
  bands: readonly HhiBand[];
}

export interface MarketPolicy {
  hhi: HhiBandSet;
  /** Years before the period in which a supplier must have had no award in the market to be a new entrant. */
  newEntrantLookbackYears: number;
  /** ITL level at which supplier and buyer (or place) regions are compared: 1 = nations and regions. */
  localItlLevel: 1 | 2 | 3;
}

/** Named HHI band sets (domain.md §5): US 2023 is the default, the others can be chosen. */
export const HHI_BAND_SETS: Readonly<Record<string, HhiBandSet>> = {
  'us-2023': {
    name: 'US 2023 Merger Guidelines',
    bands: [
      { from: 0, above: false, label: 'not highly concentrated' },
      { from: 1800, above: true, label: 'highly concentrated' },
    ],
  },
  'us-2010': {
    name: 'US 2010 Horizontal Merger Guidelines',
    bands: [
      { from: 0, above: false, label: 'unconcentrated' },
      { from: 1500, above: false, label: 'moderately concentrated' },
      { from: 2500, above: true, label: 'highly concentrated' },
    ],
  },
  'cma-2010': {
    name: 'UK CMA 2010 Merger Assessment Guidelines',
    bands: [
      { from: 0, above: false, label: 'not concentrated' },
      { from: 1000, above: true, label: 'concentrated' },
      { from: 2000, above: true, label: 'highly concentrated' },
    ],
  },
};

export const MARKET_POLICY: Rule<MarketPolicy> = {
  title: 'Market analytics: HHI bands, new-entrant look-back, ITL level of "local"',
  unit: 'count',
  versions: [
    {
      value: { hhi: HHI_BAND_SETS['us-2023']!, newEntrantLookbackYears: 3, localItlLevel: 1 },
      validFrom: '2000-01-01',
      validTo: null,
      source:
        'domain.md §5: HHI bands US 2023 Merger Guidelines (> 1,800 highly concentrated) [V page; numbers S]; ' +
        'new entrant = no award in the market in the preceding 3 years (our definition, configurable) [?]; ' +
        'local at ITL1 (Tussell uses NUTS1) [S]',
      evidence: 'S',
      configurableDefault: true,
    },
  ],
};

/** The market policy in force on a day (throws when none is: the catalogue must cover every day). */
export const marketPolicyOn = (
  day: Day,
  rule: Rule<MarketPolicy> = MARKET_POLICY,
): RuleVersion<MarketPolicy> => requireVersionOn(rule, day, 'market analytics policy');

/** The band an HHI falls in; null when the HHI is not computable. */
export function hhiBand(hhi: number | null, set: HhiBandSet): HhiBand | null {
  if (hhi === null) return null;
  let band: HhiBand | null = null;
  for (const b of set.bands) if (b.above ? hhi > b.from : hhi >= b.from) band = b;
  return band ?? set.bands[0] ?? null;
}
