// Open codelists: the schema allows any string, but OCDS asks publishers to use a listed code when one fits
// (OCDS 1.1 "Codelists": open codelists may be extended). lib-cove-ocds reports such values as "additional codelist
// values", not errors; we report them as `codelist` warnings. Closed codelists are `enum`s in the schema, so ajv
// reports those (as errors).
//
// The check is compiled once from the schema into a walker that only descends into the branches that lead to an
// open-codelist field, so it costs little on a release without such fields.
import type { Codelists } from '../schema/index.js';
import type { Finding, JsonObject } from '../types.js';
import { truncateValue } from './messages.js';

// `path` holds the pointer's segments while walking; the pointer string is only built for a finding.
type Check = (data: unknown, path: (string | number)[], out: Finding[]) => void;

const pointerOf = (path: readonly (string | number)[]): string =>
  path.map((p) => `/${typeof p === 'number' ? p : escapePointer(p)}`).join('');

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

function leafCheck(file: string, codelists: Codelists): Check {
  const list = codelists.get(file);
  const name = file.replace(/\.csv$/, '');
  if (!list) {
    // A schema field naming a codelist we do not have: nothing to compare against (reported by the schema tests).
    return () => undefined;
  }
  const byLowerCase = new Map<string, string>();
  for (const code of list.codes) byLowerCase.set(code.toLowerCase(), code);
  const one = (value: unknown, path: (string | number)[], out: Finding[]): void => {
    if (typeof value !== 'string' || list.codes.has(value)) return;
    const pointer = pointerOf(path);
    const since = list.deprecated.get(value);
    const near = byLowerCase.get(value.trim().toLowerCase());
    const advice = since
      ? `, which OCDS ${since} deprecated in the ${name} codelist`
      : `, which is not in the open ${name} codelist${near ? ` (did you mean ${JSON.stringify(near)}?)` : ''}`;
    out.push({
      pointer,
      keyword: 'codelist',
      severity: 'warning',
      message: `\`${pointer}\` is ${JSON.stringify(truncateValue(value))}${advice}.`,
      value: truncateValue(value),
    });
  };
  return (data, path, out) => {
    if (!Array.isArray(data)) return one(data, path, out);
    for (let i = 0; i < data.length; i++) {
      path.push(i);
      one(data[i], path, out);
      path.pop();
    }
  };
}

/** Compiles the open-codelist check of `schema` (local `#/definitions/…` refs; recursion-safe). */
export function compileCodelistCheck(
  schema: JsonObject,
  codelists: Codelists,
): (release: unknown, out: Finding[]) => void {
  const memo = new Map<object, Check | null>();
  const inProgress = new Set<object>();

  const resolve = (ref: string): unknown => {
    if (!ref.startsWith('#/')) return undefined;
    let node: unknown = schema;
    for (const part of ref.slice(2).split('/')) {
      node = isObject(node) ? node[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
    }
    return node;
  };

  const compile = (node: unknown): Check | null => {
    if (!isObject(node)) return null;
    if (memo.has(node)) return memo.get(node) ?? null;
    if (inProgress.has(node)) {
      // A recursive schema: look the finished check up when it runs.
      return (data, path, out) => memo.get(node)?.(data, path, out);
    }
    inProgress.add(node);
    const checks: Check[] = [];
    if (typeof node.$ref === 'string') {
      const target = compile(resolve(node.$ref));
      if (target) checks.push(target);
    }
    if (typeof node.codelist === 'string' && node.openCodelist === true) {
      checks.push(leafCheck(node.codelist, codelists));
    } else {
      if (isObject(node.properties)) {
        for (const [key, sub] of Object.entries(node.properties)) {
          const child = compile(sub);
          if (!child) continue;
          checks.push((data, path, out) => {
            if (!isObject(data)) return;
            const value = data[key];
            if (value === undefined) return;
            path.push(key);
            child(value, path, out);
            path.pop();
          });
        }
      }
      if (isObject(node.items)) {
        const child = compile(node.items);
        if (child) {
          checks.push((data, path, out) => {
            if (!Array.isArray(data)) return;
            for (let i = 0; i < data.length; i++) {
              path.push(i);
              child(data[i], path, out);
              path.pop();
            }
          });
        }
      }
    }
    inProgress.delete(node);
    const check: Check | null =
      checks.length === 0
        ? null
        : checks.length === 1
          ? (checks[0] as Check)
          : (data, path, out) => {
              for (const c of checks) c(data, path, out);
            };
    memo.set(node, check);
    return check;
  };

  const root = compile(schema);
  return (release, out) => root?.(release, [], out);
}
