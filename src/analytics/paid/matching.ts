// Spend matched to contracts (docs/paid-money.md "On and off contract"): a payment is on a contract of its buyer
// when the contract's supplier is the payment's resolved supplier, the payment day is inside the contract's period
// widened by a slack of days either side [?], and — only when both sides carry a category code of the same scheme —
// the categories agree (domain/category-code.ts: ProClass with ProClass at the level both have, CPV with CPV by
// division). Contracts are the buyer's OCDS contracts (or awards) and its contract-register rows. Pure: no I/O.
import { categoryCode, sameCategory, type CategoryCode } from '../../domain/category-code.js';
import { addDays, type Day } from '../../domain/rules/index.js';
import { supplierKey, type PaidRow, type PaidTotal } from './figures.js';

export interface MatchContract {
  source: 'ocds' | 'register';
  /** ocid (OCDS) or register contract id. */
  id: string;
  title: string;
  buyerId: number;
  supplierId: number;
  /** Contract period; a missing side is open. A contract with neither is never matched. */
  start: Day | null;
  end: Day | null;
  /** The contract's category code with its scheme: OCDS main CPV; the register's ProClass or CPV column. */
  category: CategoryCode | null;
}

/** Default slack, in days, either side of a contract's period [?]: invoices are often paid a month after delivery. */
export const DEFAULT_MATCH_SLACK_DAYS = 31;

/** The CPV code of a payment's category, when the category is one (`72000000` or `72000000-5`). */
export const paymentCpv = (category: string | null): string | null =>
  categoryCode('cpv', category)?.code ?? null;

/** Whether the contract covers the payment: same buyer and supplier, day in the widened period, and categories
 * that do not disagree (compared only when both have a code of the same scheme). */
export function covers(c: MatchContract, r: PaidRow, slackDays: number): boolean {
  if (r.supplierId === null || c.supplierId !== r.supplierId || c.buyerId !== r.buyerId) return false;
  if (c.start === null && c.end === null) return false;
  if (c.start !== null && r.day < addDays(c.start, -slackDays)) return false;
  if (c.end !== null && r.day > addDays(c.end, slackDays)) return false;
  return sameCategory(r.categoryCode, c.category) !== false;
}

export interface ContractMatch {
  onContract: { amount: number; payments: number };
  offContract: { amount: number; payments: number };
  /** Paid to payees in no resolved supplier: cannot be matched, counted apart. */
  unresolved: { amount: number; payments: number };
  /** Paid on each matched contract, largest first. */
  contracts: (PaidTotal & { source: MatchContract['source']; id: string })[];
  /** Resolved suppliers paid off contract, largest first. */
  topOffContract: PaidTotal[];
}

/** Strict cover (no slack) beats cover within the slack; then the latest start. */
function best(candidates: readonly MatchContract[], r: PaidRow): MatchContract | undefined {
  const strict = candidates.filter((c) => covers(c, r, 0));
  const pool = strict.length > 0 ? strict : candidates;
  return [...pool].sort(
    (a, b) => (b.start ?? '').localeCompare(a.start ?? '') || a.id.localeCompare(b.id),
  )[0];
}

export function matchContracts(
  rows: readonly PaidRow[],
  contracts: readonly MatchContract[],
  slackDays: number,
): ContractMatch {
  const bySupplier = new Map<number, MatchContract[]>();
  for (const c of contracts) {
    const list = bySupplier.get(c.supplierId);
    if (list) list.push(c);
    else bySupplier.set(c.supplierId, [c]);
  }
  const on = { amount: 0, payments: 0 };
  const off = { amount: 0, payments: 0 };
  const unresolved = { amount: 0, payments: 0 };
  const perContract = new Map<string, PaidTotal & { source: MatchContract['source']; id: string }>();
  const offBySupplier = new Map<string, PaidTotal>();
  for (const r of rows) {
    if (r.supplierId === null) {
      unresolved.amount += r.amount;
      unresolved.payments += r.payments;
      continue;
    }
    const c = best(
      (bySupplier.get(r.supplierId) ?? []).filter((x) => covers(x, r, slackDays)),
      r,
    );
    if (c) {
      on.amount += r.amount;
      on.payments += r.payments;
      const key = `${c.source}:${c.id}`;
      const t = perContract.get(key) ?? {
        key,
        label: c.title,
        amount: 0,
        payments: 0,
        source: c.source,
        id: c.id,
      };
      t.amount += r.amount;
      t.payments += r.payments;
      perContract.set(key, t);
    } else {
      off.amount += r.amount;
      off.payments += r.payments;
      const key = supplierKey(r);
      const t = offBySupplier.get(key) ?? { key, label: r.payee, amount: 0, payments: 0 };
      t.amount += r.amount;
      t.payments += r.payments;
      offBySupplier.set(key, t);
    }
  }
  const desc = <T extends PaidTotal>(list: Iterable<T>) =>
    [...list].sort((a, b) => b.amount - a.amount || a.key.localeCompare(b.key));
  return {
    onContract: on,
    offContract: off,
    unresolved,
    contracts: desc(perContract.values()),
    topOffContract: desc(offBySupplier.values()),
  };
}
