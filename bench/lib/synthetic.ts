// Deterministic scaling of the real sample to any number of releases, for benchmarks only.
// Copy k of a real release gets: ocid and id suffixed `-synK` (so the ocid groups of the real data are kept,
// many times over), organisation ids, identifiers and names rewritten to one of `orgVariants` synthetic variants,
// and every date shifted by a whole number of days. The output is SYNTHETIC and is always ingested with
// --synthetic (stored with synthetic = true, shown as such); the demo never uses it.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(T.*)?$/;
const ORG_REF_KEYS = new Set(['buyer', 'procuringEntity', 'payer', 'payee']);
const ORG_LIST_KEYS = new Set(['parties', 'suppliers', 'tenderers']);

/** Real releases from a folder of the shapes data/sample holds (JSON Lines of releases or packages, packages). */
export function loadRealReleases(dir: string): Record<string, Json>[] {
  const out: Record<string, Json>[] = [];
  const take = (doc: Json) => {
    if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return;
    if (Array.isArray(doc.releases)) {
      for (const r of doc.releases)
        if (r && typeof r === 'object' && !Array.isArray(r) && 'ocid' in r) out.push(r);
    } else if ('ocid' in doc && 'date' in doc) out.push(doc);
  };
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.jsonl')) {
        for (const line of readFileSync(p, 'utf8').split('\n'))
          if (line.trim()) take(JSON.parse(line) as Json);
      } else if (name.endsWith('.json')) take(JSON.parse(readFileSync(p, 'utf8')) as Json);
    }
  };
  walk(dir);
  return out.filter((r) => typeof r.date === 'string' && typeof r.ocid === 'string');
}

function shiftDate(s: string, days: number): string {
  const m = ISO_DATE.exec(s);
  if (!m) return s;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + days * 86_400_000);
  return `${d.toISOString().slice(0, 10)}${m[4] ?? ''}`;
}

function rewriteOrg(org: Json, v: number): Json {
  if (!org || typeof org !== 'object' || Array.isArray(org)) return org;
  const o: Record<string, Json> = { ...org };
  if (typeof o.id === 'string') o.id = `${o.id}-syn${v}`;
  if (typeof o.name === 'string') o.name = `${o.name} (synthetic ${v})`;
  if (o.identifier && typeof o.identifier === 'object' && !Array.isArray(o.identifier)) {
    const id = o.identifier as Record<string, Json>;
    o.identifier = {
      ...id,
      ...(typeof id.id === 'string' || typeof id.id === 'number' ? { id: `${id.id}S${v}` } : {}),
    };
  }
  return o;
}

function rewrite(value: Json, days: number, v: number, key = ''): Json {
  if (typeof value === 'string') return shiftDate(value, days);
  if (Array.isArray(value)) {
    const items = value.map((x) => rewrite(x, days, v));
    return ORG_LIST_KEYS.has(key) ? items.map((x) => rewriteOrg(x, v)) : items;
  }
  if (value && typeof value === 'object') {
    const o: Record<string, Json> = {};
    for (const [k, x] of Object.entries(value)) o[k] = rewrite(x, days, v, k);
    return ORG_REF_KEYS.has(key) ? rewriteOrg(o, v) : o;
  }
  return value;
}

/** The i-th synthetic release (deterministic in i, the base set and orgVariants). */
export function syntheticRelease(
  base: Record<string, Json>[],
  i: number,
  orgVariants = 5000,
): Record<string, Json> {
  const template = base[i % base.length]!;
  const copy = Math.floor(i / base.length);
  const v = copy % orgVariants;
  const days = (copy * 7) % 3650;
  const r = rewrite(template, days, v) as Record<string, Json>;
  r.ocid = `${String(template.ocid)}-syn${copy}`;
  r.id = `${String(template.id)}-syn${copy}`;
  return r;
}

/** Yields `count` synthetic releases as JSON Lines text chunks. */
export function* syntheticLines(
  base: Record<string, Json>[],
  count: number,
  chunk = 1000,
): Generator<string> {
  for (let i = 0; i < count; i += chunk) {
    const lines: string[] = [];
    for (let j = i; j < Math.min(count, i + chunk); j++)
      lines.push(JSON.stringify(syntheticRelease(base, j)));
    yield `${lines.join('\n')}\n`;
  }
}
