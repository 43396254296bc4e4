// The data-quality scorecard (issue 5, item 2), pure: check results in, a 0–100 score per organisation out, with
// the breakdown by check, the quarter ends of a trend and the comparison with peers. The formula is documented in
// docs/quality-checks.md ("Scorecard"). Results are folded into tallies a batch at a time (the runner's pages), so
// scoring every buyer never holds every result.
import type { Day } from '../../domain/rules/index.js';
import type { CheckCategory, CheckResult, QualityCheck, Severity } from './check.js';
import { QUALITY_CHECKS } from './registry.js';

/** How much one check weighs in the score, by severity. */
export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = { high: 3, medium: 2, low: 1 };

/** One check's counts for one organisation. A unit is a record (or, for an organisation-level check, a subject). */
export interface CheckTally {
  passed: number;
  failed: number;
  notComputable: number;
  notYetDue: number;
  outOfScope: number;
  /** Records failing the check (when failures are kept), in the order seen. */
  failingOcids: string[];
  /** Organisation-level failures (`FY 2026-27`). */
  failingSubjects: string[];
}

/** Per organisation: per check id, its tally. */
export type Tallies = Map<number, Map<string, CheckTally>>;

export const newTallies = (): Tallies => new Map();

type UnitStatus = 'passed' | 'failed' | 'notComputable' | 'notYetDue' | 'outOfScope';

const RANK: Record<UnitStatus, number> = {
  failed: 4,
  passed: 3,
  notComputable: 2,
  notYetDue: 1,
  outOfScope: 0,
};

function unitStatus(r: CheckResult): UnitStatus {
  if (r.status === 'fail') return 'failed';
  if (r.status === 'pass') return 'passed';
  if (r.reason === 'not-computable') return 'notComputable';
  return r.reason === 'not-yet-due' ? 'notYetDue' : 'outOfScope';
}

const emptyTally = (): CheckTally => ({
  passed: 0,
  failed: 0,
  notComputable: 0,
  notYetDue: 0,
  outOfScope: 0,
  failingOcids: [],
  failingSubjects: [],
});

/**
 * Adds a batch of results. A record's results for one check are one unit: failed if any fails, else passed if any
 * passes, else not computable if any is, else not yet due, else out of scope. All results of one record must be
 * in one batch (the runner evaluates a record in one page). Results without a buyer are ignored.
 */
export function addResults(tallies: Tallies, results: readonly CheckResult[], keepFailing = true): Tallies {
  const units = new Map<string, { r: CheckResult; status: UnitStatus }>();
  for (const r of results) {
    if (r.buyerId === null) continue;
    const unit = r.ocid ?? `subject:${r.subject ?? ''}`;
    const key = `${r.buyerId}\u0000${r.checkId}\u0000${unit}`;
    const status = unitStatus(r);
    const seen = units.get(key);
    if (!seen || RANK[status] > RANK[seen.status]) units.set(key, { r, status });
  }
  for (const { r, status } of units.values()) {
    const buyerId = r.buyerId!;
    let checks = tallies.get(buyerId);
    if (!checks) tallies.set(buyerId, (checks = new Map()));
    let tally = checks.get(r.checkId);
    if (!tally) checks.set(r.checkId, (tally = emptyTally()));
    tally[status] += 1;
    if (status === 'failed' && keepFailing) {
      if (r.ocid !== null) tally.failingOcids.push(r.ocid);
      else tally.failingSubjects.push(r.subject ?? 'organisation');
    }
  }
  return tallies;
}

export interface CheckScore extends Omit<CheckTally, 'failingOcids' | 'failingSubjects'> {
  checkId: string;
  title: string;
  category: CheckCategory;
  severity: Severity;
  weight: number;
  /** passed + failed: the units the check judged. */
  applicable: number;
  /** passed / applicable, 0–1; null when the check judged nothing (it then takes no part in the score). */
  passRate: number | null;
  failingOcids: string[];
  failingSubjects: string[];
}

