// Whether a buyer's UK1 pipeline duty applies (Procurement Act s.93), judged exactly as the data-quality check
// pa-pipeline judges it (src/analytics/quality/checks/pa-pipeline.ts): payments under its published contracts in
// the financial year estimated over £100m, not a private utility. Several buyers are judged with one set of queries.
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
