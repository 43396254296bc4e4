// Paid-money figures (docs/paid-money.md, issue 9 item 5): what a buyer actually paid, from its spend files, by
// supplier, category, place and period, and the SME, VCSE and local share of that money. Pure: no I/O. Amounts are
// pounds; credits (negative payments) net off against the supplier's payments. A payment's supplier is the
// resolved supplier of its payee (docs/suppliers.md); a payee in no supplier (none yet: resolution not run) counts
// under its own name with every flag unknown. Unknown is its own bucket, never "no" (domain.md §3.4, §5).
import type { CategoryCode } from '../../domain/category-code.js';
import { financialYearStart, type Day } from '../../domain/rules/index.js';
import { flagShare, isLocal, type FlagShare } from '../market/index.js';

/** Payments of one buyer, day, payee and category, summed (query.ts). */
export interface PaidRow {
  buyerId: number;
  day: Day;
  /** Net sum in pounds (payments minus credits). */
  amount: number;
  /** Sum of the credits among them (≤ 0). */
  credits: number;
  payments: number;
  /** The resolved supplier, or null when the payee is in no supplier. */
  supplierId: number | null;
  /** The payee's name as published (the most used spelling). */
  payee: string;
  expenseType: string | null;
  serviceArea: string | null;
  category: string | null;
  /** The category code with its scheme: the file's code column, else a CPV code published as the category. */
  categoryCode: CategoryCode | null;
}

/** What is known of a supplier: null = not known. `region` is a NUTS code (`UKD34`). */
export interface SupplierFacts {
  id: number;
  name: string;
  sme: boolean | null;
  vcse: boolean | null;
  region: string | null;
}

export type PeriodKind = 'month' | 'quarter' | 'fy';
export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'fy'];

/** `2022-06`, `2022-Q2` (calendar quarters) or `FY2022-23` (1 April to 31 March). */
export function periodOf(day: Day, kind: PeriodKind): string {
  if (kind === 'month') return day.slice(0, 7);
  if (kind === 'quarter') return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
  const y = Number(financialYearStart(day).slice(0, 4));
  return `FY${y}-${String((y + 1) % 100).padStart(2, '0')}`;
}

export interface PaidTotal {
  key: string;
  label: string;
  amount: number;
  payments: number;
}

export interface PaidSupplier extends PaidTotal {
  supplierId: number | null;
  sme: boolean | null;
  vcse: boolean | null;
  region: string | null;
  local: boolean | null;
}

export interface PaidFigures {
  /** Net paid: payments minus credits. */
  amount: number;
  payments: number;
  credits: { amount: number; rows: number };
  /** Paid to payees in no resolved supplier. */
  unresolvedAmount: number;
  suppliers: PaidSupplier[];
  byExpenseType: PaidTotal[];
  byServiceArea: PaidTotal[];
  byCategory: PaidTotal[];
  /** By the supplier's region at the local ITL level; `unknown` apart. */
  byRegion: PaidTotal[];
  sme: FlagShare;
  vcse: FlagShare;
  local: FlagShare;
}

const NOT_GIVEN = 'not given';

function totals(rows: readonly PaidRow[], keyOf: (r: PaidRow) => string | null): PaidTotal[] {
  const out = new Map<string, PaidTotal>();
  for (const r of rows) {
    const key = keyOf(r) ?? NOT_GIVEN;
    const t = out.get(key) ?? { key, label: key, amount: 0, payments: 0 };
    t.amount += r.amount;
    t.payments += r.payments;
    out.set(key, t);
  }
  return [...out.values()].sort((a, b) => b.amount - a.amount || a.key.localeCompare(b.key));
}

/** The supplier key of a row: its resolved supplier, else its payee name. */
export const supplierKey = (r: Pick<PaidRow, 'supplierId' | 'payee'>): string =>
  r.supplierId === null ? `payee:${r.payee}` : `supplier:${r.supplierId}`;

