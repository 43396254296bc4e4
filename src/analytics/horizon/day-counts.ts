// The horizon scan from its day counts (migration 0047; docs/horizon-scan.md, "Day counts"): for the national view
// and the views of one mission, one CPV division or one ITL1 region, the window totals and the page's place in the
// order come from horizon_day_count (a few thousand rows: per day and lead-time band), and a page sorted by a day
// then reads only the days that hold it (query.ts, KeyRange). Used only while the counts are current (built from
// the horizon rows as they are now, with the lead-time bands in force on the as-of day); otherwise the caller reads
// horizon_entry directly, with the same results.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Day, LeadTimePolicy } from '../../domain/rules/index.js';
import type { Database } from '../../store/database.js';
import { bandMonths, bandsKey } from '../../store/horizon-day-count.repository.js';
import {
  findHorizonPage,
  summariseHorizon,
  type HorizonPageOptions,
  type HorizonRow,
  type HorizonScope,
  type KeyRange,
  type WindowTotal,
} from './query.js';

type Db = Kysely<Database>;

/**
 * The counted scope of a scan: '' nationally; else its one filter among a mission ('m:'), a CPV division ('c:') and
 * an ITL1 region in NUTS form ('r:'); null for any other filter or combination.
 */
export function countedScope(scope: HorizonScope): string | null {
  const { buyerId, cpvPrefix, region, supplierId, minValue, missionId } = scope;
  if (buyerId !== undefined || supplierId !== undefined || minValue !== undefined) return null;
  const keys = [
    ...(missionId === undefined ? [] : [`m:${missionId}`]),
    ...(cpvPrefix === undefined ? [] : cpvPrefix.length === 2 ? [`c:${cpvPrefix}`] : [null]),
    ...(region === undefined ? [] : region.length === 3 ? [`r:${region}`] : [null]),
  ];
  if (keys.length > 1) return null;
  return keys.length === 0 ? '' : keys[0]!;
}

const day = (d: Day) => sql`${d}::date`;

/** The counts of the window by the day that counts and band, as `c` (h, band, contracts, value). */
function countsOf(key: string, scope: HorizonScope, widest: Day): RawBuilder<unknown> {
  const fresh = sql`(select ok from fresh)`;
  const read = (kind: string, more: RawBuilder<unknown> = sql`true`) => sql`
    select day as h, band, contracts, value from horizon_day_count
    where ${fresh} and scope = ${key} and kind = ${kind} and day >= ${day(scope.asOf)} and day <= ${day(widest)}
      and ${more}`;
  switch (scope.basis) {
    case 'end':
      return read('end');
    case 'max-extent':
      return read('max');
    case 'next':
      // Contracts whose end is in the window, and those whose end has passed (or is not known) with a latest
      // possible end in it (windowBranches).
      return sql`${read('end')} union all
        ${read('ext', sql`(end_day is null or end_day < ${day(scope.asOf)})`)}`;
  }
}

/** The sort key of a count: its day, or its day less the band's lead months (-1: value not known). */
function keyOf(sort: KeyRange['sort'], policy: LeadTimePolicy): RawBuilder<unknown> {
  if (sort === 'end') return sql`h`;
  return sql`(h - make_interval(months => ${bandMonths(sql`band`, policy)}))::date`;
}

export interface CountedScan {
  totals: WindowTotal[];
  rows: HorizonRow[];
}

/** Where the page is in the counts' order: its first and last sort keys, and the rows before the first key. */
interface PagePlace {
  k1: string | null;
  k2: string | null;
  klast: string | null;
  skip: number;
}

/**
 * The totals per window, and where the page is when it is sorted by a day (null for the sort by value), in one
 * statement over the counts; null when the counts are out of date or were built with other bands.
 */
