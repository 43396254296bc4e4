// The horizon scan's day counts (migration 0047; docs/horizon-scan.md, "Day counts"): per scope (national '', or
// 'm:' and a mission id, 'c:' and a CPV division, 'r:' and an ITL1 region in NUTS form), kind of day and lead-time
// band, the number of horizon rows and their value in pounds, so those views count their windows and find their
// page from a few thousand rows instead of every row of the window. Rebuilt whole after ingest, sync and imports (services/derived-refresh.ts), in one
// transaction, one refresh at a time (advisory lock): the scan reads the old counts until it commits. The version of
// horizon_entry they were built from is stored (read before the rows, so a write committed meanwhile leaves them
// marked out of date, never the reverse), with the lead-time bands they were counted in.
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { leadTimesOn, ukDay, type Day, type LeadTimePolicy } from '../domain/rules/index.js';
import type { Database } from './database.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface HorizonDayCountRefresh {
  /** Rows of horizon_day_count written. */
  rows: number;
  refreshDay: Day;
  seconds: number;
}

/** The stored form of a policy's bands: counts built with other bands are not read. */
export function bandsKey(policy: LeadTimePolicy): string {
  return JSON.stringify({
    bands: policy.bands.map((b) => [b.from, b.months]),
    unknown: policy.unknownValueMonths,
  });
}

/**
 * A value's band as stored: the index in `policy.bands` (a value below the first band's lowest counts in the first,
 * as leadTimeMonths does), or -1 when the value is not known in pounds.
 */
export function bandIndex(value: RawBuilder<unknown>, policy: LeadTimePolicy): RawBuilder<number> {
  const whens = policy.bands.map((b, i) => sql`when ${value} >= ${b.from}::numeric then ${i}`).reverse();
  return sql<number>`(case when ${value} is null then -1 ${sql.join(whens, sql` `)} else 0 end)::smallint`;
}

/** The lead months of a band index (`band`: an SQL expression; -1 is the months for a value not known). */
export function bandMonths(band: RawBuilder<unknown>, policy: LeadTimePolicy): RawBuilder<number> {
  const whens = policy.bands.map((b, i) => sql`when ${i} then ${b.months}::int`);
  return sql<number>`case ${band} when -1 then ${policy.unknownValueMonths}::int ${sql.join(whens, sql` `)} end`;
}

const LOCK = sql`select pg_advisory_xact_lock(hashtext('missionbuy:horizon-day-count'))`;

async function rebuild(trx: Transaction<Database>, today: Day): Promise<HorizonDayCountRefresh> {
  const t0 = performance.now();
  const policy = leadTimesOn(today).value;
  await LOCK.execute(trx);
  const version = await sql<{ version: string }>`select version::text from horizon_entry_version`.execute(
    trx,
  );
  await sql`delete from horizon_day_count`.execute(trx);
  const inserted = await sql`
    insert into horizon_day_count (scope, kind, day, end_day, band, contracts, value)
    select s.scope, k.kind, k.day, k.end_day, b.band, count(*)::int, coalesce(sum(e.gbp_value), 0)
    from horizon_entry e
    cross join lateral (select ${bandIndex(sql`e.gbp_value`, policy)} as band) b
    cross join lateral (values
        ('end', e.end_day, null::date),
        ('max', coalesce(e.max_extent_day, e.end_day), null::date),
        ('ext', case when e.max_extent_day is not null and (e.end_day is null or e.end_day < e.max_extent_day)
                     then e.max_extent_day end, e.end_day)) k(kind, day, end_day)
    cross join lateral (select '' as scope
        union all select 'm:' || m from unnest(e.mission_ids) m
        union all select 'c:' || c from unnest(e.cpv_prefixes) c where length(c) = 2
        union all select 'r:' || r from unnest(e.region_prefixes) r where length(r) = 3) s
    where k.day is not null
    group by s.scope, k.kind, k.day, k.end_day, b.band`.execute(trx);
  const rows = Number(inserted.numAffectedRows ?? 0);
  const seconds = Math.round(performance.now() - t0) / 1000;
  await sql`
    insert into horizon_day_state (id, entry_version, bands, refresh_day, refreshed_at, seconds, count_rows)
    values (1, ${version.rows[0]!.version}, ${bandsKey(policy)}, ${today}, now(), ${seconds}, ${rows})
    on conflict (id) do update set entry_version = excluded.entry_version, bands = excluded.bands,
      refresh_day = excluded.refresh_day, refreshed_at = excluded.refreshed_at, seconds = excluded.seconds,
      count_rows = excluded.count_rows`.execute(trx);
  await sql`analyze horizon_day_count`.execute(trx);
  return { rows, refreshDay: today, seconds };
}

/** Rebuilds every count (after ingest, sync or an import). `today`: the UK day whose lead-time bands are counted. */
export function refreshHorizonDayCounts(
  db: Db,
  today: Day = ukDay(new Date())!,
): Promise<HorizonDayCountRefresh> {
  return db.isTransaction
    ? rebuild(db as Transaction<Database>, today)
    : db.transaction().execute((trx) => rebuild(trx, today));
}
