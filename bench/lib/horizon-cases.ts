// What the horizon scan and collaboration finder benchmarks share: real filters picked from the scaled data, and each
// case timed with its p50, p95 and ratio to the 50 ms target (issue 6).
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/store/database.js';
import { percentile, timeRuns } from './timing.js';

/** The buyer with the most let contracts, the commonest CPV division and the commonest ITL1 region. */
export async function pickHorizonFilters(
  db: Kysely<Database>,
): Promise<{ buyer: string; cpv: string; region: string }> {
  const pick = async (query: ReturnType<typeof sql<{ v: string }>>) => (await query.execute(db)).rows[0]!.v;
  const buyer = await pick(sql<{ v: string }>`
    select buyer_id::text as v from horizon_entry where buyer_id is not null
    group by buyer_id order by count(*) desc limit 1`);
  const cpv = await pick(sql<{ v: string }>`
    select c as v from horizon_entry, unnest(cpv_prefixes) c where length(c) = 2
    group by c order by count(*) desc limit 1`);
  const region = await pick(sql<{ v: string }>`
    select r as v from horizon_entry, unnest(region_prefixes) r where length(r) = 3
    group by r order by count(*) desc limit 1`);
  return { buyer, cpv, region };
}

export type MeasuredCase<I, K extends string> = {
  case: string;
  filter: I;
  p50Ms: number;
  p95Ms: number;
  ratioToTarget50ms: number;
} & Record<K, number>;

/**
 * Every case timed `runs` times; `prepare` turns a case's input into the task to time (its `total` is reported as
 * `counted`); `state` says whether autovacuum had set the visibility map (index-only scans) or not yet.
 */
export async function measureCases<I, K extends string>(
  cases: readonly [string, I][],
  options: { runs: number; state: string; counted: K; log: (line: string) => void },
  prepare: (input: I) => () => Promise<{ total: number }>,
): Promise<MeasuredCase<I, K>[]> {
  const results: MeasuredCase<I, K>[] = [];
  for (const [name, input] of cases) {
    const task = prepare(input);
    options.log(`${options.state}: ${name} × ${options.runs}…`);
    const times = await timeRuns(options.runs, task);
    const total = (await task()).total;
    const p95 = percentile(times, 95);
    results.push({
      case: name,
      filter: input,
      [options.counted]: total,
      p50Ms: Math.round(percentile(times, 50) * 10) / 10,
      p95Ms: Math.round(p95 * 10) / 10,
      ratioToTarget50ms: Math.round((p95 / 50) * 100) / 100,
    } as MeasuredCase<I, K>);
  }
  return results;
}
