// Whether a buyer's UK1 pipeline duty applies (Procurement Act s.93), judged exactly as the data-quality check
// pa-pipeline judges it (src/analytics/quality/checks/pa-pipeline.ts): payments under its published contracts in
// the financial year estimated over £100m, not a private utility. Several buyers are judged with one set of queries;
// the buyers whose duty applies are found among every buyer through that check's results across buyers.
import type { Kysely } from 'kysely';
import { loadBuyerFacts } from '../../analytics/quality/index.js';
import { pipelineOutcome } from '../../analytics/quality/checks/pa-pipeline.js';
import { financialYearStart, rulesOn, type Day } from '../../domain/rules/index.js';
import type { Database } from '../../store/database.js';

export interface Uk1Duty {
  /** The duty applies this financial year (met, missed or not yet due). */
  applies: boolean;
  /** pass: UK1 published in time; fail: missed or late; not-applicable: no duty or not yet due. */
  status: 'pass' | 'fail' | 'not-applicable';
  /** The check's one-sentence finding (the spend estimate, the due day). */
  detail: string;
  /** `FY 2026-27`. */
  year: string | null;
}

/** The data-quality check the duty is judged by. */
export const UK1_CHECK_ID = 'pa-pipeline';

export interface Uk1DutyBuyer extends Uk1Duty {
  id: number;
  name: string;
}

/** The check's counts for one buyer (one unit per buyer for this organisation-level check). */
export interface Uk1CheckCounts {
  id: number;
  name: string;
  passed: number;
  failed: number;
  notYetDue: number;
}

const URGENCY: Record<Uk1Duty['status'], number> = { fail: 0, 'not-applicable': 1, pass: 2 };

/**
 * Every buyer whose UK1 duty applies, from the check's counts across all buyers (`all`): those it passed, failed
 * or found not yet due, each judged again here for the finding's words. Missed first, then not yet due, then
 * published in time; by name within each.
 */
export async function uk1DutyBuyers(
  db: Kysely<Database>,
  all: readonly Uk1CheckCounts[],
  asOf: Day,
): Promise<Uk1DutyBuyer[]> {
  const candidates = all.filter((r) => r.passed + r.failed + r.notYetDue > 0);
  const duties = await uk1Duties(
    db,
    candidates.map((r) => r.id),
    asOf,
  );
  return candidates
    .flatMap((r) => {
      const d = duties.get(r.id);
      return d?.applies ? [{ id: r.id, name: r.name, ...d }] : [];
    })
    .sort(
      (a, b) => URGENCY[a.status] - URGENCY[b.status] || a.name.localeCompare(b.name, 'en-GB') || a.id - b.id,
    );
}

export async function uk1Duties(
  db: Kysely<Database>,
  buyerIds: readonly number[],
  asOf: Day,
): Promise<Map<number, Uk1Duty>> {
  const facts = await loadBuyerFacts(db, [...new Set(buyerIds)]);
  const ctx = { asOf, rules: rulesOn() };
  const fy = financialYearStart(asOf);
  const out = new Map<number, Uk1Duty>();
  for (const f of facts) {
    const o = pipelineOutcome(f, fy, ctx);
    out.set(f.buyerId, {
      applies: o.status !== 'not-applicable' || o.reason === 'not-yet-due',
      status: o.status,
      detail: o.detail,
      year: o.subject ?? null,
    });
  }
  return out;
}
