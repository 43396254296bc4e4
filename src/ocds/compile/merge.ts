// The merge entry points: ocds-merge's `create_compiled_release` and `create_versioned_release`. Each release set
// goes through the fast tree merge (merge-tree.ts); data the tree merge cannot prove it handles like ocds-merge
// (values whose type changes between releases, ids equal as strings but not as values) goes through the reference
// port (merge-flat.ts) instead. Duplicate `id`s in an array are returned as findings, not raised.
import { compileReference, versionReference } from './merge-flat.js';
import { compileTree, DECLINED, versionTree } from './merge-tree.js';
import type { MergeFinding } from './finding.js';
import { ruleRoot, type MergeRules, type RuleOverrides } from './rules.js';
import { sortReleases } from './sort.js';

export interface MergeOptions {
  /** Per-path strategies for arrays of publishers that reuse `id`s (ocds-merge's `rule_overrides`). */
  overrides?: RuleOverrides;
}

export interface CompiledResult {
  compiled: Record<string, unknown>;
  findings: MergeFinding[];
}

export interface VersionedResult {
  versioned: Record<string, unknown>;
  findings: MergeFinding[];
}

/** The compiled release of one contracting process's releases (any order; they are sorted by `date`). */
export function createCompiledRelease(
  releases: readonly unknown[],
  rules: MergeRules,
  options: MergeOptions = {},
): CompiledResult {
  const sorted = sortReleases(releases);
  const root = ruleRoot(rules, options.overrides);
  const findings: MergeFinding[] = [];
  try {
    return { compiled: compileTree(sorted, root, findings), findings };
  } catch (error) {
    if (error !== DECLINED) throw error;
    return compileReference(sorted, root);
  }
}

/** The versioned release: every field's history of changes, with the release each value came from. */
export function createVersionedRelease(
  releases: readonly unknown[],
  rules: MergeRules,
  options: MergeOptions = {},
): VersionedResult {
  const sorted = sortReleases(releases);
  const root = ruleRoot(rules, options.overrides);
  const findings: MergeFinding[] = [];
  try {
    return { versioned: versionTree(sorted, root, findings), findings };
  } catch (error) {
    if (error !== DECLINED) throw error;
    return versionReference(sorted, root);
  }
}