/**
 * Every figure over the rows of one slice. `buyerRegions`: each buyer's NUTS code (null when not known); `level`:
 * the ITL level at which "local" is judged (market policy, domain.md §5 "Local spend").
 */
export function paidFigures(
  rows: readonly PaidRow[],
  facts: ReadonlyMap<number, SupplierFacts>,
  buyerRegions: ReadonlyMap<number, string | null>,
  level: 1 | 2 | 3,
): PaidFigures {
  const suppliers = new Map<string, PaidSupplier & { buyers: Set<number> }>();
  for (const r of rows) {
    const key = supplierKey(r);
    const f = r.supplierId === null ? undefined : facts.get(r.supplierId);
    const s = suppliers.get(key) ?? {
      key,
      label: f?.name ?? r.payee,
      amount: 0,
      payments: 0,
      supplierId: r.supplierId,
      sme: f?.sme ?? null,
      vcse: f?.vcse ?? null,
      region: f?.region ?? null,
      local: null,
      buyers: new Set<number>(),
    };
    s.amount += r.amount;
    s.payments += r.payments;
    s.buyers.add(r.buyerId);
    suppliers.set(key, s);
  }
  const list: PaidSupplier[] = [...suppliers.values()]
    .map(({ buyers, ...s }) => ({
      ...s,
      local: isLocal(
        s.region,
        null,
        [...buyers].map((b) => buyerRegions.get(b) ?? null).filter((c): c is string => c !== null),
        level,
      ),
    }))
    .sort((a, b) => b.amount - a.amount || a.label.localeCompare(b.label));
  const at = (c: string | null) => (c !== null && c.length >= 2 + level ? c.slice(0, 2 + level) : null);
  const byRegion = new Map<string, PaidTotal>();
  for (const s of list) {
    const key = at(s.region) ?? 'unknown';
    const t = byRegion.get(key) ?? { key, label: key, amount: 0, payments: 0 };
    t.amount += s.amount;
    t.payments += s.payments;
    byRegion.set(key, t);
  }
  const flag = (pick: (s: PaidSupplier) => boolean | null) =>
    flagShare(list.map((s) => ({ value: s.amount, flag: pick(s) })));
  const creditRows = rows.filter((r) => r.credits < 0);
  return {
    amount: rows.reduce((a, r) => a + r.amount, 0),
    payments: rows.reduce((a, r) => a + r.payments, 0),
    credits: { amount: creditRows.reduce((a, r) => a + r.credits, 0), rows: creditRows.length },
    unresolvedAmount: list.filter((s) => s.supplierId === null).reduce((a, s) => a + s.amount, 0),
    suppliers: list,
    byExpenseType: totals(rows, (r) => r.expenseType),
    byServiceArea: totals(rows, (r) => r.serviceArea),
    byCategory: totals(rows, (r) => r.category),
    byRegion: [...byRegion.values()].sort((a, b) => b.amount - a.amount || a.key.localeCompare(b.key)),
    sme: flag((s) => s.sme),
    vcse: flag((s) => s.vcse),
    local: flag((s) => s.local),
  };
}

export interface PaidPeriod {
  period: string;
  amount: number;
  payments: number;
  sme: FlagShare;
  vcse: FlagShare;
  local: FlagShare;
}

/** The same figures per period (month, quarter or financial year), oldest first, without the lists. */
export function paidByPeriod(
  rows: readonly PaidRow[],
  kind: PeriodKind,
  facts: ReadonlyMap<number, SupplierFacts>,
  buyerRegions: ReadonlyMap<number, string | null>,
  level: 1 | 2 | 3,
): PaidPeriod[] {
  const groups = new Map<string, PaidRow[]>();
  for (const r of rows) {
    const p = periodOf(r.day, kind);
    const group = groups.get(p);
    if (group) group.push(r);
    else groups.set(p, [r]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([period, group]) => {
      const f = paidFigures(group, facts, buyerRegions, level);
      return { period, amount: f.amount, payments: f.payments, sme: f.sme, vcse: f.vcse, local: f.local };
    });
}
