// Regions (domain.md §6.3): FTS and PCS send NUTS-2016-style UK codes (`UKC21`, delivery regions sometimes at
// level 2, `UKC2`); ITL (from 2021) reuses them with a `TL` prefix; Contracts Finder sends region *names*
// ("Yorkshire and the Humber", "England"). The code length gives the level. We keep the code as published and add
// both prefixes; ITL boundary changes in some areas are not applied (data/reference/SOURCES.md).
import { parseCsv } from './csv.js';

/** NUTS 2016 UK codes (`UK`, `UKC`, …, `UKC21`) → English name, from data/reference/uk-nuts2016-regions.csv. */
export type RegionList = ReadonlyMap<string, string>;

export interface Region {
  /** What the publisher sent, trimmed. */
  published: string;
  /** NUTS 2016 form with the `UK` prefix (`UKC21`), or null when the text is neither a code nor a known name. */
  nuts: string | null;
  /** The same code with the ITL `TL` prefix (`TLC21`), or null. */
  itl: string | null;
  /** 0 = UK, 1 = NUTS1/ITL1 (3 characters), 2 = NUTS2 (4), 3 = NUTS3 (5); null when not a code. */
  level: 0 | 1 | 2 | 3 | null;
  /** Whether the NUTS code is in the NUTS 2016 list (null when no list was given or no code was found). */
  known: boolean | null;
}

const CODE = /^(UK|TL)([C-NZ](?:[0-9A-Z](?:[0-9A-Z])?)?)?$/;

export function parseRegionList(csv: string): RegionList {
  const list = new Map<string, string>();
  for (const [code = '', name = ''] of parseCsv(csv).slice(1))
    if (code.trim()) list.set(code.trim(), name.trim());
  return list;
}

/** Region names compare without case, punctuation or a trailing "(England)": "North West" = "NORTH WEST (ENGLAND)". */
function nameKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/\(england\)/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const byNameCache = new WeakMap<RegionList, Map<string, string>>();

/** name → code, leaving out names that belong to more than one code (so a name match is never a guess). */
function codesByName(list: RegionList): Map<string, string> {
  let index = byNameCache.get(list);
  if (index) return index;
  index = new Map<string, string>();
  const clashes = new Set<string>();
  for (const [code, name] of list) {
    const key = nameKey(name);
    if (index.has(key)) clashes.add(key);
    index.set(key, code);
  }
  for (const key of clashes) index.delete(key);
  byNameCache.set(list, index);
  return index;
}

/**
 * Normalises a published region: a NUTS or ITL code in any case, or (with a list) a region name. Never throws;
 * null for empty input.
 */
export function normaliseRegion(value: unknown, list?: RegionList): Region | null {
  if (typeof value !== 'string') return null;
  const published = value.trim();
  if (published === '') return null;
  const compact = published.toUpperCase().replace(/\s+/g, '');
  const m = CODE.exec(compact);
  let body: string | null = null;
  if (m) body = m[2] ?? '';
  else if (list) {
    const code = codesByName(list).get(nameKey(published));
    if (code) body = code.slice(2);
  }
  if (body === null) return { published, nuts: null, itl: null, level: null, known: null };
  const nuts = `UK${body}`;
  return {
    published,
    nuts,
    itl: `TL${body}`,
    level: body.length as 0 | 1 | 2 | 3,
    known: list ? list.has(nuts) : null,
  };
}

/** The code at a coarser level (`UKC21` at level 1 → `UKC`), or null when the code is less precise than asked. */
export function regionAtLevel(code: string, level: 0 | 1 | 2 | 3): string | null {
  const length = 2 + level;
  return code.length >= length ? code.slice(0, length) : null;
}
