// Merge rules derived from a release schema, as ocds-merge derives them (ocdsmerge/rules.py `_get_merge_rules`):
// - `omitWhenMerged: true` (or 1.0's `"mergeStrategy": "ocdsOmit"`) drops the field, and supersedes everything else;
// - an array with `wholeListMerge: true` (or 1.0's `"mergeStrategy": "ocdsVersion"`) is replaced whole, and its
//   items' own rules are ignored;
// - an object with `properties` is merged field by field;
// - an array whose `items` are not only objects, or are objects without an `id` property, is replaced whole;
// - an array of objects with an `id` property is merged by `id` ("identifier merge");
// - a property without `type` gets no rule, even if it has `properties` (as in ocds-merge).
// `versionId` is listed but, as in ocds-merge 0.5+, it changes nothing: the `id` of an object outside an array is
// versioned anyway, and the `id` of an object in an array never is (ocds-merge changelog 0.5).
//
// `$ref`s are resolved inside the schema, as jsonref's `replace_refs` does (sibling keywords of `$ref` are ignored).
// A schema whose references form a cycle (Organization.parent → Organization) gives a cyclic rule graph: a rule
// applies at every depth, where ocds-merge would recurse without end. Rules are computed once per schema object.
import { SchemaRefError } from './errors.js';
import { isObject } from './python-semantics.js';

export const RULE_NONE = 0;
export const RULE_OMIT = 1;
export const RULE_WHOLE = 2;

export const STRATEGY_DEFAULT = 0;
export const STRATEGY_APPEND = 1;
export const STRATEGY_BY_POSITION = 2;

/** One field path in the rule graph: its rule, the override for an array at this path, its sub-fields' rules. */
export interface RuleNode {
  rule: number;
  strategy: number;
  /** Rules of the sub-fields (of the object, or of the objects in the array); null when none has a rule. */
  children: Map<string, RuleNode> | null;
  /** Informational: an array of objects merged by `id`. */
  identifierMerge?: boolean;
  /** Informational: the schema sets `versionId: true` here. */
  versionId?: boolean;
}

/** `ocdsmerge.APPEND`: keep every object of the array. `ocdsmerge.MERGE_BY_POSITION`: merge by index, not `id`. */
export type MergeStrategy = 'append' | 'mergeByPosition';
export const APPEND: MergeStrategy = 'append';
export const MERGE_BY_POSITION: MergeStrategy = 'mergeByPosition';

/** Per-path overrides for arrays of bad publishers, keyed by the dotted field path (`contracts.implementation.milestones`). */
export type RuleOverrides = Readonly<Record<string, MergeStrategy>>;

export type MergeRuleName = 'omitWhenMerged' | 'wholeListMerge';

export interface MergeRules {
  /** The rule graph the merge walks alongside the data. */
  readonly root: RuleNode;
  /** Dotted paths, as ocds-merge's `get_merge_rules` keys (listed down to the first repetition of a `$ref` cycle). */
  readonly omitWhenMerged: readonly string[];
  readonly wholeListMerge: readonly string[];
  /** Arrays of objects with an `id`, merged by `id`. */
  readonly identifierMerge: readonly string[];
  /** Fields with `versionId: true` (informational; see the header). */
  readonly versionId: readonly string[];
  /** True when the schema's references form a cycle, so rules repeat at every depth. */
  readonly recursive: boolean;
  /** The rule at a field path (array indexes left out), as ocds-merge's rule dict would answer. */
  get(path: readonly string[]): MergeRuleName | undefined;
}

/** Python truthiness of a JSON value (`[]` and `{}` are false). */
const truthy = (v: unknown): boolean =>
  Array.isArray(v) ? v.length > 0 : isObject(v) ? Object.keys(v).length > 0 : Boolean(v);

function typesOf(prop: unknown): readonly unknown[] {
  if (!isObject(prop) || !Object.hasOwn(prop, 'type')) return [];
  const t = prop.type;
  return typeof t === 'string' ? [t] : Array.isArray(t) ? t : [];
}

