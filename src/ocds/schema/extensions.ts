// Which extensions the combined schema applies, in which order, and which declared ones are not available.
//
// The list and its order are those of the `extensions` array of Find a Tender's release packages (FTS
// `ocdsReleasePackages`, May 2026: shared/data/uk-fts and uk-more/find-a-tender). Order matters: the UK extension's
// `+bidStatistics.csv` adds to the EU profile's `bidStatistics.csv`, so the profile must come first. The copies
// in data/schema/extensions/ are described in data/schema/SOURCES.md.

/** An extension that the FTS package declares. `dir` is its folder under data/schema/extensions/, null if we have no copy. */
export interface DeclaredExtension {
  id: string;
  url: string;
  dir: string | null;
  /** Why we have no copy (shown to users so they know what was not checked). */
  missingReason?: string;
}

const OCE = 'https://raw.githubusercontent.com/open-contracting-extensions';

export const FTS_DECLARED_EXTENSIONS: readonly DeclaredExtension[] = [
  {
    id: 'eu',
    url: 'https://standard.open-contracting.org/profiles/eu/latest/en/extension.json',
    dir: 'eu_profile',
  },
  {
    id: 'amendment_rationale_classifications',
    url: `${OCE}/ocds_amendment_rationale_classifications_extension/master/extension.json`,
    dir: 'ocds_amendment_rationale_classifications_extension',
  },
  {
    id: 'budget_breakdown',
    url: `${OCE}/ocds_budget_breakdown_extension/master/extension.json`,
    dir: 'ocds_budget_breakdown_extension',
  },
  {
    id: 'contract_completion',
    url: `${OCE}/ocds_contract_completion_extension/master/extension.json`,
    dir: 'ocds_contract_completion_extension',
  },
  {
    id: 'documentation',
    url: `${OCE}/ocds_documentation_extension/master/extension.json`,
    dir: 'ocds_documentation_extension',
  },
  // Patches the package schemas only (links.next); nothing to apply to a release.
  {
    id: 'pagination',
    url: `${OCE}/ocds_pagination_extension/master/extension.json`,
    dir: 'ocds_pagination_extension',
  },
  {
    id: 'suitability',
    url: `${OCE}/ocds_suitability_extension/master/extension.json`,
    dir: 'ocds_suitability_extension',
  },
  {
    id: 'links',
    url: 'https://raw.githubusercontent.com/portaledcahn/ocds_Links_extension/main/extension.json',
    dir: null,
    missingReason: 'no copy of portaledcahn/ocds_Links_extension was found',
  },
  {
    id: 'uk',
    url: 'https://raw.githubusercontent.com/cabinetoffice/ocds_uk_extension/main/extension.json',
    dir: 'ocds_uk_extension',
  },
  {
    id: 'performance_failures',
    url: `${OCE}/ocds_performance_failures_extension/master/extension.json`,
    dir: null,
    missingReason:
      'no copy of ocds_performance_failures_extension was found: contracts[].implementation.performanceFailures ' +
      'is not checked, and the UK extension fields patched onto PerformanceFailure are not reachable',
  },
];

/**
 * Extensions the EU profile bundles into its single release-schema.json patch (its docs/extension_versions.json,
 * open-contracting-extensions/european-union). Keyed by repository name, so that a dependency URL such as the UK
 * extension's `…/ocds_location_extension/master/extension.json` can be recognised as covered. Only the entries we
 * checked against the profile's definitions (AwardCriteria, Bid/BidsStatistic, Communication, Location,
 * OtherRequirements, Subcontracting, Techniques) are listed.
 */
export const EU_PROFILE_BUNDLES: Readonly<Record<string, string>> = {
  ocds_awardCriteria_extension: 'master',
  ocds_bid_extension: 'v1.1.4',
  ocds_communication_extension: 'master',
  ocds_location_extension: 'v1.1.4',
  ocds_otherRequirements_extension: 'master',
  ocds_subcontracting_extension: 'master',
  ocds_techniques_extension: 'master',
};

/** `https://raw.githubusercontent.com/owner/ocds_x_extension/ref/extension.json` → `ocds_x_extension`. */
export function repoNameOf(url: string): string | undefined {
  const m = /^https:\/\/raw\.githubusercontent\.com\/[^/]+\/([^/]+)\/([^/]+)\/extension\.json$/.exec(url);
  return m?.[1];
}

/** The git ref in a raw.githubusercontent.com extension URL (`master`, `main`, `v1.1.5`). */
export function refOf(url: string): string | undefined {
  return /^https:\/\/raw\.githubusercontent\.com\/[^/]+\/[^/]+\/([^/]+)\/extension\.json$/.exec(url)?.[1];
}
