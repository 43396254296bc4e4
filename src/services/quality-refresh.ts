// Keeps the stored data-quality results up to date (issue 5: "scores recompute after each ingest or sync,
// incrementally where it pays"). A snapshot is judged as of one UK day, for that day and the quarter ends of the
// scorecard's trend. Refresh:
//   - no snapshot, or a new day (deadlines move with the day): recompute everything;
//   - same day: recompute only the buyers of records changed since (quality_queue, filled in the projection's own
//     transaction), plus the survivors of organisations merged since — unless they hold more than a quarter of all
//     records, when one full pass is cheaper than many scoped ones.
// One refresh at a time (an advisory lock held on its own connection), inside one repeatable-read transaction: what
// it reads, writes and takes off the queue is one consistent picture, and readers see the old snapshot until commit.
import { sql, type Kysely, type Transaction } from 'kysely';
import { createTallyAccumulator, type TallyAccumulator } from '../analytics/quality/accumulator.js';
import { runQualityChecksOn, type QualityScope } from '../analytics/quality/index.js';
import { survivingOrganisations } from '../analytics/quality/load-facts.js';
import { quarterEnds } from '../analytics/quality/scorecard.js';
import type { Day } from '../domain/rules/index.js';
import type { Database } from '../store/database.js';
import { findOrganisationsByIds } from '../store/organisation-read.repository.js';
import {
  analyseSnapshot,
  buyersOfOcids,
  clearQueue,
  clearResults,
  insertFailures,
  insertScores,
  insertTallies,
  mergedBuyersWithResults,
  processShare,
  queuedOcids,
  rankScores,
  readSnapshot,
  writeSnapshot,
  type ScoreRow,
  type TallyRow,
} from '../store/quality-snapshot.repository.js';

/** Quarters in a scorecard's trend (stored with each snapshot). */
export const TREND_QUARTERS = 4;
/** Above this share of all records, an incremental refresh becomes one full pass. */
const FULL_PASS_SHARE = 0.25;
/** pg_advisory_lock key of the refresh ('mbqr' as an int). */
const LOCK_KEY = 0x6d627172;

export interface RefreshSummary {
  kind: 'full' | 'incremental' | 'none';
  asOf: Day;
  /** Buyers whose results were recomputed. */
  buyers: number;
  seconds: number;
}

type Trx = Transaction<Database>;

/** The days a snapshot stores scores for: the day itself, then its trend's quarter ends. */
export const snapshotDays = (asOf: Day): Day[] => [
  asOf,
  ...quarterEnds(asOf, TREND_QUARTERS).map((q) => q.asOf),
];

/** Runs the checks over a scope as of every snapshot day, storing failures page by page; returns the tallies. */
async function judge(trx: Trx, scope: QualityScope, days: readonly Day[], pageSize: number) {
  const accumulators: TallyAccumulator[] = days.map(() => createTallyAccumulator());
  for await (const pages of runQualityChecksOn(trx, scope, { asOfs: days, pageSize })) {
    const failing = accumulators[0]!.add(pages[0]!);
    pages.slice(1).forEach((results, i) => accumulators[i + 1]!.add(results));
    await insertFailures(
      trx,
      failing.map((f) => ({ buyer_id: f.buyerId, check_id: f.checkId, ocid: f.ocid, subject: f.subject })),
    );
  }
  return accumulators;
}

/** Writes tallies (as of the first day) and scores (every day) of what the accumulators saw. */
async function storeTallies(
  trx: Trx,
  days: readonly Day[],
  accumulators: TallyAccumulator[],
): Promise<number> {
  const today = accumulators[0]!;
  const tallies: TallyRow[] = [];
  for (const buyerId of today.buyerIds())
    for (const [checkId, t] of today.tallies(buyerId))
      tallies.push({
        buyer_id: buyerId,
        check_id: checkId,
        passed: t.passed,
        failed: t.failed,
        not_computable: t.notComputable,
        not_yet_due: t.notYetDue,
        out_of_scope: t.outOfScope,
      });
  await insertTallies(trx, tallies);
  const scores: ScoreRow[] = [];
  const orgs = new Map((await findOrganisationsByIds(trx, today.buyerIds())).map((o) => [o.id, o] as const));
  days.forEach((day, i) => {
    for (const buyerId of accumulators[i]!.buyerIds()) {
      const s = accumulators[i]!.score(buyerId);
      scores.push({
        buyer_id: buyerId,
        as_of: day,
        name: orgs.get(buyerId)?.name ?? null,
        buyer_type: orgs.get(buyerId)?.buyer_type ?? null,
        score: s.score,
        failures: s.failures,
        not_computable: s.notComputable,
        checks_scored: s.checksScored,
      });
    }
  });
  await insertScores(trx, scores);
  return today.buyerIds().length;
}

