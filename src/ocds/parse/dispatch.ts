// Turns one parsed JSON value into candidate releases or bad items, whatever OCDS packaging it uses:
// release package, record package (embedded or linked releases), record, array, or a single release.
import type { BadItem, CandidateRelease, InputItem, JsonObject, Position } from '../types.js';

export type Upgrade = (release: unknown, fromVersion: string) => unknown;

export interface DispatchContext {
  upgrade?: Upgrade | undefined;
  onPackage?: ((meta: JsonObject, file: string) => void) | undefined;
}

// Fields only a release (or compiled release) has at its top level.
const RELEASE_KEYS = [
  'ocid',
  'id',
  'date',
  'tag',
  'initiationType',
  'parties',
  'buyer',
  'planning',
  'tender',
  'awards',
  'contracts',
];

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

const describe = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'string' ? 'a string' : `a ${typeof v}`;

export function bad(
  position: Position,
  reason: BadItem['reason'],
  message: string,
  excerpt?: string,
): BadItem {
  return { kind: 'bad', position, reason, message, ...(excerpt !== undefined ? { excerpt } : {}) };
}

/** OCDS 1.0 packages have no `version`; ocdskit reads a missing version as 1.0 as well. */
export const packageVersion = (pkg: JsonObject): string =>
  typeof pkg.version === 'string' ? pkg.version : '1.0';

export function candidate(
  value: unknown,
  position: Position,
  version: string | undefined,
  ctx: DispatchContext,
  extra: Partial<CandidateRelease> = {},
): InputItem {
  if (!isObject(value)) {
    return bad(
      position,
      'not-object',
      `expected a release (a JSON object) at ${position.pointer || 'the top level'}, found ${describe(value)}`,
    );
  }
  if (version !== undefined && version !== '1.1' && ctx.upgrade) {
    return { kind: 'release', value: ctx.upgrade(value, version), position, upgradedFrom: version, ...extra };
  }
  return { kind: 'release', value, position, ...extra };
}

const isLinked = (r: unknown) =>
  isObject(r) && typeof r.url === 'string' && r.ocid === undefined && r.tender === undefined;

/** A record: its embedded releases, or its compiledRelease when the releases are only links. */
export function expandRecord(
  record: unknown,
  base: Position,
  version: string | undefined,
  ctx: DispatchContext,
): InputItem[] {
  if (!isObject(record))
    return [
      bad(
        base,
        'not-object',
        `expected a record (a JSON object) at ${base.pointer}, found ${describe(record)}`,
      ),
    ];
  const releases = Array.isArray(record.releases) ? record.releases : [];
  const embedded = releases.map((r, j) => [r, j] as const).filter(([r]) => !isLinked(r));
  if (embedded.length > 0) {
    return embedded.map(([r, j]) =>
      candidate(r, { ...base, pointer: `${base.pointer}/releases/${j}` }, version, ctx),
    );
  }
  if (isObject(record.compiledRelease)) {
    return [
      candidate(
        record.compiledRelease,
        { ...base, pointer: `${base.pointer}/compiledRelease` },
        version,
        ctx,
        {
          fromCompiledRecord: true,
        },
      ),
    ];
  }
  return [
    bad(
      base,
      'not-ocds',
      `the record at ${base.pointer || 'the top level'} has neither embedded releases nor a compiledRelease`,
    ),
  ];
}

/** Any parsed JSON value found where a release, a package or a list of them may stand. */
export function dispatchValue(
  value: unknown,
  position: Position,
  ctx: DispatchContext,
  file: string,
): InputItem[] {
  const at = (pointer: string): Position => ({ ...position, pointer });
  if (Array.isArray(value)) {
    return value.flatMap((v, i) => dispatchValue(v, at(`${position.pointer}/${i}`), ctx, file));
  }
  if (!isObject(value)) return [candidate(value, position, undefined, ctx)];
  if (Array.isArray(value.records)) {
    const version = packageVersion(value);
    ctx.onPackage?.(packageMeta(value), file);
    return value.records.flatMap((r, i) =>
      expandRecord(r, at(`${position.pointer}/records/${i}`), version, ctx),
    );
  }
  if (
    isObject(value.compiledRelease) ||
    (typeof value.ocid === 'string' && Array.isArray(value.releases) && !('tag' in value))
  ) {
    return expandRecord(value, position, undefined, ctx);
  }
  if (Array.isArray(value.releases)) {
    const version = packageVersion(value);
    ctx.onPackage?.(packageMeta(value), file);
    return value.releases.map((r, i) => candidate(r, at(`${position.pointer}/releases/${i}`), version, ctx));
  }
  if (RELEASE_KEYS.some((k) => k in value)) return [candidate(value, position, undefined, ctx)];
  const keys = Object.keys(value).slice(0, 8).join(', ');
  return [
    bad(
      position,
      'not-ocds',
      `this JSON is not OCDS: expected a release package, a record package, a release or an array of releases, found an object with keys ${keys || '(none)'}`,
    ),
  ];
}

const META_KEYS = [
  'uri',
  'version',
  'extensions',
  'publishedDate',
  'publisher',
  'license',
  'publicationPolicy',
  'links',
];

export function packageMeta(pkg: JsonObject): JsonObject {
  return Object.fromEntries(META_KEYS.filter((k) => k in pkg).map((k) => [k, pkg[k]]));
}
