// The runner: facts in, results out. evaluateRecord / evaluateBuyer are pure (the checks over one record or one
// buyer); runQualityChecks reads the facts a page at a time and yields each page's results. Results are shaped for
// a scorecard (group by buyerId and checkId; fail/pass counts per record; links by ocid) and for a compliance
// calendar (dueDate, doneDate). One result per record and check, or per award/contract/year (`subject`) for the
// deadline checks: count a record as failing a check when any of its results for that check fails.
import type { Kysely } from 'kysely';
import { isDay, rulesOn, ukDay, type Day, type RulesOn } from '../../domain/rules/index.js';
import type { Database } from '../../store/database.js';
import {
  readsAsOf,
  type BuyerCheck,
  type CheckContext,
  type CheckResult,
  type RecordCheck,
} from './check.js';
import type { BuyerFacts, RecordFacts } from './facts.js';
import { buyerPages, loadBuyerFacts, loadRecordFacts, ocidPages, type QualityScope } from './load-facts.js';
import { BUYER_CHECKS, RECORD_CHECKS } from './registry.js';

export function qualityContext(asOf: Day, rules: RulesOn = rulesOn()): CheckContext {
  if (!isDay(asOf)) throw new Error(`quality checks: as-of ${asOf} is not a day (YYYY-MM-DD)`);
  return { asOf, rules };
}

/**
 * Every record check on one record. A record first published after the as-of day did not exist then: no results
 * (so results as of a past quarter end count only what was published by then).
 */
export function evaluateRecord(
  facts: RecordFacts,
  ctx: CheckContext,
  checks: readonly RecordCheck[] = RECORD_CHECKS,
): CheckResult[] {
  if (!publishedBy(facts, ctx.asOf)) return [];
  return judgeRecord(facts, ctx, checks);
}

/** A record that was first published after a day did not exist then. */
const publishedBy = (facts: RecordFacts, day: Day): boolean => {
  const first = ukDay(facts.firstPublished);
  return first === null || first <= day;
};

function judgeRecord(facts: RecordFacts, ctx: CheckContext, checks: readonly RecordCheck[]): CheckResult[] {
  const out: CheckResult[] = [];
  for (const check of checks)
    for (const o of check.evaluate(facts, ctx))
      // Outcomes are fresh objects: completing them in place saves a copy per result.
      out.push(Object.assign(o, { ocid: facts.ocid, buyerId: facts.buyerId, checkId: check.id }));
  return out;
}

const splits = new WeakMap<readonly RecordCheck[], { timed: RecordCheck[]; fixed: RecordCheck[] }>();

/** The checks that read the as-of day and those that do not, worked out once per check list (not per record). */
function splitByAsOf(checks: readonly RecordCheck[]) {
  let split = splits.get(checks);
  if (!split) {
    split = { timed: checks.filter(readsAsOf), fixed: checks.filter((c) => !readsAsOf(c)) };
    splits.set(checks, split);
  }
  return split;
}

/**
 * The record checks as of several days: checks that do not read the day are judged once and their results shared
 * (readsAsOf in check.ts); the others once per day.
 */
export function evaluateRecordOn(
  facts: RecordFacts,
  contexts: readonly CheckContext[],
  checks: readonly RecordCheck[] = RECORD_CHECKS,
): CheckResult[][] {
  const { timed, fixed } = splitByAsOf(checks);
  let shared: CheckResult[] | undefined;
  return contexts.map((ctx) => {
    if (!publishedBy(facts, ctx.asOf)) return [];
    shared ??= judgeRecord(facts, ctx, fixed);
    return [...shared, ...judgeRecord(facts, ctx, timed)];
  });
}

export function evaluateBuyer(
  facts: BuyerFacts,
  ctx: CheckContext,
  checks: readonly BuyerCheck[] = BUYER_CHECKS,
): CheckResult[] {
  return checks.flatMap((check) =>
    check.evaluate(facts, ctx).map((o) => ({ ...o, ocid: null, buyerId: facts.buyerId, checkId: check.id })),
  );
}

export interface RunOptions {
  /** The day to judge as of: today for the scorecard, a quarter end for a trend. Never read from the clock here. */
  asOf: Day;
  pageSize?: number;
  rules?: RulesOn;
  recordChecks?: readonly RecordCheck[];
  /** Organisation-level checks; run for a buyer scope or all, not for a list of ocids. */
  buyerChecks?: readonly BuyerCheck[];
}

/** Runs the checks over a scope, yielding one page of results at a time (records first, then buyers). */
export async function* runQualityChecks(
  db: Kysely<Database>,
  scope: QualityScope,
  options: RunOptions,
): AsyncGenerator<CheckResult[]> {
  const { asOf, ...rest } = options;
  for await (const page of runQualityChecksOn(db, scope, { ...rest, asOfs: [asOf] })) yield page[0]!;
}

/**
 * The checks over a scope as of several days at once (a scorecard and its trend): the facts are read once per page
 * and judged as of each day. Yields, per page, one result array per day in the order given.
 */
export async function* runQualityChecksOn(
  db: Kysely<Database>,
  scope: QualityScope,
  options: Omit<RunOptions, 'asOf'> & { asOfs: readonly Day[] },
): AsyncGenerator<CheckResult[][]> {
  const contexts = options.asOfs.map((day) => qualityContext(day, options.rules));
  const pageSize = options.pageSize ?? 500;
  for await (const ocids of ocidPages(db, scope, pageSize)) {
    const perDay: CheckResult[][] = contexts.map(() => []);
    for (const f of await loadRecordFacts(db, ocids))
      evaluateRecordOn(f, contexts, options.recordChecks).forEach((results, i) =>
        perDay[i]!.push(...results),
      );
    yield perDay;
  }
  for await (const ids of buyerPages(db, scope, pageSize)) {
    const facts = await loadBuyerFacts(db, ids);
    yield contexts.map((ctx) => facts.flatMap((f) => evaluateBuyer(f, ctx, options.buyerChecks)));
  }
}

/** All results of a scope in one array (for small scopes and tests; page with runQualityChecks otherwise). */
export async function collectQualityResults(
  db: Kysely<Database>,
  scope: QualityScope,
  options: RunOptions,
): Promise<CheckResult[]> {
  const out: CheckResult[] = [];
  for await (const page of runQualityChecks(db, scope, options)) out.push(...page);
  return out;
}
