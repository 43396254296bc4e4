// The combined release schema: OCDS 1.1.5 core + the extensions Find a Tender declares, applied as the official
// tooling applies them (JSON Merge Patch of each extension's release-schema.json, in declaration order — lib-cove-ocds
// `SchemaOCDS.apply_extensions`; ocdsextensionregistry `ProfileBuilder.patched_release_schema` first merges the
// patches together, which gives the same result here because no patch removes anything with `null`). Built once
// per process from data/schema/ and frozen: callers (validation, the compile step's merge rules) share it.
import { readFileSync } from 'node:fs';
import { repoPath } from '../../paths.js';
import type { JsonObject } from '../types.js';
import { patchCodelists, readCodelistFolder, type Codelists } from './codelists.js';
import { EU_PROFILE_BUNDLES, FTS_DECLARED_EXTENSIONS, refOf, repoNameOf } from './extensions.js';
import { applyMergePatch } from './merge-patch.js';

export const OCDS_SCHEMA_VERSION = '1.1.5';

/** What happened to one declared extension (or declared dependency), for the UI to say what was not checked. */
export interface ExtensionReport {
  id: string;
  /** The extension's own name (extension.json), or its repository name when we have no copy. */
  name: string;
  url: string;
  /** `fts-package`: in FTS's package `extensions`; `dependency:<id>`: in that extension's `dependencies`. */
  declaredBy: string;
  /**
   * `applied`: its schema patch and codelists are in the combined schema. `covered`: a dependency whose content an
   * applied extension already bundles (the EU profile). `unavailable`: we have no copy; its fields are not checked.
   */
  status: 'applied' | 'covered' | 'unavailable';
  /** The schema files the extension patches (a release-schema.json patch is what matters for releases). */
  schemas: string[];
  codelists: string[];
  note?: string;
}

export interface ReleaseSchemaBundle {
  schema: JsonObject;
  codelists: Codelists;
  extensions: readonly ExtensionReport[];
}

const schemaDir = (...parts: string[]): string => repoPath('data', 'schema', ...parts);
const readJson = (path: string): JsonObject => JSON.parse(readFileSync(path, 'utf8')) as JsonObject;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
const englishName = (meta: JsonObject, fallback: string): string => {
  const name = meta.name;
  if (typeof name === 'string') return name;
  if (typeof name === 'object' && name !== null && typeof (name as JsonObject).en === 'string')
    return (name as JsonObject).en as string;
  return fallback;
};

function build(): ReleaseSchemaBundle {
  let schema: unknown = readJson(schemaDir(OCDS_SCHEMA_VERSION, 'release-schema.json'));
  const codelists = readCodelistFolder(schemaDir(OCDS_SCHEMA_VERSION, 'codelists'));
  const reports: ExtensionReport[] = [];
  const dependencies: { url: string; of: string }[] = [];

  for (const ext of FTS_DECLARED_EXTENSIONS) {
    if (!ext.dir) {
      reports.push({
        id: ext.id,
        name: repoNameOf(ext.url) ?? ext.url,
        url: ext.url,
        declaredBy: 'fts-package',
        status: 'unavailable',
        schemas: [],
        codelists: [],
        note: ext.missingReason,
      });
      continue;
    }
    const dir = schemaDir('extensions', ext.dir);
    const meta = readJson(`${dir}/extension.json`);
    const schemas = strings(meta.schemas);
    const lists = strings(meta.codelists);
    if (schemas.includes('release-schema.json')) {
      schema = applyMergePatch(schema, readJson(`${dir}/release-schema.json`));
    }
    const problems = patchCodelists(codelists, `${dir}/codelists`, lists);
    reports.push({
      id: ext.id,
      name: englishName(meta, ext.id),
      url: ext.url,
      declaredBy: 'fts-package',
      status: 'applied',
      schemas,
      codelists: lists,
      ...(problems.length > 0 ? { note: problems.join('; ') } : {}),
    });
    for (const url of strings(meta.dependencies)) dependencies.push({ url, of: ext.id });
  }

  // Declared dependencies (the UK extension's): covered when the same repository is applied, or bundled by the
  // EU profile; otherwise reported as unavailable unless another report already says so.
  for (const dep of dependencies) {
    const repo = repoNameOf(dep.url) ?? dep.url;
    const sameRepo = reports.find((r) => r.status !== 'unavailable' && repoNameOf(r.url) === repo);
    const bundled = EU_PROFILE_BUNDLES[repo];
    const missing = reports.find((r) => r.status === 'unavailable' && repoNameOf(r.url) === repo);
    const base = {
      id: repo,
      name: repo,
      url: dep.url,
      declaredBy: `dependency:${dep.of}`,
      schemas: [],
      codelists: [],
    };
    if (sameRepo) {
      reports.push({ ...base, status: 'covered', note: `applied as the ${sameRepo.id} extension` });
    } else if (bundled !== undefined) {
      const asked = refOf(dep.url);
      const versionNote =
        asked && asked !== bundled ? ` (asked for ${asked}, the profile bundles ${bundled})` : '';
      reports.push({ ...base, status: 'covered', note: `bundled in the EU profile${versionNote}` });
    } else {
      reports.push({
        ...base,
        status: 'unavailable',
        note: missing ? `also declared by the package: ${missing.note ?? 'no copy'}` : 'no copy was found',
      });
    }
  }

  return deepFreeze({ schema: schema as JsonObject, codelists, extensions: reports });
}

let memo: ReleaseSchemaBundle | undefined;

/** The combined schema, codelists and extension report, built once per process. */
export function loadReleaseSchemaBundle(): ReleaseSchemaBundle {
  memo ??= build();
  return memo;
}

/**
 * The combined OCDS 1.1.5 release schema (core + FTS-declared extensions), not dereferenced: `$ref`/`definitions`,
 * `wholeListMerge`, `omitWhenMerged` and `versionId` are as the schemas wrote them. Frozen; memoised.
 */
export function loadReleaseSchema(): JsonObject {
  return loadReleaseSchemaBundle().schema;
}

/** Core codelists patched by the applied extensions: file name (`partyRole.csv`) → codes. Memoised. */
export function loadCodelists(): Codelists {
  return loadReleaseSchemaBundle().codelists;
}

/** Every declared extension and dependency, with whether it was applied, covered by another, or unavailable. */
export function schemaExtensions(): readonly ExtensionReport[] {
  return loadReleaseSchemaBundle().extensions;
}
