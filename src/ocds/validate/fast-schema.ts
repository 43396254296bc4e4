// A copy of the schema for the fast yes/no pass: the same verdict on every value, cheaper to reach.
// The all-errors pass keeps the original schema, so its error reports are ajv's own.
//
// 1. Language variants. OCDS 1.1 declares `title_fr`, `description_cy`, … with `patternProperties` whose patterns
//    are long BCP 47 regexes and whose subschemas are just `{"type": ["string", "null"]}` (one adds minLength 1).
//    ajv tests every key of such objects against every pattern: about half of all validation time on Contracts
//    Finder releases. A value that satisfies a pattern's subschema cannot fail it whatever its key is, so the
//    replacement keyword only runs a regex for a key whose value would fail that subschema.
// 2. uniqueItems. OCDS puts it on ~70 arrays, most of objects (parties, items, documents…), which ajv checks by
//    pairwise deep equality. Objects with different `id`s cannot be equal, so distinct ids settle it in one pass;
//    otherwise the replacement compares pairs with the same deep equality as ajv (fast-deep-equal on JSON values).
import type { JsonObject } from '../types.js';

export const FAST_PATTERN_KEYWORD = 'x-fastPatternProperties';
export const FAST_UNIQUE_KEYWORD = 'x-fastUniqueItems';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

type Predicate = (value: unknown) => boolean;

const KNOWN_TYPES = new Set(['string', 'null', 'number', 'integer', 'boolean', 'object', 'array']);
const ANNOTATIONS = new Set(['title', 'description']);

// JSON Schema counts string length in code points (ajv's ucs2length), not UTF-16 units.
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
    else {
      n++;
      i++;
    }
  }
  return n;
}

/** A predicate equal to the subschema when it only uses `type` and `minLength` (and annotations); else undefined. */
function simplePredicate(sub: unknown): Predicate | undefined {
  if (!isObject(sub)) return undefined;
  const { type, minLength, ...rest } = sub as JsonObject;
  if (Object.keys(rest).some((k) => !ANNOTATIONS.has(k))) return undefined;
  const types = type === undefined ? [...KNOWN_TYPES] : Array.isArray(type) ? type : [type];
  if (!types.every((t) => typeof t === 'string' && KNOWN_TYPES.has(t))) return undefined;
  if (minLength !== undefined && (typeof minLength !== 'number' || minLength < 0)) return undefined;
  const min = minLength ?? 0;
  const allows = new Set(types as string[]);
  const string = allows.has('string');
  const nul = allows.has('null');
  const number = allows.has('number');
  const integer = allows.has('integer');
  const boolean = allows.has('boolean');
  const object = allows.has('object');
  const array = allows.has('array');
  return (v) => {
    switch (typeof v) {
      case 'string':
        return string && (min === 0 || (v.length >= min && codePoints(v) >= min));
      case 'number':
        return number || (integer && Number.isInteger(v));
      case 'boolean':
        return boolean;
      case 'object':
        return v === null ? nul : Array.isArray(v) ? array : object;
      default:
        return false;
    }
  };
}

/** The fast `patternProperties`: regexes compiled as ajv compiles them (`u` flag, ajv's default unicodeRegExp). */
export function compileFastPatternProperties(schema: Record<string, unknown>): (data: unknown) => boolean {
  // Patterns with the same subschema share one predicate call per key.
  const groups = new Map<string, { ok: Predicate; res: RegExp[] }>();
  for (const [pattern, sub] of Object.entries(schema)) {
    const id = JSON.stringify(sub);
    let group = groups.get(id);
    if (!group) {
      group = { ok: simplePredicate(sub) as Predicate, res: [] };
      groups.set(id, group);
    }
    group.res.push(new RegExp(pattern, 'u'));
  }
  const list = [...groups.values()];
  return (data) => {
    if (!isObject(data)) return true;
    for (const key in data) {
      const value = data[key];
      for (const { ok, res } of list) {
        if (ok(value)) continue; // passes these patterns' subschema, whatever the key
        for (const re of res) if (re.test(key)) return false;
      }
    }
    return true;
  };
}

/** Deep equality of JSON values, as fast-deep-equal (ajv's `uniqueItems`) decides it for parsed JSON. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  for (const k of ka)
    if (!Object.prototype.hasOwnProperty.call(rb, k) || !jsonEqual(ra[k], rb[k])) return false;
  return true;
}

/** The fast `uniqueItems: true`. */
export function fastUniqueItems(data: unknown): boolean {
  if (!Array.isArray(data) || data.length < 2) return true;
  const seen = new Set<unknown>();
  let settled = true;
  for (const item of data) {
    // A primitive stands for itself; an object with a string/number id is distinct from any object whose id
    // differs (the id is part of the deep comparison). Anything else needs the pairwise comparison.
    let key: unknown;
    if (typeof item !== 'object' || item === null) key = typeof item === 'string' ? `s${item}` : item;
    else if (!Array.isArray(item) && typeof (item as { id?: unknown }).id === 'string')
      key = `i${(item as { id: string }).id}`;
    else if (!Array.isArray(item) && typeof (item as { id?: unknown }).id === 'number')
      key = `n${(item as { id: number }).id}`;
    else {
      settled = false;
      break;
    }
    if (seen.has(key)) {
      settled = false;
      break;
    }
    seen.add(key);
  }
  if (settled) return true;
  for (let i = 1; i < data.length; i++)
    for (let j = 0; j < i; j++) if (jsonEqual(data[i], data[j])) return false;
  return true;
}

const SCHEMA_MAPS = new Set(['properties', 'definitions', 'patternProperties']);
const SCHEMA_VALUES = new Set(['items', 'additionalItems', 'additionalProperties', 'not']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);

/**
 * Returns a copy of `schema` with simple `patternProperties` and `uniqueItems: true` swapped for the fast keywords.
 * Walks schema positions only (a property named `patternProperties` is data, not a keyword).
 */
export function toFastSchema(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (
      key === 'patternProperties' &&
      isObject(value) &&
      Object.values(value).every((s) => simplePredicate(s))
    ) {
      out[FAST_PATTERN_KEYWORD] = value;
    } else if (key === 'uniqueItems' && value === true) {
      out[FAST_UNIQUE_KEYWORD] = true;
    } else if (SCHEMA_MAPS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toFastSchema(v)]));
    } else if (SCHEMA_VALUES.has(key)) {
      out[key] = Array.isArray(value) ? value.map(toFastSchema) : toFastSchema(value);
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map(toFastSchema);
    } else {
      out[key] = value;
    }
  }
  return out;
}
