// Runs the red flags: the record flags over each record, the buyer flags over all records of one buyer. The
// loading reuses the quality facts loader (quality/load-facts.ts): same records, same merged organisations.
import { sql, type Kysely } from 'kysely';
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

/**
 * The records of several buyers at once, each buyer's as loadBuyerRecords gives them (its own and those of the
 * organisations merged into it, in ocid order): a few queries per `pageSize` records instead of per buyer, for
 * refreshing many buyers. `buyerIds` are survivors of merges.
 */
export async function loadBuyersRecords(
  db: Kysely<Database>,
  buyerIds: readonly number[],
  pageSize = 500,
): Promise<Map<number, RecordFacts[]>> {
  const out = new Map<number, RecordFacts[]>(buyerIds.map((id) => [id, []]));
  if (buyerIds.length === 0) return out;
  const owned = await sql<{ ocid: string; root: string }>`
    with recursive ids (root, id) as (
      select r, r from unnest(${[...buyerIds]}::bigint[]) as r
      union
      select ids.root, o.id from organisation o join ids on o.merged_into = ids.id
    )
    select p.ocid, ids.root from process p join ids on p.buyer_id = ids.id
    order by ids.root, p.ocid`.execute(db);
  const rootOf = new Map(owned.rows.map((r) => [r.ocid, Number(r.root)]));
  const ocids = owned.rows.map((r) => r.ocid);
  for (let i = 0; i < ocids.length; i += pageSize)
    for (const facts of await loadRecordFacts(db, ocids.slice(i, i + pageSize)))
      out.get(rootOf.get(facts.ocid)!)!.push(facts);
  return out;
}