function makeResolver(schema: Record<string, unknown>): (v: unknown) => unknown {
  const base = [schema.id, schema.$id].filter((x): x is string => typeof x === 'string');
  const follow = (ref: string): unknown => {
    const hash = ref.indexOf('#');
    const doc = hash < 0 ? ref : ref.slice(0, hash);
    if (doc !== '' && !base.includes(doc)) throw new SchemaRefError(ref);
    const fragment = hash < 0 ? '' : decodeURIComponent(ref.slice(hash + 1));
    if (fragment !== '' && !fragment.startsWith('/')) throw new SchemaRefError(ref);
    let node: unknown = schema;
    for (const raw of fragment === '' ? [] : fragment.slice(1).split('/')) {
      const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
      if (Array.isArray(node)) node = node[Number(key)];
      else if (isObject(node) && Object.hasOwn(node, key)) node = node[key];
      else throw new SchemaRefError(ref);
    }
    return node;
  };
  return (v) => {
    const seen = new Set<string>();
    while (isObject(v) && typeof v.$ref === 'string') {
      if (seen.has(v.$ref)) throw new SchemaRefError(v.$ref);
      seen.add(v.$ref);
      v = follow(v.$ref);
    }
    return v;
  };
}

function buildGraph(schema: Record<string, unknown>): RuleNode {
  const resolve = makeResolver(schema);
  const memo = new Map<object, Map<string, RuleNode>>();

  const childrenOf = (properties: Record<string, unknown>): Map<string, RuleNode> => {
    const known = memo.get(properties);
    if (known) return known;
    const map = new Map<string, RuleNode>();
    memo.set(properties, map); // before recursing, so that a reference cycle links back to this map
    for (const key of Object.keys(properties)) {
      const value = resolve(properties[key]);
      if (!isObject(value)) continue;
      const node = nodeOf(value);
      if (truthy(value.versionId)) node.versionId = true;
      map.set(key, node);
    }
    return map;
  };
  const propertiesOf = (v: unknown): Record<string, unknown> | undefined => {
    const p = resolve(v);
    return isObject(p) ? p : undefined;
  };
  const nodeOf = (value: Record<string, unknown>): RuleNode => {
    const node: RuleNode = { rule: RULE_NONE, strategy: STRATEGY_DEFAULT, children: null };
    const types = typesOf(value);
    if (truthy(value.omitWhenMerged) || value.mergeStrategy === 'ocdsOmit') node.rule = RULE_OMIT;
    else if (
      types.includes('array') &&
      (truthy(value.wholeListMerge) || value.mergeStrategy === 'ocdsVersion')
    ) {
      node.rule = RULE_WHOLE;
    } else if (types.includes('object') && Object.hasOwn(value, 'properties')) {
      const props = propertiesOf(value.properties);
      if (props) node.children = childrenOf(props);
    } else if (types.includes('array') && Object.hasOwn(value, 'items')) {
      const items = resolve(value.items);
      const itemTypes = typesOf(items);
      if (itemTypes.some((t) => t !== 'object')) node.rule = RULE_WHOLE;
      else if (itemTypes.includes('object') && isObject(items) && Object.hasOwn(items, 'properties')) {
        const props = propertiesOf(items.properties);
        if (!props || !Object.hasOwn(props, 'id')) node.rule = RULE_WHOLE;
        else {
          node.children = childrenOf(props);
          node.identifierMerge = true;
        }
      }
    }
    return node;
  };

  const root = resolve(schema);
  const props = isObject(root) ? propertiesOf(root.properties) : undefined;
  return { rule: RULE_NONE, strategy: STRATEGY_DEFAULT, children: props ? childrenOf(props) : new Map() };
}

interface Listing {
  omitWhenMerged: string[];
  wholeListMerge: string[];
  identifierMerge: string[];
  versionId: string[];
  recursive: boolean;
}

