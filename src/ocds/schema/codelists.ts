// Codelists: the core 1.1.5 CSVs, patched by each applied extension in declaration order. An extension's
// `+name.csv` adds codes, `-name.csv` removes codes, `name.csv` is a new codelist or replaces one — the rules of the
// OCDS extension template, applied as lib-cove-ocds `SchemaOCDS.process_codelists` and ocdsextensionregistry
// `ProfileBuilder.patched_codelists` do.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '../../domain/csv.js';

/** One codelist: its current codes, and the deprecated ones (code → the version that deprecated it). */
export interface Codelist {
  codes: ReadonlySet<string>;
  deprecated: ReadonlyMap<string, string>;
}

/** Codelist file name (e.g. `partyRole.csv`) → the codelist. */
export type Codelists = ReadonlyMap<string, Codelist>;

interface MutableCodelist {
  codes: Set<string>;
  deprecated: Map<string, string>;
}

/**
 * Reads a codelist CSV: the `Code` column, minus rows whose `Deprecated` column is set (core 1.1 deprecated e.g.
 * awardCriteria `lowestCost`; the EU profile's patched codelists leave them out too).
 */
export function readCodelist(path: string): MutableCodelist {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const at = header?.indexOf('Code') ?? -1;
  if (at < 0) throw new Error(`codelist ${path} has no Code column`);
  const dep = header?.indexOf('Deprecated') ?? -1;
  const out: MutableCodelist = { codes: new Set(), deprecated: new Map() };
  for (const row of rows) {
    const code = row[at] ?? '';
    if (code === '') continue;
    const since = dep >= 0 ? (row[dep] ?? '') : '';
    if (since !== '') out.deprecated.set(code, since);
    else out.codes.add(code);
  }
  return out;
}

/** Reads every CSV of a folder as a codelist (the core standard's `codelists/`). */
export function readCodelistFolder(dir: string): Map<string, MutableCodelist> {
  const out = new Map<string, MutableCodelist>();
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.csv')) out.set(name, readCodelist(join(dir, name)));
  }
  return out;
}

/**
 * Applies one extension's codelist files (names as listed in its extension.json `codelists`) to `codelists`.
 * Returns the problems met (e.g. adding to a codelist that does not exist), for the extension report.
 */
export function patchCodelists(
  codelists: Map<string, MutableCodelist>,
  dir: string,
  names: readonly string[],
): string[] {
  const problems: string[] = [];
  for (const name of names) {
    const patch = readCodelist(join(dir, name));
    const sign = name[0];
    if (sign === '+' || sign === '-') {
      const base = name.slice(1);
      const existing = codelists.get(base);
      if (!existing) {
        problems.push(`${name} patches ${base}, which no earlier schema defines`);
        continue;
      }
      const next: MutableCodelist = {
        codes: new Set(existing.codes),
        deprecated: new Map(existing.deprecated),
      };
      for (const code of patch.codes) {
        if (sign === '+') {
          next.codes.add(code);
          next.deprecated.delete(code);
        } else next.codes.delete(code);
      }
      codelists.set(base, next);
    } else {
      codelists.set(name, patch);
    }
  }
  return problems;
}
