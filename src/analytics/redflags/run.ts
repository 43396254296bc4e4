// Runs the red flags: the record flags over each record, the buyer flags over all records of one buyer. The
// loading reuses the quality facts loader (quality/load-facts.ts): same records, same merged organisations.
import type { Kysely } from 'kysely';
import type { RulesOn } from '../../domain/rules/index.js';
import type { Database } from '../../store/database.js';
import type { RecordFacts } from '../quality/facts.js';
import { loadRecordFacts, ocidPages } from '../quality/load-facts.js';
import type { FlagOutcome } from './flag.js';
import { BUYER_FLAGS, RECORD_FLAGS } from './registry.js';

export interface FlagResult extends FlagOutcome {
  flagId: string;
  /** The record judged; null for a buyer-level judgement. */
  ocid: string | null;
}

export function flagRecord(facts: RecordFacts, rules: RulesOn): FlagResult[] {
  return RECORD_FLAGS.flatMap((f) =>
    f.evaluate(facts, { rules }).map((o) => ({ ...o, flagId: f.id, ocid: facts.ocid })),
  );
}

export function flagBuyer(records: readonly RecordFacts[], rules: RulesOn): FlagResult[] {
  return BUYER_FLAGS.flatMap((f) =>
    f.evaluate(records, { rules }).map((o) => ({ ...o, flagId: f.id, ocid: null })),
  );
}

/** Every record of a buyer (organisations merged into it included), a page at a time. */
export async function loadBuyerRecords(db: Kysely<Database>, buyerId: number): Promise<RecordFacts[]> {
  const out: RecordFacts[] = [];
  for await (const page of ocidPages(db, { buyerId })) out.push(...(await loadRecordFacts(db, page)));
  return out;
}
