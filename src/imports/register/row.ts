// One contract register row → a register contract, or the reason it cannot be one. Pure. Values a register writes
// instead of a fact (`-`, `TBC`, `X`, `N/A`, `Various`) become null, never a guess.
import { identifierKey, normaliseCompanyNumber } from '../../domain/org-id.js';
import { cleanName, normaliseOrgName } from '../../domain/org-name.js';
import { parseFlag } from '../../domain/organisation.js';
import { normalisePostcode } from '../../domain/postcode.js';
import { toDecimal } from '../../domain/decimal.js';
import { identifiersFromCompanyColumn } from '../../domain/supplier-name.js';
import { parseLocalDate } from '../shared/dates.js';
import { parseMoney } from '../shared/money.js';
import { normaliseHeader, type HeaderMapping } from '../shared/header.js';
import { categoryScheme, type RegisterField } from './layout.js';

export interface RegisterContract {
  reference: string | null;
  title: string;
  description: string | null;
  directorate: string | null;
  procedure: string | null;
  supplierName: string | null;
  supplierNameNormalised: string | null;
  supplierPostcode: string | null;
  supplierCompanyNumber: string | null;
  /** A charity number written in the company-number column (`CHA1165823` → `GB-CHC-1165823`). */
  supplierCharityNumber: string | null;
  annualValue: string | null;
  totalValue: string | null;
  /** The LGTC's "VAT that cannot be recovered". */
  irrecoverableVat: string | null;
  startDate: string | null;
  endDate: string | null;
  durationMonths: string | null;
  extensionMonths: number | null;
  extensionsAvailable: number | null;
  extensionsTaken: number | null;
  currentExpiry: string | null;
  sme: boolean | null;
  vcse: boolean | null;
  categoryScheme: string | null;
  categoryCode: string | null;
  categoryDescription: string | null;
  aboveThreshold: boolean | null;
}

export type RegisterRowResult = { ok: true; contract: RegisterContract } | { ok: false; reason: string };

const wholeNumber = (v: string | null): number | null =>
  v !== null && /^\d{1,4}$/.test(v) ? Number(v) : null;

/** Salford writes some charity numbers in the company-number column (`CHA1165823`): kept as `GB-CHC-1165823`. */
function charityInCompanyColumn(raw: string | null): string | null {
  const id = identifiersFromCompanyColumn(raw).find((x) => x.scheme === 'GB-CHC');
  return id ? identifierKey(id) : null;
}

/**
 * An LGTC `SME/VCSE` cell: which of the two the supplier is. `SME`, `VCSE` (or voluntary, community, charity) or
 * both; `No`/`Neither`/`None`: neither; a bare `Yes` says one of them without saying which: both unknown.
 */
export function smeAndVcse(value: string | null): { sme: boolean | null; vcse: boolean | null } {
  const v = (value ?? '').toLowerCase();
  const sme = /\bsmes?\b|small|medium/.test(v);
  const vcse = /\bvcses?\b|voluntary|community|charit|social enterprise/.test(v);
  if (/\bboth\b/.test(v)) return { sme: true, vcse: true };
  if (sme || vcse) return { sme: sme || null, vcse: vcse || null };
  if (parseFlag(value) === false || /^(neither|none)$/.test(v.trim())) return { sme: false, vcse: false };
  return { sme: null, vcse: null };
}

export function contractFromRow(
  cells: readonly string[],
  mapping: HeaderMapping<RegisterField>,
  headers: readonly string[],
): RegisterRowResult {
  const c = mapping.columns;
  const get = (f: RegisterField) => (c[f] === undefined ? null : cleanName(cells[c[f]] ?? ''));
  const title = get('title') ?? get('description');
  if (!title) return { ok: false, reason: 'no contract title or description' };
  const money = (f: 'annualValue' | 'totalValue' | 'irrecoverableVat') => {
    const raw = get(f);
    return raw === null || /^[-–]$/.test(raw) ? { value: null } : { value: parseMoney(raw), raw };
  };
  const annual = money('annualValue');
  const total = money('totalValue');
  const vat = money('irrecoverableVat');
  for (const [f, m] of [
    ['annual value', annual],
    ['total value', total],
    ['irrecoverable VAT', vat],
  ] as const) {
    if (m.value === null && 'raw' in m) return { ok: false, reason: `unreadable ${f} "${m.raw}"` };
  }
  const taken = [get('extension1Taken'), get('extension2Taken')].filter((v) => v !== null);
  const supplierName = get('supplierName');
  const company = get('supplierCompanyNumber');
  const duration = get('durationMonths');
  // One `SME/VCSE` column (its header names VCSE too) says which; else an SME column and perhaps a VCSE column.
  const combined = c.sme !== undefined && normaliseHeader(headers[c.sme] ?? '').includes('vcse');
  const flags = combined
    ? smeAndVcse(get('sme'))
    : { sme: parseFlag(get('sme')), vcse: parseFlag(get('vcse')) };
  return {
    ok: true,
    contract: {
      reference: get('reference'),
      title,
      description: get('description'),
      directorate: get('directorate'),
      procedure: get('procedure'),
      supplierName,
      supplierNameNormalised: normaliseOrgName(supplierName),
      supplierPostcode: normalisePostcode(get('supplierPostcode')),
      supplierCompanyNumber: company ? normaliseCompanyNumber(company) : null,
      supplierCharityNumber: charityInCompanyColumn(company),
      annualValue: annual.value,
      totalValue: total.value,
      irrecoverableVat: vat.value,
      startDate: parseLocalDate(get('startDate')),
      endDate: parseLocalDate(get('endDate')),
      durationMonths: duration && /^\d+(\.\d+)?$/.test(duration) ? toDecimal(duration) : null,
      extensionMonths: wholeNumber(get('extensionMonths')),
      extensionsAvailable: wholeNumber(get('extensionsAvailable')),
      extensionsTaken: taken.length === 0 ? null : taken.filter((v) => parseFlag(v) === true).length,
      currentExpiry: parseLocalDate(get('currentExpiry')),
      sme: flags.sme,
      vcse: flags.vcse,
      categoryScheme: c.categoryCode === undefined ? null : categoryScheme(headers[c.categoryCode]),
      categoryCode: get('categoryCode'),
      categoryDescription: get('categoryDescription'),
      aboveThreshold: parseFlag(get('aboveThreshold')),
    },
  };
}