async function readCounts(
  db: Db,
  key: string,
  scope: HorizonScope,
  windows: readonly { months: number; last: Day }[],
  page: HorizonPageOptions,
): Promise<{ totals: WindowTotal[]; place: PagePlace | null } | null> {
  const widest = windows.reduce((a, w) => (w.last > a ? w.last : a), page.last);
  const cols = windows.map(
    (w, i) => sql`coalesce(sum(contracts) filter (where h <= ${day(w.last)}), 0)::int as ${sql.ref(`n${i}`)},
      coalesce(sum(value) filter (where h <= ${day(w.last)}), 0)::text as ${sql.ref(`v${i}`)},
      coalesce(sum(contracts) filter (where h <= ${day(w.last)} and band = -1), 0)::int as ${sql.ref(`u${i}`)}`,
  );
  let place = sql`select null::text as k1, null::text as k2, null::text as klast, 0 as skip`;
  if (page.sort !== 'value') {
    const dir = page.order === 'asc' ? sql`asc` : sql`desc`;
    // Running counts grow in the page's order: its first key is the least one past the offset in that order.
    const [firstOf, lastOf] = page.order === 'asc' ? [sql`min`, sql`max`] : [sql`max`, sql`min`];
    place = sql`select ${firstOf}(k) filter (where cum > ${page.offset})::text as k1,
        ${firstOf}(k) filter (where cum >= ${page.offset + page.limit})::text as k2, ${lastOf}(k)::text as klast,
        coalesce(max(cum) filter (where cum <= ${page.offset}), 0)::int as skip
      from (select k, sum(n) over (order by k ${dir}) as cum
            from (select ${keyOf(page.sort, page.policy)} as k, sum(contracts)::int as n from c
                  where h <= ${day(page.last)} group by 1) g) r`;
  }
  const r = await sql<Record<string, string | number | boolean | null>>`
    with fresh as materialized (select exists (select 1 from horizon_day_state s
        join horizon_entry_version v on v.version = s.entry_version
        where s.id = 1 and s.bands = ${bandsKey(page.policy)}) as ok),
      c as materialized (${countsOf(key, scope, widest)})
    select (select ok from fresh) as fresh, t.*, p.*
    from (select ${sql.join(cols, sql`, `)} from c) t, (${place}) p`.execute(db);
  const row = r.rows[0]!;
  if (row.fresh !== true) return null;
  return {
    totals: windows.map((w, i) => ({
      months: w.months,
      last: w.last,
      contracts: Number(row[`n${i}`]),
      valueGbp: String(row[`v${i}`]),
      valueNotKnown: Number(row[`u${i}`]),
    })),
    place:
      page.sort === 'value'
        ? null
        : {
            k1: row.k1 as string | null,
            k2: row.k2 as string | null,
            klast: row.klast as string | null,
            skip: Number(row.skip),
          },
  };
}

/** What the counts gave: the totals (null: they cannot answer) and the page when it was read (null: not read). */
interface FromCounts {
  totals: WindowTotal[] | null;
  rows: HorizonRow[] | null;
}

async function fromCounts(
  db: Db,
  scope: HorizonScope,
  windows: readonly { months: number; last: Day }[],
  page: HorizonPageOptions,
): Promise<FromCounts> {
  const key = countedScope(scope);
  if (key === null || page.range !== undefined) return { totals: null, rows: null };
  if (page.sort === 'value') {
    // No day to find the page by: it is read from the horizon rows beside the counts (and kept when they cannot
    // answer, so the caller does not read it again).
    const [counts, rows] = await Promise.all([
      readCounts(db, key, scope, windows, page),
      findHorizonPage(db, scope, page),
    ]);
    return { totals: counts?.totals ?? null, rows };
  }
  const counts = await readCounts(db, key, scope, windows, page);
  if (counts === null) return { totals: null, rows: null };
  const { totals, place } = counts;
  if (place?.k1 == null) return { totals, rows: [] };
  const lastKey = place.k2 ?? place.klast!;
  const [from, to] = place.k1 <= lastKey ? [place.k1, lastKey] : [lastKey, place.k1];
  const rows = await findHorizonPage(db, scope, {
    ...page,
    offset: page.offset - place.skip,
    range: { sort: page.sort, from, to },
  });
  return { totals, rows };
}

/**
 * The totals per window and one page of the scan from the day counts; null when they cannot answer (other
 * filters, counts out of date or built with other bands). Sorted by a day, the page reads only the days that hold
 * it; sorted by value, it is read from the horizon rows beside the counts.
 */
export async function scanFromDayCounts(
  db: Db,
  scope: HorizonScope,
  windows: readonly { months: number; last: Day }[],
  page: HorizonPageOptions,
): Promise<CountedScan | null> {
  const { totals, rows } = await fromCounts(db, scope, windows, page);
  return totals === null ? null : { totals, rows: rows! };
}

/** The scan: from the day counts when they can answer, else (what they did not give) from the horizon rows. */
export async function scanHorizon(
  db: Db,
  scope: HorizonScope,
  windows: readonly { months: number; last: Day }[],
  page: HorizonPageOptions,
): Promise<CountedScan> {
  const counted = await fromCounts(db, scope, windows, page);
  const [rows, totals] = await Promise.all([
    counted.rows ?? findHorizonPage(db, scope, page),
    counted.totals ?? summariseHorizon(db, scope, windows, page.policy),
  ]);
  return { rows, totals };
}
