// Client-side time per kind of SQL statement (Kysely's query log): which statements of an ingest take the time.
// A statement's kind is its text with parameters and repeated value lists folded, cut to 90 characters.
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import type { Database } from '../../src/store/database.js';

export interface StatementTime {
  statement: string;
  calls: number;
  ms: number;
}

export function statementKind(text: string): string {
  return text
    .replace(/\$\d+(::[a-z[\]]+)?/g, '?')
    .replace(/\((\?, )*\?\)(, \((\?, )*\?\))+/g, '(…)')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 90);
}

/** A Kysely on `url` that adds every statement's duration to the returned table. */
export function loggedKysely(
  url: string,
  poolSize: number,
): { db: Kysely<Database>; times: Map<string, StatementTime> } {
  const times = new Map<string, StatementTime>();
  const log = (event: LogEvent) => {
    const statement = statementKind(event.query.sql);
    const t = times.get(statement) ?? { statement, calls: 0, ms: 0 };
    t.calls += 1;
    t.ms += event.queryDurationMillis;
    times.set(statement, t);
  };
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }), log }), times };
}

/** The `n` statement kinds that took longest, longest first. */
export function topStatements(times: Map<string, StatementTime>, n: number): StatementTime[] {
  return [...times.values()].sort((a, b) => b.ms - a.ms).slice(0, n);
}
