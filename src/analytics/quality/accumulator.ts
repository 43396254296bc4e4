// Tallies for every buyer in little memory, for storing a snapshot of a million records (issue 5: stored scores).
// Results arrive a page at a time (all results of a record in one page, as the runner yields them); each page is
// folded with the scorecard's own unit rules (addResults), then its counts go into one Int32Array per buyer:
// 21 checks × 5 statuses × 4 bytes, instead of a CheckTally object per buyer and check. The failing units of a page
// are returned for storing (the links behind every figure), never kept.
import type { CheckResult } from './check.js';
import { QUALITY_CHECKS } from './registry.js';
import { addResults, newTallies, scoreChecks, type CheckTally, type OrganisationScore } from './scorecard.js';

const STATUSES = ['passed', 'failed', 'notComputable', 'notYetDue', 'outOfScope'] as const;
const WIDTH = STATUSES.length;

export interface FailingUnit {
  buyerId: number;
  checkId: string;
  /** The failing record; null for an organisation-level failure. */
  ocid: string | null;
  /** The organisation-level subject (`FY 2026-27`); null for a record. */
  subject: string | null;
}

export interface TallyAccumulator {
  /** Folds one page of results; returns the page's failing units (one per record, check and buyer). */
  add(results: readonly CheckResult[]): FailingUnit[];
  buyerIds(): number[];
  /** One buyer's tallies by check id (failing lists empty: failures are stored, not kept). */
  tallies(buyerId: number): Map<string, CheckTally>;
  score(buyerId: number): OrganisationScore;
}

export function createTallyAccumulator(checks = QUALITY_CHECKS): TallyAccumulator {
  const index = new Map(checks.map((c, i) => [c.id, i]));
  const byBuyer = new Map<number, Int32Array>();

  const tallies = (buyerId: number): Map<string, CheckTally> => {
    const counts = byBuyer.get(buyerId);
    const out = new Map<string, CheckTally>();
    if (!counts) return out;
    checks.forEach((check, i) => {
      const at = (j: number) => counts[i * WIDTH + j]!;
      out.set(check.id, {
        passed: at(0),
        failed: at(1),
        notComputable: at(2),
        notYetDue: at(3),
        outOfScope: at(4),
        failingOcids: [],
        failingSubjects: [],
      });
    });
    return out;
  };

  return {
    add(results) {
      const failing: FailingUnit[] = [];
      for (const [buyerId, byCheck] of addResults(newTallies(), results, true)) {
        const counts = byBuyer.get(buyerId) ?? new Int32Array(checks.length * WIDTH);
        byBuyer.set(buyerId, counts);
        for (const [checkId, t] of byCheck) {
          const i = index.get(checkId);
          if (i === undefined) continue;
          STATUSES.forEach((status, j) => {
            counts[i * WIDTH + j] = counts[i * WIDTH + j]! + t[status];
          });
          for (const ocid of t.failingOcids) failing.push({ buyerId, checkId, ocid, subject: null });
          for (const subject of t.failingSubjects) failing.push({ buyerId, checkId, ocid: null, subject });
        }
      }
      return failing;
    },
    buyerIds: () => [...byBuyer.keys()],
    tallies,
    score: (buyerId) => scoreChecks(tallies(buyerId), checks),
  };
}
