// The fast merge: one recursive walk per release over a tree of merge state, driven by the precomputed rule graph,
// then one walk to build the output. It produces what ocds-merge's flatten → dict.update → unflatten produces
// (merge-flat.ts is that algorithm, ported), by keeping what decides that output:
// - a field's position is where its path was first touched: a leaf keeps the position of its first (even null)
//   value; an object or array of objects is placed when its first sub-field is touched;
// - `null` is stored like a value and dropped at the end, so an object whose fields are all null stays as `{}`;
// - empty objects and arrays touch nothing (they neither create nor replace), unless `wholeListMerge` applies;
// - objects in an identifier-merge array are keyed by `str(id)`; an object with an `id` lists `id` first;
//   objects without `id` are always appended.
// When the data leaves the ground where the two are provably the same (a path that is a value in one release and
// an object in another in that order, an array in one and an object in another, ids equal as strings but not as
// values, boolean or object ids), the walk throws DECLINED and the caller runs the reference port instead.
import { duplicateIdFinding, type MergeFinding } from './finding.js';
import { numberStr, pyEquals, pyStr } from './python-semantics.js';
import { RULE_OMIT, RULE_WHOLE, STRATEGY_APPEND, STRATEGY_BY_POSITION, type RuleNode } from './rules.js';
import type { IndexedRelease } from './sort.js';

/** Thrown (not an Error: no stack to capture) when the data needs the reference port. */
export const DECLINED: unique symbol = Symbol('merge-tree declined');

const ID_NONE = 0;
const ID_STRING = 1;
const ID_NUMBER = 2;
const ID_NULL = 3;

class Entry {
  /** Compiled: the latest value (null included). Versioned: the history list. */
  leaf: unknown = null;
  hasLeaf = false;
  child: ObjectNode | ArrayNode | null = null;
  /** The path had a value before it had sub-fields. */
  leafFirst = false;
}

class ObjectNode {
  readonly entries = new Map<string, Entry>();
  /** For an object in an identifier-merge array: the `id` it was created with, written first. */
  presetId: unknown = null;
  hasPresetId = false;
  idKind = ID_NONE;
}

class ArrayNode {
  readonly byKey = new Map<string, ObjectNode>();
  readonly items: ObjectNode[] = [];
}

interface Version {
  releaseID: unknown;
  releaseDate: unknown;
  releaseTag: unknown;
  value: unknown;
}

interface Walk {
  versioned: boolean;
  findings: MergeFinding[];
  release: IndexedRelease;
  releaseID: unknown;
  releaseDate: unknown;
  releaseTag: unknown;
  /** Keys and indexes from the release root to the value being merged, for findings' pointers. */
  path: (string | number)[];
}

const isPlainObject = (v: unknown): boolean => typeof v === 'object' && v !== null && !Array.isArray(v);

function setLeaf(w: Walk, node: ObjectNode, key: string, value: unknown): void {
  let e = node.entries.get(key);
  if (e === undefined) {
    e = new Entry();
    node.entries.set(key, e);
  }
  if (!w.versioned) {
    e.leaf = value;
    e.hasLeaf = true;
    return;
  }
  const version: Version = {
    releaseID: w.releaseID,
    releaseDate: w.releaseDate,
    releaseTag: w.releaseTag,
    value,
  };
  if (!e.hasLeaf) {
    e.leaf = [version];
    e.hasLeaf = true;
  } else {
    const history = e.leaf as Version[];
    if (!pyEquals(history[history.length - 1]!.value, value)) history.push(version);
  }
}

/** Hangs a new, non-empty container on the entry for `key`, where the path had no container yet. */
function attach(
  w: Walk,
  node: ObjectNode,
  key: string,
  e: Entry | undefined,
  child: ObjectNode | ArrayNode,
): void {
  if (e === undefined) {
    e = new Entry();
    e.child = child;
    node.entries.set(key, e);
    return;
  }
  // The path was a value first: ocds-merge's unflatten would walk into that value, unless it ends up null.
  if (w.versioned) throw DECLINED;
  e.child = child;
  e.leafFirst = true;
  node.entries.delete(key); // the container takes the position where it was created
  node.entries.set(key, e);
}