/**
 * Recomputes every buyer as of the day. Scores as of a past quarter end depend only on the data, so when the
 * previous snapshot had the same trend quarters and no change is waiting in the queue, they are kept and only the
 * day itself is judged (the nightly refresh); otherwise every day is.
 */
async function fullRefresh(trx: Trx, days: readonly Day[], previous: Day | null, pageSize: number) {
  const trend = days.slice(1);
  const keepTrend =
    previous !== null &&
    snapshotDays(previous).slice(1).join() === trend.join() &&
    (await queuedOcids(trx)).length === 0 &&
    (await mergedBuyersWithResults(trx)).length === 0;
  const judged = keepTrend ? days.slice(0, 1) : days;
  await clearResults(trx, undefined, keepTrend ? trend : []);
  return storeTallies(trx, judged, await judge(trx, { all: true }, judged, pageSize));
}

/** Recomputes some buyers (survivors of merges); null when a full pass would be cheaper. */
async function incrementalRefresh(trx: Trx, days: readonly Day[], pageSize: number): Promise<number | null> {
  const ocids = await queuedOcids(trx);
  const merged = await mergedBuyersWithResults(trx);
  if (ocids.length === 0 && merged.length === 0) return 0;
  const touched = [...new Set([...(await buyersOfOcids(trx, ocids)), ...merged])];
  const survivors = await survivingOrganisations(trx, touched);
  const buyers = [...new Set(touched.map((id) => survivors.get(id)?.id ?? id))];
  const share = await processShare(trx, buyers);
  if (share.some > FULL_PASS_SHARE * share.all) return null;
  await clearResults(trx, [...new Set([...touched, ...buyers])]);
  let stored = 0;
  for (const buyerId of buyers) {
    stored += await storeTallies(trx, days, await judge(trx, { buyerId }, days, pageSize));
  }
  return stored;
}

export interface RefreshOptions {
  asOf: Day;
  /** Recompute everything even when the snapshot is of the same day. */
  full?: boolean;
  pageSize?: number;
}

/** Brings the stored results up to date as of a day (see the top of this file). */
export async function refreshQuality(db: Kysely<Database>, options: RefreshOptions): Promise<RefreshSummary> {
  const t0 = performance.now();
  const days = snapshotDays(options.asOf);
  const pageSize = options.pageSize ?? 500;
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${LOCK_KEY})`.execute(conn);
    try {
      return await conn
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx): Promise<RefreshSummary> => {
          const snapshot = await readSnapshot(trx);
          let kind: RefreshSummary['kind'] = 'incremental';
          let buyers: number | null = null;
          if (!options.full && snapshot?.asOf === options.asOf)
            buyers = await incrementalRefresh(trx, days, pageSize);
          if (buyers === null) {
            kind = 'full';
            buyers = await fullRefresh(trx, days, options.full ? null : (snapshot?.asOf ?? null), pageSize);
          } else if (buyers === 0 && snapshot) kind = 'none';
          await clearQueue(trx);
          if (kind !== 'none') await rankScores(trx, options.asOf);
          if (kind === 'full') await analyseSnapshot(trx);
          const seconds = Math.round(performance.now() - t0) / 1000;
          if (kind !== 'none') await writeSnapshot(trx, { asOf: options.asOf, kind, buyers, seconds });
          return { kind, asOf: options.asOf, buyers, seconds };
        });
    } finally {
      await sql`select pg_advisory_unlock(${LOCK_KEY})`.execute(conn);
    }
  });
}

/**
 * Whether the stored snapshot answers for `asOf`: only for today, refreshing it first when it is missing or of
 * another day (the nightly job normally has). Any other day is for the caller to compute live.
 */
export async function snapshotAnswers(
  db: Kysely<Database>,
  asOf: Day,
  today: Day,
  pageSize?: number,
): Promise<boolean> {
  if (asOf !== today) return false;
  if ((await readSnapshot(db))?.asOf !== asOf)
    await refreshQuality(db, { asOf, ...(pageSize === undefined ? {} : { pageSize }) });
  return true;
}
