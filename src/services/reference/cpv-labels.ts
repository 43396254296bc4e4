// Labels of CPV 2008 codes from data/reference/cpv-2008-en.csv (CODE,EN; codes like 03000000-1), when the
// reference list is present. Without it, codes are shown bare: the pages degrade, they do not fail.
import { existsSync, readFileSync } from 'node:fs';
import { repoPath } from '../../paths.js';

export interface CpvLabels {
  /** The English label of an 8-digit code (check digit optional), or undefined. */
  label(code: string): string | undefined;
  readonly size: number;
}

/** Splits one CSV line of the reference list (RFC 4180 quoting). */
function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cell);
      cell = '';
    } else cell += ch;
  }
  out.push(cell);
  return out;
}

export function parseCpvCsv(text: string): Map<string, string> {
  const labels = new Map<string, string>();
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const [code, label] = splitCsvLine(line);
    const digits = /^(\d{8})/.exec(code ?? '')?.[1];
    if (digits && label) labels.set(digits, label);
  }
  return labels;
}

export function loadCpvLabels(file = repoPath('data', 'reference', 'cpv-2008-en.csv')): CpvLabels {
  let labels: Map<string, string> | undefined;
  // Read on first use: 350 KB that most processes (CLI commands) never need.
  const get = () => (labels ??= existsSync(file) ? parseCpvCsv(readFileSync(file, 'utf8')) : new Map());
  return {
    label: (code) => get().get(code.slice(0, 8)),
    get size() {
      return get().size;
    },
  };
}
