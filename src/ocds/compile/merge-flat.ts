// The reference port: ocds-merge's own algorithm (ocdsmerge/flatten.py `flatten`, `_enumerate`, `_id_value`,
// `unflatten`; ocdsmerge/merge.py `CompiledRelease.flat_append`, `VersionedRelease.flat_append`), step for step,
// with Python's semantics where they decide the output: a flattened path is a tuple whose array parts are `IdValue`s,
// which compare as `str(id)`; Python dicts keep the first key object and the first position of a key; `unflatten`
// files array items by the raw `id` (so `1` and `'1'` share a path but not an object).
//
// It is slower than the tree merge (merge-tree.ts) and exists for the data that tree merge declines: values whose
// type changes between releases, ids that are equal as strings but not as values, booleans or objects as ids. The
// tests also run every fixture and the real sample through both and require identical output.
import { InconsistentTypeError, UnhashableIdValueError } from './errors.js';
import type { MergeFinding } from './finding.js';
import { duplicateIdFinding } from './finding.js';
import { copyJson, isObject, pyEquals, pyHashKey, pyRepr, pyStr, setOwn } from './python-semantics.js';
import {
  RULE_NONE,
  RULE_OMIT,
  RULE_WHOLE,
  STRATEGY_APPEND,
  STRATEGY_BY_POSITION,
  type RuleNode,
} from './rules.js';
import type { IndexedRelease } from './sort.js';

/** ocds-merge's `IdValue`: a string (`str(identifier)`) that remembers the identifier and the original `id`. */
class IdValue {
  constructor(
    readonly str: string,
    readonly identifier: unknown,
    readonly original: unknown,
  ) {}
}

type Part = string | IdValue;
interface FlatEntry {
  parts: Part[];
  value: unknown;
  /** Versioned: the value is the plain `ocid`, not a history list. */
  plain?: boolean;
}
/** Keyed by the parts' string forms, as Python hashes the path tuple. */
type Flat = Map<string, FlatEntry>;

const partStr = (p: Part): string => (typeof p === 'string' ? p : p.str);
/** Length-prefixed, so that no two distinct paths share a key. */
const extendKey = (key: string, part: string): string => `${key}${part.length}:${part}`;
const pointerPart = (p: string | number): string =>
  `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`;

let uuidCounter = 0;
/** Stands for `uuid.uuid1()`: a fresh identifier no `id` can equal. */
const freshIdentifier = (): string => `\u0000uuid-${++uuidCounter}`;

interface FlattenContext {
  flat: Flat;
  findings: MergeFinding[];
  release: IndexedRelease;
}

function flattenObject(
  ctx: FlattenContext,
  obj: Record<string, unknown>,
  node: RuleNode | null,
  path: Part[],
  key: string,
  rulePath: string[],
  pointer: string,
  skip?: string,
): void {
  for (const k of Object.keys(obj)) {
    if (k === skip) continue;
    const child = node?.children?.get(k) ?? null;
    flattenValue(
      ctx,
      obj[k],
      child,
      [...path, k],
      extendKey(key, k),
      [...rulePath, k],
      pointer + pointerPart(k),
    );
  }
}

function flattenValue(
  ctx: FlattenContext,
  value: unknown,
  node: RuleNode | null,
  path: Part[],
  key: string,
  rulePath: string[],
  pointer: string,
): void {
  const rule = node?.rule ?? RULE_NONE;
  if (rule === RULE_OMIT) return;
  const isArray = Array.isArray(value);
  if (
    rule === RULE_WHOLE ||
    !(isArray || isObject(value)) ||
    (isArray && value.some((item) => !isObject(item)))
  ) {
    ctx.flat.set(key, { parts: path, value });
  } else if (isArray) {
    if (value.length > 0)
      flattenList(ctx, value as Record<string, unknown>[], node, path, key, rulePath, pointer);
  } else if (Object.keys(value as object).length > 0) {
    flattenObject(ctx, value as Record<string, unknown>, node, path, key, rulePath, pointer);
  }
}

function flattenList(
  ctx: FlattenContext,
  list: Record<string, unknown>[],
  node: RuleNode | null,
  path: Part[],
  key: string,
  rulePath: string[],
  pointer: string,
): void {
  const strategy = node?.strategy ?? 0;
  const seen = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const item = list[i]!;
    const hasId = Object.hasOwn(item, 'id');
    const idValue = hasId ? item.id : null;
    const identifier = hasId ? idValue : freshIdentifier();
    const defaultKey = new IdValue(pyStr(identifier), identifier, idValue);
    let newKey = defaultKey;
    if (strategy === STRATEGY_APPEND && hasId) {
      const fresh = freshIdentifier();
      newKey = new IdValue(fresh, fresh, idValue);
    } else if (strategy === STRATEGY_BY_POSITION) newKey = new IdValue(String(i), i, idValue);

    const first = seen.get(defaultKey.str);
    if (first === undefined) seen.set(defaultKey.str, i);
    else if (first !== i) {
      ctx.findings.push(
        duplicateIdFinding(ctx.release, pointer + pointerPart(i), rulePath, defaultKey.str, idValue),
      );
    }
    if (Object.keys(item).length > 0) {
      flattenObject(
        ctx,
        item,
        node,
        [...path, newKey],
        extendKey(key, newKey.str),
        rulePath,
        pointer + pointerPart(i),
      );
    }
  }
}

