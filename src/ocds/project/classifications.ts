// Classification codes (CPV main and additional) from every place OCDS puts them (domain.md §6.2: FTS puts CPV in
// tender.items[].additionalClassifications, Contracts Finder in tender.classification).
import { cpvDivision, cpvLabel, isValidCpv, parseCpv, type CpvList } from '../../domain/cpv.js';
import type { ClassificationProjection } from '../../store/contract-model.types.js';
import { obj, objects, str, text, type Json } from './json.js';

interface Found {
  scheme: string;
  code: string;
  description: string | null;
  source: string;
  isValid: boolean | null;
}

type Place = { source: string; classification: Json | null; additional: Json[] };

/** A place from an object holding `classification` and `additionalClassifications`. */
const place = (source: string, holder: Json | null | undefined): Place => ({
  source,
  classification: obj(holder?.classification),
  additional: objects(holder?.additionalClassifications),
});

/** Where classifications are read, in this order (the first place a code appears is its `source`). */
function places(compiled: Json): Place[] {
  const tender = obj(compiled.tender);
  return [
    place('tender.classification', tender),
    ...objects(tender?.items).map((item) => place('tender.items', item)),
    ...objects(tender?.lots).map((lot) => place('tender.lots', lot)),
    ...objects(compiled.awards).flatMap((a) => objects(a.items).map((item) => place('awards.items', item))),
    ...objects(compiled.contracts).flatMap((c) =>
      objects(c.items).map((item) => place('contracts.items', item)),
    ),
  ];
}

function read(c: Json, source: string, cpvList: CpvList): Found | null {
  const scheme = str(c.scheme)?.toUpperCase().replace(/\s+/g, '');
  const rawCode = c.id;
  if (!scheme || rawCode === undefined || rawCode === null) return null;
  if (scheme === 'CPV') {
    const cpv = parseCpv(rawCode);
    if (!cpv) {
      const code = str(rawCode);
      return code ? { scheme, code, description: text(c.description), source, isValid: false } : null;
    }
    return {
      scheme,
      code: cpv.code,
      description: text(c.description) ?? cpvLabel(cpv.code, cpvList),
      source,
      isValid: isValidCpv(cpv, cpvList),
    };
  }
  const code = str(rawCode);
  return code ? { scheme, code, description: text(c.description), source, isValid: null } : null;
}

export interface Classifications {
  rows: ClassificationProjection[];
  /** The main CPV code (8 digits), or null. */
  cpvMain: string | null;
  /** Every CPV code, main first, in the order found. */
  cpvCodes: string[];
  cpvDivisions: string[];
}

/**
 * The main CPV code: `tender.classification` when it is CPV (Contracts Finder); else the first CPV code of the
 * first tender item (FTS lists the main code first); else the first CPV code found anywhere. Invalid codes are
 * stored (is_valid = false) but never chosen as main nor listed in process.cpv_codes.
 */
export function classifications(ocid: string, compiled: Json, cpvList: CpvList): Classifications {
  const found: Found[] = [];
  for (const place of places(compiled)) {
    for (const c of [place.classification, ...place.additional]) {
      const f = c ? read(c, place.source, cpvList) : null;
      if (f) found.push(f);
    }
  }
  const validCpv = found.filter((f) => f.scheme === 'CPV' && f.isValid !== false);
  const main = validCpv[0]?.code ?? null;
  const byKey = new Map<string, ClassificationProjection>();
  for (const f of found) {
    const key = `${f.scheme}\u0000${f.code}`;
    const seen = byKey.get(key);
    if (seen) {
      seen.description ??= f.description;
      continue;
    }
    byKey.set(key, {
      ocid,
      scheme: f.scheme,
      code: f.code,
      is_main: f.scheme === 'CPV' && f.code === main,
      description: f.description,
      source: f.source,
      is_valid: f.isValid,
    });
  }
  const cpvCodes = [...new Set(validCpv.map((f) => f.code))];
  return {
    rows: [...byKey.values()],
    cpvMain: main,
    cpvCodes,
    cpvDivisions: [...new Set(cpvCodes.map(cpvDivision))],
  };
}
