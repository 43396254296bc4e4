// Many rows as one statement parameter: the rows travel as one JSON array that `json_populate_recordset` turns into
// records of the target table's own type, so every value is cast to its column's type (arrays included). Against a
// multi-row VALUES list this spares PostgreSQL and the driver a parse, bind and type resolution per value, and the
// chunking under PostgreSQL's 65,535-parameter limit. Values must survive JSON: strings, numbers, booleans, arrays,
// ISO dates and nulls (no bytea). Columns are those of the first row; every row must have the same keys.
import { sql, type RawBuilder } from 'kysely';

export interface BulkRows {
  /** `(a, b, c)`'s inside: the column list, for `insert into t (…)` and `set a = v.a`. */
  columns: RawBuilder<unknown>;
  /** `select a, b, c from json_populate_recordset(null::t, $1::json)`. */
  select: RawBuilder<unknown>;
  names: string[];
}

// JSON.stringify writes a lone surrogate (a JavaScript string that is not valid Unicode, e.g. from a publisher's
// `"\ud800"` escape) as a `\udXXX` escape, and writes every valid pair as the character itself; PostgreSQL's JSON
// parser rejects such an escape. The driver sends a lone surrogate in a plain parameter as U+FFFD (UTF-8 encoding),
// so the same goes here: an escape preceded by an odd number of backslashes (not itself an escaped backslash).
const LONE_SURROGATE = /(\\+)u(d[89a-f][0-9a-f]{2})/gi;

/** Rows as JSON text PostgreSQL accepts, strings as the driver would have sent them. */
export function rowsJson(rows: readonly object[]): string {
  return JSON.stringify(rows).replace(LONE_SURROGATE, (match, slashes: string) =>
    slashes.length % 2 === 1 ? `${slashes.slice(1)}\\ufffd` : match,
  );
}

export function bulkRows(table: string, rows: readonly object[]): BulkRows {
  const names = rows[0] ? Object.keys(rows[0]) : [];
  const columns = sql.join(names.map((c) => sql.ref(c)));
  return {
    names,
    columns,
    select: sql`select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${rowsJson(rows)}::json)`,
  };
}
