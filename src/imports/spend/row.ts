// One published payment row → a payment, or the reason it cannot be one. Pure.
import { categoryCode, type CategoryCode, type CategoryScheme } from '../../domain/category-code.js';
import { laCodeOfUri } from '../../domain/local-authority.js';
import { identifierKey, normaliseCompanyNumber } from '../../domain/org-id.js';
import { cleanName, normaliseOrgName } from '../../domain/org-name.js';
import { identifiersFromCharityColumn } from '../../domain/supplier-name.js';
import { parseLocalDate } from '../shared/dates.js';
import { parseMoney } from '../shared/money.js';
import type { HeaderMapping } from '../shared/header.js';
import { categoryScheme } from '../register/layout.js';
import type { SpendField } from './layout.js';

/** Which published figure `amount` is: net of VAT, gross, or an amount published without saying. */
export type AmountBasis = 'net' | 'gross' | 'published';

export interface Payment {
  paymentDate: string;
  /** The headline amount, exact decimal string (negative for credits): net when published, else as published. */
  amount: string;
  amountBasis: AmountBasis;
  net: string | null;
  gross: string | null;
  vat: string | null;
  supplierName: string;
  supplierNameNormalised: string | null;
  supplierId: string | null;
  supplierCompanyNumber: string | null;
  /** `GB-CHC-1096378` or `GB-SC-SC012345` (Calderdale publishes charity numbers). */
  supplierCharityNumber: string | null;
  body: string | null;
  /** The local authority code named by the body's URI column (`00CY`), when it names one. */
  bodyLaCode: string | null;
  transactionId: string | null;
  expenseType: string | null;
  serviceArea: string | null;
  directorate: string | null;
  category: string | null;
  /** The category code of a code column whose header names its scheme (`ProclassCode`), when a code of it. */
  categoryCode: CategoryCode | null;
  description: string | null;
  /** The publisher's VCSE flag: `Y`/`Yes` true, `N`/`No` false, anything else (blank) not stated. */
  vcse: boolean | null;
}

export type RowResult = { ok: true; payment: Payment } | { ok: false; reason: string };

const text = (cells: readonly string[], at: number | undefined): string | null =>
  at === undefined ? null : cleanName(cells[at] ?? '');

/** Summary lines some publishers leave in the file (`Grand Total,,,486752633.10`). */
const SUMMARY = /^(grand )?totals?:?$/i;

const charityKey = (raw: string | null): string | null => {
  const id = identifiersFromCharityColumn(raw)[0];
  return id ? identifierKey(id) : null;
};

const YES = /^(y|yes|true)$/i;
const NO = /^(n|no|false)$/i;
const flag = (raw: string | null): boolean | null =>
  raw === null ? null : YES.test(raw) ? true : NO.test(raw) ? false : null;

/** The scheme of the mapped category code column, from its header: once per file's mapping, not per row. */
const schemes = new WeakMap<HeaderMapping<SpendField>, CategoryScheme | null>();
const codeScheme = (mapping: HeaderMapping<SpendField>): CategoryScheme | null => {
  const known = schemes.get(mapping);
  if (known !== undefined) return known;
  const at = mapping.columns.categoryCode;
  const found = at === undefined ? null : categoryScheme(mapping.report[at]?.header);
  const scheme = found === 'proclass' || found === 'cpv' ? found : null;
  schemes.set(mapping, scheme);
  return scheme;
};

export function paymentFromRow(cells: readonly string[], mapping: HeaderMapping<SpendField>): RowResult {
  const c = mapping.columns;
  const get = (f: SpendField) => text(cells, c[f]);
  if (cells.some((cell) => SUMMARY.test(cell.trim())))
    return { ok: false, reason: 'summary row (total), not a payment' };
  const supplierName = get('supplierName');
  if (!supplierName) return { ok: false, reason: 'no supplier name' };
  const rawDate = get('paymentDate');
  const paymentDate = parseLocalDate(rawDate);
  if (!paymentDate)
    return { ok: false, reason: rawDate ? `unreadable payment date "${rawDate}"` : 'no payment date' };
  const money: Partial<Record<'net' | 'gross' | 'vat' | 'amount', string | null>> = {};
  for (const f of ['net', 'gross', 'vat', 'amount'] as const) {
    const raw = get(f);
    if (raw === null) continue;
    const value = parseMoney(raw);
    // VAT columns hold `N/A` when no VAT applies (Calderdale); an unreadable amount is a real problem.
    if (value === null && !(f === 'vat' && /^n\/?a$/i.test(raw)))
      return { ok: false, reason: `unreadable ${f} amount "${raw}"` };
    money[f] = value;
  }
  const net = money.net ?? null;
  const gross = money.gross ?? null;
  const headline: [string | null, AmountBasis] =
    net !== null ? [net, 'net'] : money.amount != null ? [money.amount, 'published'] : [gross, 'gross'];
  if (headline[0] === null) return { ok: false, reason: 'no amount' };
  const companyRaw = get('supplierCompanyNumber');
  return {
    ok: true,
    payment: {
      paymentDate,
      amount: headline[0],
      amountBasis: headline[1],
      net,
      gross,
      vat: money.vat ?? null,
      supplierName,
      supplierNameNormalised: normaliseOrgName(supplierName),
      supplierId: get('supplierId'),
      supplierCompanyNumber: companyRaw ? normaliseCompanyNumber(companyRaw) : null,
      supplierCharityNumber: charityKey(get('supplierCharityNumber')),
      body: get('body'),
      bodyLaCode: laCodeOfUri(get('bodyUri')),
      transactionId: get('transactionId'),
      expenseType: get('expenseType'),
      serviceArea: get('serviceArea'),
      directorate: get('directorate'),
      category: get('category'),
      categoryCode: categoryCode(codeScheme(mapping), get('categoryCode')),
      description: get('description'),
      vcse: flag(get('vcse')),
    },
  };
}