export interface OrganisationScore {
  /** 0–100, one decimal; null when no check judged anything (shown as "not scored", never as 0 or 100). */
  score: number | null;
  /** Checks that took part in the score (applicable > 0). */
  checksScored: number;
  /** Failed units over all checks (a record failing three checks counts three times). */
  failures: number;
  /** Units no check could judge for missing data (never counted as passes nor as failures). */
  notComputable: number;
  /** Every check in registry order, including those that judged nothing. */
  checks: CheckScore[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The score: 100 × Σ weight × passRate / Σ weight, over the checks that judged at least one unit, where
 * passRate = passed / (passed + failed) and weight is 3, 2, 1 for high, medium, low severity. Not-computable,
 * not-yet-due and out-of-scope units are in neither count.
 */
export function scoreChecks(
  checks: ReadonlyMap<string, CheckTally> | undefined,
  registry: readonly QualityCheck[] = QUALITY_CHECKS,
): OrganisationScore {
  let weighted = 0;
  let weights = 0;
  const rows = registry.map((check): CheckScore => {
    const t = checks?.get(check.id) ?? emptyTally();
    const applicable = t.passed + t.failed;
    const weight = SEVERITY_WEIGHTS[check.severity];
    const passRate = applicable === 0 ? null : t.passed / applicable;
    if (passRate !== null) {
      weighted += weight * passRate;
      weights += weight;
    }
    return {
      checkId: check.id,
      title: check.title,
      category: check.category,
      severity: check.severity,
      weight,
      ...t,
      applicable,
      passRate,
      failingOcids: [...new Set(t.failingOcids)].sort(),
      failingSubjects: [...t.failingSubjects],
    };
  });
  return {
    score: weights === 0 ? null : round1((100 * weighted) / weights),
    checksScored: rows.filter((r) => r.passRate !== null).length,
    failures: rows.reduce((n, r) => n + r.failed, 0),
    notComputable: rows.reduce((n, r) => n + r.notComputable, 0),
    checks: rows,
  };
}

/** One organisation's score straight from its results (tests, small scopes). */
export function scoreResults(results: readonly CheckResult[], buyerId: number): OrganisationScore {
  return scoreChecks(addResults(newTallies(), results).get(buyerId));
}

export interface PeerComparison {
  /** Other organisations of the same buyer type that have a score. */
  peers: number;
  /** Median of the peers' scores; null without peers. */
  median: number | null;
  /** Mid-rank percentile of the score among peers: 100 × (lower + ½ × equal) / peers, rounded; null without. */
  percentile: number | null;
}

export function comparePeers(score: number | null, peerScores: readonly (number | null)[]): PeerComparison {
  const scores = peerScores.filter((s): s is number => s !== null).sort((a, b) => a - b);
  const n = scores.length;
  if (n === 0) return { peers: 0, median: null, percentile: null };
  const mid = Math.floor(n / 2);
  const median = round1(n % 2 === 1 ? scores[mid]! : (scores[mid - 1]! + scores[mid]!) / 2);
  if (score === null) return { peers: n, median, percentile: null };
  const lower = scores.filter((s) => s < score).length;
  const equal = scores.filter((s) => s === score).length;
  return { peers: n, median, percentile: Math.round((100 * (lower + equal / 2)) / n) };
}

const QUARTER_ENDS = ['03-31', '06-30', '09-30', '12-31'] as const;

/** The last `count` calendar-quarter ends strictly before `asOf`, oldest first, with their labels (`2026-Q3`). */
export function quarterEnds(asOf: Day, count: number): { quarter: string; asOf: Day }[] {
  const out: { quarter: string; asOf: Day }[] = [];
  let year = Number(asOf.slice(0, 4));
  let q = 3;
  // Start from the last quarter end of asOf's year and walk back.
  while (out.length < count) {
    const end = `${year}-${QUARTER_ENDS[q]}`;
    if (end < asOf) out.unshift({ quarter: `${year}-Q${q + 1}`, asOf: end });
    if (--q < 0) {
      q = 3;
      year -= 1;
    }
  }
  return out;
}
