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

export function bulkRows(table: string, rows: readonly object[]): BulkRows {
  const names = rows[0] ? Object.keys(rows[0]) : [];
  const columns = sql.join(names.map((c) => sql.ref(c)));
  return {
    names,
    columns,
    select: sql`select ${columns} from json_populate_recordset(null::${sql.table(table)}, ${JSON.stringify(rows)}::json)`,
  };
}
