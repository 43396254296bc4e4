// CPV 2008 helpers (domain.md §6.2). A code is 8 digits plus a check digit (`45000000-7`); FTS omits the check
// digit (`09323000`). Levels: `XX000000` division → `XXX00000` group → `XXXX0000` class → `XXXXX000` category;
// the last 3 digits refine further. The list is data/reference/cpv-2008-en.csv (9,454 codes).
import { parseCsv } from './csv.js';

export interface CpvCode {
  /** The 8-digit code without check digit: `45000000`. */
  code: string;
  /** The check digit as published, or null when the publisher omitted it. */
  checkDigit: string | null;
}

export interface CpvEntry {
  checkDigit: string;
  label: string;
}

/** The CPV list keyed by 8-digit code. */
export type CpvList = ReadonlyMap<string, CpvEntry>;

export type CpvLevel = 'division' | 'group' | 'class' | 'category' | 'subcategory';

/**
 * Reads a published CPV code: `45000000-7`, `45000000`, ` 45000000 - 7 `, `45233130.0` (a float that went through a
 * spreadsheet) or the number 9323000 (a leading zero lost the same way). Null when it is not a CPV code.
 */
export function parseCpv(value: unknown): CpvCode | null {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 0) return null;
    text = String(value);
  } else if (typeof value === 'string') text = value.trim();
  else return null;
  const m = /^(\d{7,8})(?:\.0+)?(?:\s*-\s*(\d))?$/.exec(text);
  if (!m) return null;
  const digits = m[1] ?? '';
  // Seven digits only happen when a leading zero was dropped (divisions 03 and 09 start with 0).
  const code = digits.padStart(8, '0');
  if (code.slice(0, 2) === '00') return null;
  return { code, checkDigit: m[2] ?? null };
}

/** `45` from `45233130`. */
export function cpvDivision(code: string): string {
  return code.slice(0, 2);
}

/** `452` from `45233130`. */
export function cpvGroup(code: string): string {
  return code.slice(0, 3);
}

/** `4523` from `45233130`. */
export function cpvClass(code: string): string {
  return code.slice(0, 4);
}

/** How specific a code is, from its trailing zeros (the division part is never zero). */
export function cpvLevel(code: string): CpvLevel {
  if (/^\d{2}0{6}$/.test(code)) return 'division';
  if (/^\d{3}0{5}$/.test(code)) return 'group';
  if (/^\d{4}0{4}$/.test(code)) return 'class';
  if (/^\d{5}0{3}$/.test(code)) return 'category';
  return 'subcategory';
}

/** Parses data/reference/cpv-2008-en.csv (`CODE,EN`, codes with check digit). */
export function parseCpvList(csv: string): CpvList {
  const list = new Map<string, CpvEntry>();
  for (const [raw = '', label = ''] of parseCsv(csv).slice(1)) {
    const cpv = parseCpv(raw);
    if (cpv?.checkDigit) list.set(cpv.code, { checkDigit: cpv.checkDigit, label: label.trim() });
  }
  return list;
}

/**
 * Whether a published code is in the CPV 2008 list; when the publisher gave a check digit, it must be the right one.
 */
export function isValidCpv(cpv: CpvCode, list: CpvList): boolean {
  const entry = list.get(cpv.code);
  return entry !== undefined && (cpv.checkDigit === null || cpv.checkDigit === entry.checkDigit);
}

/** The full form with check digit (`45000000-7`), or null when the code is not in the list. */
export function cpvWithCheckDigit(code: string, list: CpvList): string | null {
  const entry = list.get(code);
  return entry ? `${code}-${entry.checkDigit}` : null;
}

/** The English label from the list, or null. */
export function cpvLabel(code: string, list: CpvList): string | null {
  return list.get(code)?.label ?? null;
}
