// EXPLAIN (ANALYZE, BUFFERS) for the benchmarks at 1M (issue 6 asks for the plans of the slowest queries): a Kysely
// on the dataset's server that records each statement it runs with its duration, so a benchmark can run one service
// call and print the plan of that call's slowest statement, with the same parameters.
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Database } from '../../src/store/database.js';

export interface SlowestStatement {
  /** Client-side duration of the statement in the call. */
  ms: number;
  /** The statement, whitespace folded. */
  sql: string;
  /** EXPLAIN (ANALYZE, BUFFERS) of it, run again with the same parameters. */
  plan: string[];
}

export interface ExplainingDb {
  db: Kysely<Database>;
  /** Runs `task` once and explains its slowest statement. */
  slowestOf(task: () => Promise<unknown>): Promise<SlowestStatement>;
  destroy(): Promise<void>;
}

export function explainingKysely(url: string, poolSize: number, log: (line: string) => void): ExplainingDb {
  let recorded: { query: CompiledQuery; ms: number }[] = [];
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client cut off (the server stopping, another session ending it) is logged, not a crash before the report.
  pool.on('error', (e) => log(`idle database client: ${e.message}`));
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: (e) => {
      if (e.level === 'query') recorded.push({ query: e.query, ms: e.queryDurationMillis });
    },
  });
  return {
    db,
    async slowestOf(task) {
      recorded = [];
      await task();
      const slowest = [...recorded].sort((a, b) => b.ms - a.ms)[0];
      if (!slowest) return { ms: 0, sql: '', plan: [] };
      const plan = await pool.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers) ${slowest.query.sql}`,
        slowest.query.parameters as unknown[],
      );
      return {
        ms: Math.round(slowest.ms * 10) / 10,
        sql: slowest.query.sql.replace(/\s+/g, ' ').trim(),
        plan: plan.rows.map((r) => r['QUERY PLAN']),
      };
    },
    destroy: () => db.destroy(),
  };
}