function mergeValue(w: Walk, node: ObjectNode, key: string, value: unknown, rule: RuleNode | null): void {
  const kind = rule === null ? 0 : rule.rule;
  if (kind === RULE_OMIT) return;
  if (typeof value !== 'object' || value === null || kind === RULE_WHOLE) {
    setLeaf(w, node, key, value);
    return;
  }
  let e = node.entries.get(key);
  if (Array.isArray(value)) {
    const n = value.length;
    if (n === 0) return;
    for (let i = 0; i < n; i++) {
      if (!isPlainObject(value[i])) {
        setLeaf(w, node, key, value); // an array with any non-object is one value
        return;
      }
    }
    let target: ArrayNode;
    if (e !== undefined && e.child !== null) {
      if (!(e.child instanceof ArrayNode)) throw DECLINED;
      target = e.child;
    } else target = new ArrayNode();
    w.path.push(key);
    mergeItems(w, target, value as Record<string, unknown>[], rule);
    w.path.pop();
    if ((e === undefined || e.child === null) && target.items.length > 0) attach(w, node, key, e, target);
    return;
  }
  let target: ObjectNode;
  if (e !== undefined && e.child !== null) {
    if (!(e.child instanceof ObjectNode)) throw DECLINED;
    target = e.child;
  } else target = new ObjectNode();
  w.path.push(key);
  mergeObject(w, target, value as Record<string, unknown>, rule);
  w.path.pop();
  if ((e === undefined || e.child === null) && target.entries.size > 0)
    attach(w, node, key, (e = e ?? undefined), target);
}

function mergeObject(w: Walk, node: ObjectNode, obj: Record<string, unknown>, rule: RuleNode | null): void {
  const children = rule === null ? null : rule.children;
  if (children === null) {
    for (const key in obj) mergeValue(w, node, key, obj[key], null);
  } else {
    for (const key in obj) mergeValue(w, node, key, obj[key], children.get(key) ?? null);
  }
}

function mergeItems(w: Walk, arr: ArrayNode, list: Record<string, unknown>[], rule: RuleNode | null): void {
  const strategy = rule === null ? 0 : rule.strategy;
  const n = list.length;
  let seen: Set<string> | null = null;
  for (let i = 0; i < n; i++) {
    const item = list[i]!;
    const id = item.id;
    const hasId = id !== undefined;
    let idText = '';
    let idKind = ID_NONE;
    if (hasId) {
      if (typeof id === 'string') {
        idText = id;
        idKind = ID_STRING;
      } else if (typeof id === 'number') {
        idText = numberStr(id);
        idKind = ID_NUMBER;
      } else if (id === null) {
        idText = 'None';
        idKind = ID_NULL;
      } else throw DECLINED; // booleans equal numbers in Python; objects and arrays are unhashable
      if (n > 1) {
        if (seen === null) seen = new Set();
        if (seen.has(idText)) {
          const at = [...w.path, i]
            .map((p) => `/${String(p).replaceAll('~', '~0').replaceAll('/', '~1')}`)
            .join('');
          const fieldPath = w.path.filter((p): p is string => typeof p === 'string');
          w.findings.push(duplicateIdFinding(w.release, at, fieldPath, idText, id));
        } else seen.add(idText);
      }
    }

    let key: string | null = null;
    if (strategy === STRATEGY_BY_POSITION) key = String(i);
    else if (strategy !== STRATEGY_APPEND && hasId) key = idText;
    let target = key === null ? undefined : arr.byKey.get(key);
    if (target !== undefined) {
      if (strategy !== STRATEGY_BY_POSITION && target.idKind !== idKind) throw DECLINED; // '1' vs 1, 'None' vs null
      w.path.push(i);
      mergeObject(w, target, item, rule);
      w.path.pop();
      continue;
    }
    target = new ObjectNode();
    target.idKind = idKind;
    if (hasId && id !== null) {
      target.presetId = id;
      target.hasPresetId = true;
    }
    w.path.push(i);
    mergeObject(w, target, item, rule);
    w.path.pop();
    if (target.entries.size === 0) continue; // an empty object adds nothing
    if (key !== null) arr.byKey.set(key, target);
    arr.items.push(target);
  }
}

function setOut(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(out, key, { value, writable: true, enumerable: true, configurable: true });
  else out[key] = value;
}

