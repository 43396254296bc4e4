// Keeps the stored red flags up to date (docs/red-flags.md, "Stored results"): the buyers queued by projections and
// merges since the last refresh are judged again — every record's flags and the buyer-level flags — and their
// summary and flagged results stored in list order, so the flagged list of a buyer, and the national list, are one
// indexed read. One refresh at a time (a transaction-scoped advisory lock); readers see the old results until it
// commits. Judged with the rules in force (domain/rules), as the list computed on request is by default.
import { sql, type Kysely } from 'kysely';
import {
  flagBuyer,
  flagRecord,
  loadBuyerRecords,
  loadBuyersRecords,
  type FlagResult,
} from '../analytics/redflags/index.js';
import type { RecordFacts } from '../analytics/quality/facts.js';
import { survivingOrganisations } from '../analytics/quality/load-facts.js';
import { rulesOn, type RulesOn } from '../domain/rules/index.js';
import type { Database } from '../store/database.js';
import {
  clearRedFlagQueue,
  hasQueuedRedFlags,
  queuedRedFlagBuyers,
  replaceBuyerFlags,
} from '../store/redflag-store.repository.js';
import { SEVERITY, severityOf, sortResults, statusOf, summarise } from './redflags-report.js';

/** pg_advisory_xact_lock key of the refresh ('mbrf' as an int). */
const LOCK_KEY = 0x6d627266;

/** Every record of a buyer (and of organisations merged into it) judged: record flags and buyer-level flags. */
export async function judgeBuyer(
  db: Kysely<Database>,
  buyerId: number,
  rules: RulesOn,
): Promise<{ records: number; results: FlagResult[] }> {
  return judgeRecords(await loadBuyerRecords(db, buyerId), rules);
}

function judgeRecords(records: RecordFacts[], rules: RulesOn): { records: number; results: FlagResult[] } {
  const results = [...flagBuyer(records, rules), ...records.flatMap((r) => flagRecord(r, rules))];
  return { records: records.length, results };
}

/** How many buyers a refresh loads at once (their records a page at a time). */
const BUYERS_AT_ONCE = 200;

export interface RedFlagRefresh {
  buyers: number;
  /** Flagged results written. */
  rows: number;
  /** Whether the refresh vacuumed the results after writing many (`vacuumAfterRows`). */
  vacuumed: boolean;
  seconds: number;
}

/**
 * After writing this many results, a refresh vacuums them at once rather than waiting for autovacuum: until then the
 * national list's count in list order reads each of up to 10,001 rows from the table (p95 128 ms at 1M right after
 * a bulk write, 8 ms vacuumed; docs/performance.md). A full refresh at 1M writes hundreds of thousands.
 */
export const VACUUM_AFTER_ROWS = 10_000;

/** Judges the queued buyers again and stores their results; a no-op (one query) when nothing is queued. */
export async function refreshRedFlags(
  db: Kysely<Database>,
  options: { vacuumAfterRows?: number } = {},
): Promise<RedFlagRefresh> {
  const t0 = performance.now();
  if (!(await hasQueuedRedFlags(db))) return { buyers: 0, rows: 0, vacuumed: false, seconds: 0 };
  const rules = rulesOn();
  let written = 0;
  const buyers = await db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    const { buyerIds, upTo } = await queuedRedFlagBuyers(trx);
    const survivors = await survivingOrganisations(trx, buyerIds);
    const judge = new Set<number>();
    for (const id of buyerIds) {
      const s = survivors.get(id);
      if (s?.id !== id) await replaceBuyerFlags(trx, id, null);
      if (s) judge.add(s.id);
    }
    const ids = [...judge];
    for (let i = 0; i < ids.length; i += BUYERS_AT_ONCE)
      for (const [id, facts] of await loadBuyersRecords(trx, ids.slice(i, i + BUYERS_AT_ONCE))) {
        const { records, results } = judgeRecords(facts, rules);
        const rows = sortResults(results)
          .filter((r) => statusOf(r) === 'flagged')
          .map((r) => ({
            ocid: r.ocid,
            flagId: r.flagId,
            severity: SEVERITY[severityOf(r.flagId)],
            result: r,
          }));
        await replaceBuyerFlags(trx, id, { records, summary: summarise(results), rows });
        written += rows.length;
      }
    await clearRedFlagQueue(trx, upTo);
    return judge.size;
  });
  // Outside the transaction (VACUUM cannot run in one); readers are not blocked by it.
  const vacuumed = written >= (options.vacuumAfterRows ?? VACUUM_AFTER_ROWS);
  if (vacuumed) await sql`vacuum (analyze) red_flag_result`.execute(db);
  return { buyers, rows: written, vacuumed, seconds: (performance.now() - t0) / 1000 };
}