function list(root: RuleNode): Listing {
  const out: Listing = {
    omitWhenMerged: [],
    wholeListMerge: [],
    identifierMerge: [],
    versionId: [],
    recursive: false,
  };
  const onPath = new Set<Map<string, RuleNode>>();
  const walk = (map: Map<string, RuleNode>, prefix: string): void => {
    if (onPath.has(map)) {
      out.recursive = true;
      return;
    }
    onPath.add(map);
    for (const [key, node] of map) {
      const path = prefix + key;
      if (node.rule === RULE_OMIT) out.omitWhenMerged.push(path);
      if (node.rule === RULE_WHOLE) out.wholeListMerge.push(path);
      if (node.identifierMerge) out.identifierMerge.push(path);
      if (node.versionId) out.versionId.push(path);
      if (node.children) walk(node.children, `${path}.`);
    }
    onPath.delete(map);
  };
  if (root.children) walk(root.children, '');
  return out;
}

/** Drops the parts of the graph under which no field has a rule, so the merge can stop looking rules up there. */
function prune(root: RuleNode): void {
  const maps = new Set<Map<string, RuleNode>>();
  const collect = (m: Map<string, RuleNode>): void => {
    if (maps.has(m)) return;
    maps.add(m);
    for (const n of m.values()) if (n.children) collect(n.children);
  };
  if (root.children) collect(root.children);
  const live = new Set<Map<string, RuleNode>>();
  for (let changed = true; changed;) {
    changed = false;
    for (const m of maps) {
      if (live.has(m)) continue;
      for (const n of m.values()) {
        if (n.rule !== RULE_NONE || (n.children && live.has(n.children))) {
          live.add(m);
          changed = true;
          break;
        }
      }
    }
  }
  for (const m of maps) {
    for (const [key, n] of m) {
      if (n.children && !live.has(n.children)) n.children = null;
      if (n.rule === RULE_NONE && !n.children) m.delete(key);
    }
  }
  if (root.children && !live.has(root.children)) root.children = null;
}

const cache = new WeakMap<object, MergeRules>();

/**
 * The merge rules of a release schema (a `$ref`-style schema with `definitions`, or a dereferenced one), computed
 * once per schema object. Unlike ocds-merge, no URL is fetched: pass the (extension-patched) schema itself.
 */
export function getMergeRules(schema: Readonly<Record<string, unknown>>): MergeRules {
  const known = cache.get(schema);
  if (known) return known;
  const root = buildGraph(schema as Record<string, unknown>);
  const listing = list(root);
  prune(root);
  const rules: MergeRules = {
    root,
    ...listing,
    get(path) {
      let node: RuleNode | undefined = root;
      for (const key of path) {
        node = node.children?.get(key);
        if (!node) return undefined;
      }
      return node.rule === RULE_OMIT
        ? 'omitWhenMerged'
        : node.rule === RULE_WHOLE
          ? 'wholeListMerge'
          : undefined;
    },
  };
  cache.set(schema, rules);
  return rules;
}

const overlays = new WeakMap<MergeRules, Map<string, RuleNode>>();

/** The rule graph with per-path strategy overrides laid over it (the shared graph is not changed). */
export function ruleRoot(rules: MergeRules, overrides?: RuleOverrides): RuleNode {
  if (!overrides) return rules.root;
  const entries = Object.entries(overrides).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return rules.root;
  const cacheKey = JSON.stringify(entries);
  let byKey = overlays.get(rules);
  const known = byKey?.get(cacheKey);
  if (known) return known;

  const copies = new WeakSet<RuleNode>();
  const copy = (n: RuleNode): RuleNode => {
    const c: RuleNode = { ...n, children: new Map(n.children ?? []) };
    copies.add(c);
    return c;
  };
  const root = copy(rules.root);
  for (const [path, strategy] of entries) {
    let node = root;
    for (const key of path.split('.')) {
      const children = node.children!;
      let child = children.get(key);
      if (!child || !copies.has(child)) {
        child = child ? copy(child) : copy({ rule: RULE_NONE, strategy: STRATEGY_DEFAULT, children: null });
        children.set(key, child);
      }
      node = child;
    }
    node.strategy = strategy === 'append' ? STRATEGY_APPEND : STRATEGY_BY_POSITION;
  }
  if (!byKey) overlays.set(rules, (byKey = new Map()));
  byKey.set(cacheKey, root);
  return root;
}
