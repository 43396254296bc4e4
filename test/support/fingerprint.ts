// What a database holds, reduced to counts and one digest: two runs that should end alike must match exactly.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/store/database.js';

export interface Fingerprint {
  releases: number;
  records: number;
  processes: number;
  queued: number;
  digest: string;
}

export async function fingerprint(db: Kysely<Database>): Promise<Fingerprint> {
  const rows = await sql<{ k: string }>`
    select ocid || '|' || release_id || '|' || encode(hash, 'hex') as k from release order by 1`.execute(db);
  const recs = await sql<{
    k: string;
  }>`select ocid || '|' || md5(compiled::text) as k from record order by 1`.execute(db);
  const c = await sql<{ records: number; processes: number; queued: number }>`
    select (select count(*)::int from record) as records, (select count(*)::int from process) as processes,
           (select count(*)::int from compile_queue) as queued`.execute(db);
  const h = createHash('sha256');
  for (const r of rows.rows) h.update(`${r.k}\n`);
  for (const r of recs.rows) h.update(`${r.k}\n`);
  return { releases: rows.rows.length, ...c.rows[0]!, digest: h.digest('hex') };
}

/** A seeded generator, so a failing run can be repeated with the same random choices. */
export function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
