// Real releases → compiled record → contract-model projection, as the pipeline does it, without a database.
import { createCompiledRelease, getMergeRules } from '../../src/ocds/compile/index.js';
import { projectRecord } from '../../src/ocds/project/index.js';
import { loadReleaseSchema } from '../../src/ocds/schema/index.js';

let rules: ReturnType<typeof getMergeRules> | undefined;

export function projectReleases(releases: Record<string, unknown>[], source: string) {
  rules ??= getMergeRules(loadReleaseSchema());
  const { compiled } = createCompiledRelease(releases, rules);
  return projectRecord({
    ocid: String(releases[0]!.ocid),
    compiled,
    releases: releases.map((r) => ({
      id: String(r.id),
      date: String(r.date),
      tags: r.tag as string[],
      data: r,
    })),
    source,
    synthetic: false,
  });
}