function buildObject(node: ObjectNode, versioned: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const preset = node.hasPresetId;
  if (preset) out.id = node.presetId;
  for (const [key, e] of node.entries) {
    if (preset && key === 'id') continue; // unflatten set `id` first; the merged `id` path is not written
    const child = e.child;
    if (child !== null) {
      if (e.leafFirst && e.leaf !== null) throw DECLINED;
      setOut(
        out,
        key,
        child instanceof ObjectNode ? buildObject(child, versioned) : buildArray(child, versioned),
      );
    } else if (versioned || e.leaf !== null) setOut(out, key, e.leaf);
  }
  return out;
}

function buildArray(node: ArrayNode, versioned: boolean): Record<string, unknown>[] {
  const items = node.items;
  const out = new Array<Record<string, unknown>>(items.length);
  for (let i = 0; i < items.length; i++) out[i] = buildObject(items[i]!, versioned);
  return out;
}

const field = (release: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(release, key) ? release[key] : null;

function walkFor(release: IndexedRelease, versioned: boolean, findings: MergeFinding[]): Walk {
  const r = release.release;
  return {
    versioned,
    findings,
    release,
    releaseID: versioned ? field(r, 'id') : null,
    releaseDate: versioned ? field(r, 'date') : null,
    releaseTag: versioned ? field(r, 'tag') : null,
    path: [],
  };
}

/** Compiled release of releases already in date order. Throws DECLINED for data that needs the reference port. */
export function compileTree(
  sorted: readonly IndexedRelease[],
  root: RuleNode,
  findings: MergeFinding[],
): Record<string, unknown> {
  const top = new ObjectNode();
  const leaf = (key: string, value: unknown): Entry => {
    const e = new Entry();
    e.leaf = value;
    e.hasLeaf = true;
    top.entries.set(key, e);
    return e;
  };
  leaf('tag', ['compiled']);
  const children = root.children;
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i]!;
    const release = r.release;
    const ocid = field(release, 'ocid');
    const date = field(release, 'date');
    // ocds-merge sets these before merging each release's fields: `id` is `{ocid}-{date}` of the latest release;
    // `ocid` is set rather than merged because OCDS 1.0 marks it "mergeStrategy": "ocdsOmit".
    const idValue = `${typeof ocid === 'string' ? ocid : pyStr(ocid)}-${typeof date === 'string' ? date : pyStr(date)}`;
    if (i === 0) {
      leaf('id', idValue);
      leaf('date', date);
      leaf('ocid', ocid);
    } else {
      top.entries.get('id')!.leaf = idValue;
      top.entries.get('date')!.leaf = date;
      top.entries.get('ocid')!.leaf = ocid;
    }
    const w = walkFor(r, false, findings);
    for (const key in release) {
      if (key === 'tag') continue; // replaced by ["compiled"]
      mergeValue(w, top, key, release[key], children === null ? null : (children.get(key) ?? null));
    }
  }
  return buildObject(top, false);
}

/** Versioned release of releases already in date order. Throws DECLINED for data that needs the reference port. */
export function versionTree(
  sorted: readonly IndexedRelease[],
  root: RuleNode,
  findings: MergeFinding[],
): Record<string, unknown> {
  const top = new ObjectNode();
  let ocid: unknown = null;
  const children = root.children;
  for (const r of sorted) {
    const release = r.release;
    ocid = field(release, 'ocid'); // the `ocid` is not versioned: the latest one is kept, first
    const w = walkFor(r, true, findings);
    for (const key in release) {
      if (key === 'tag') continue; // it is each version's releaseTag
      const rule = children === null ? null : (children.get(key) ?? null);
      if (key === 'ocid') {
        // ocds-merge drops the flattened `ocid` path; an object or array of objects would leave sub-paths.
        const v = release[key];
        if (rule?.rule !== RULE_OMIT && rule?.rule !== RULE_WHOLE && typeof v === 'object' && v !== null) {
          if (!Array.isArray(v) || (v.length > 0 && v.every(isPlainObject))) throw DECLINED;
        }
        continue;
      }
      mergeValue(w, top, key, release[key], rule);
    }
  }
  const body = buildObject(top, true);
  if (sorted.length === 0) return body;
  if (ocid === null) return body;
  const out: Record<string, unknown> = { ocid };
  for (const key of Object.keys(body)) setOut(out, key, body[key]);
  return out;
}
