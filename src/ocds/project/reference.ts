// The reference lists the projection checks codes against (data/reference, see its SOURCES.md), read once per
// process. The parsing rules are pure functions in domain/; only the file reading is here.
import { readFileSync } from 'node:fs';
import { parseCpvList, type CpvList } from '../../domain/cpv.js';
import { parseRegionList, type RegionList } from '../../domain/region.js';
import { repoPath } from '../../paths.js';

export interface ProjectionReference {
  cpv: CpvList;
  regions: RegionList;
}

let cached: ProjectionReference | undefined;

/** CPV 2008 and NUTS 2016 lists from data/reference (about 10 ms, once). */
export function loadReference(): ProjectionReference {
  cached ??= {
    cpv: parseCpvList(readFileSync(repoPath('data', 'reference', 'cpv-2008-en.csv'), 'utf8')),
    regions: parseRegionList(readFileSync(repoPath('data', 'reference', 'uk-nuts2016-regions.csv'), 'utf8')),
  };
  return cached;
}