function flatten(release: IndexedRelease, root: RuleNode, findings: MergeFinding[]): Flat {
  const ctx: FlattenContext = { flat: new Map(), findings, release };
  // ocds-merge pops `tag` before flattening (before OCDS 1.1.4 the schema did not omit it).
  flattenObject(ctx, release.release, root, [], '', [], '', 'tag');
  return ctx.flat;
}

/** ocds-merge's `unflatten`: rebuilds the JSON object from the paths, in their order. */
function unflatten(flat: Flat): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const items = new Map<string, Record<string, unknown>>();
  for (const { parts, value } of flat.values()) {
    let current: unknown = out;
    let prefix = '';
    for (let end = 1; end <= parts.length; end++) {
      const part = parts[end - 1]!;
      const shown = (): string =>
        parts
          .slice(0, end - 1)
          .map(partStr)
          .join('/');
      if (part instanceof IdValue) {
        const hash = pyHashKey(part.identifier);
        if (hash === undefined)
          throw new UnhashableIdValueError(shown().replaceAll('/', '.'), part.identifier);
        const itemKey = `${prefix}\u0001${hash}`;
        let item = items.get(itemKey);
        if (!item) {
          item = {};
          if (part.original !== null && part.original !== undefined) item.id = copyJson(part.original);
          items.set(itemKey, item);
          if (!Array.isArray(current)) {
            throw new InconsistentTypeError(
              `An earlier release had the object ${pyRepr(current)} for /${shown()}, but the current release has an array`,
              shown(),
            );
          }
          current.push(item);
        }
        current = item;
      } else if (!isObject(current)) {
        throw new InconsistentTypeError(
          `An earlier release had the value ${pyRepr(current)} for /${shown()}, but the current release has an object with a ${pyRepr(part)} key`,
          shown(),
        );
      } else if (Object.hasOwn(current, part)) {
        current = current[part];
      } else if (end < parts.length) {
        const next: unknown = parts[end] instanceof IdValue ? [] : {};
        setOwn(current, part, next);
        current = next;
      } else if (value !== null && value !== undefined) {
        setOwn(current, part, copyJson(value));
      }
      prefix = extendKey(prefix, partStr(part));
    }
  }
  return out;
}

const field = (release: Record<string, unknown>, k: string): unknown =>
  Object.hasOwn(release, k) ? release[k] : null;

/** ocds-merge `CompiledRelease`: `tag`, `id` (`{ocid}-{date}`), `date`, `ocid` of the latest release, then the fields. */
export function compileReference(
  sorted: readonly IndexedRelease[],
  root: RuleNode,
): { compiled: Record<string, unknown>; findings: MergeFinding[] } {
  const findings: MergeFinding[] = [];
  const data: Flat = new Map([[extendKey('', 'tag'), { parts: ['tag'], value: ['compiled'] }]]);
  const put = (k: string, value: unknown): void => {
    const key = extendKey('', k);
    const known = data.get(key);
    if (known) known.value = value;
    else data.set(key, { parts: [k], value });
  };
  for (const r of sorted) {
    const ocid = field(r.release, 'ocid');
    const date = field(r.release, 'date');
    const flat = flatten(r, root, findings);
    put('id', `${pyStr(ocid)}-${pyStr(date)}`);
    put('date', date);
    // In OCDS 1.0, `ocid` sets "mergeStrategy": "ocdsOmit", so it is set here, not merged.
    put('ocid', ocid);
    for (const [key, entry] of flat) {
      const known = data.get(key);
      if (known) known.value = entry.value;
      else data.set(key, entry);
    }
  }
  return { compiled: unflatten(data), findings };
}

/** ocds-merge `VersionedRelease`: the plain `ocid`, then each field's history of changes. */
export function versionReference(
  sorted: readonly IndexedRelease[],
  root: RuleNode,
): { versioned: Record<string, unknown>; findings: MergeFinding[] } {
  const findings: MergeFinding[] = [];
  const data: Flat = new Map();
  const ocidKey = extendKey('', 'ocid');
  for (const r of sorted) {
    const releaseID = field(r.release, 'id');
    const releaseDate = field(r.release, 'date');
    const releaseTag = field(r.release, 'tag');
    const flat = flatten(r, root, findings);
    flat.delete(ocidKey); // "Don't version the OCID."
    const known = data.get(ocidKey);
    if (known) known.value = field(r.release, 'ocid');
    else data.set(ocidKey, { parts: ['ocid'], value: field(r.release, 'ocid'), plain: true });
    for (const [key, entry] of flat) {
      const history = data.get(key);
      if (
        history &&
        (history.plain || pyEquals(entry.value, (history.value as { value: unknown }[]).at(-1)!.value))
      ) {
        continue;
      }
      const version = { releaseID, releaseDate, releaseTag, value: entry.value };
      if (history) (history.value as unknown[]).push(version);
      else data.set(key, { parts: entry.parts, value: [version] });
    }
  }
  return { versioned: unflatten(data), findings };
}
