// The OCDS pipeline wired together: reader → usable check → validation → store → compile → projection.
// CLI commands and jobs drive it; tests drive the parts.
import type { Kysely } from 'kysely';
import type { Database } from '../store/database.js';
import { writeContractValueSteps } from '../store/contract-change.repository.js';
import { saveProjections } from '../store/contract-model.repository.js';
import { createCompiledRelease, createVersionedRelease, getMergeRules } from './compile/index.js';
import { drainCompileQueue } from './ingest/compile-queue.js';
import { ingestItems, type IngestDeps, type IngestOptions, type IngestSummary } from './ingest/ingest.js';
import { checkUsable, readInputs } from './parse/index.js';
import { contractValueSteps } from './project/contract-value-steps.js';
import { projectRecord } from './project/index.js';
import { loadReleaseSchema } from './schema/index.js';
import { upgradeRelease10to11 } from './upgrade/index.js';
import { createValidator } from './validate/index.js';

let cached: IngestDeps | undefined;

/** The pipeline's parts, built once per process (schema compilation and merge rules are not free). */
export function pipelineDeps(): IngestDeps {
  if (cached) return cached;
  const schema = loadReleaseSchema();
  const rules = getMergeRules(schema);
  const validator = createValidator();
  cached = {
    checker: { checkUsable, validate: (r) => validator.validate(r) },
    compile: (releases) => createCompiledRelease(releases, rules),
    saveRecords: async (trx, records) => {
      await saveProjections(
        trx,
        records.map((r) => projectRecord(r)),
      );
      // Modified contracts' value history (migration 0035), for the modification-increase red flag.
      await writeContractValueSteps(
        trx,
        records.flatMap((r) => contractValueSteps(r.ocid, r.releases)),
      );
    },
  };
  return cached;
}

export function buildVersioned(releases: Record<string, unknown>[]): Record<string, unknown> {
  return createVersionedRelease(releases, getMergeRules(loadReleaseSchema())).versioned;
}

/** Reads files and folders and ingests them. */
export async function ingestPaths(
  db: Kysely<Database>,
  paths: string[],
  options: IngestOptions,
): Promise<IngestSummary> {
  const items = readInputs(paths, {
    upgrade: (release, fromVersion) =>
      fromVersion === '1.0' && typeof release === 'object' && release !== null && !Array.isArray(release)
        ? upgradeRelease10to11(release as Record<string, unknown>)
        : release,
  });
  return ingestItems(db, items, paths, pipelineDeps(), options);
}

/** Compiles whatever is queued (e.g. after an interrupted ingest). */
export async function compilePending(db: Kysely<Database>): Promise<number> {
  return drainCompileQueue(db, pipelineDeps());
}
