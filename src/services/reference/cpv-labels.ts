// Labels of CPV 2008 codes from data/reference/cpv-2008-en.csv (CODE,EN; codes like 03000000-1), when the
// reference list is present. Without it, codes are shown bare: the pages degrade, they do not fail.
import { existsSync, readFileSync } from 'node:fs';
import { parseCpvList, type CpvList } from '../../domain/cpv.js';
import { repoPath } from '../../paths.js';

export interface CpvLabels {
  /** The English label of an 8-digit code (check digit optional), or undefined. */
  label(code: string): string | undefined;
  readonly size: number;
}

export function loadCpvLabels(file = repoPath('data', 'reference', 'cpv-2008-en.csv')): CpvLabels {
  let list: CpvList | undefined;
  // Read on first use: 350 KB that most processes (CLI commands) never need.
  const get = () => (list ??= existsSync(file) ? parseCpvList(readFileSync(file, 'utf8')) : new Map());
  return {
    label: (code) => get().get(code.slice(0, 8))?.label,
    get size() {
      return get().size;
    },
  };
}
