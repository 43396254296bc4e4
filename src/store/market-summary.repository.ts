// Rebuilds the market analytics' summary (migration 0034; docs/market-analytics.md, "Summary table") from the market
// facts (migration 0030): every active award × supplier, followed to the organisation it was merged into, added up
// per financial year into supplier, award and process cells at the `buyer` and `cpv` levels. Awards dated after the
// refresh day are kept by day (`late_day`), so that a period ending today (the default) still reads whole cells.
// What the figures need per pair is decided here once: its value in exact units (src/domain/money-units.ts), split
// among the award's suppliers; local or not (isLocal in src/analytics/market/metrics.ts, at the policy's ITL level);
// direct award or not (howProcured, src/domain/procedure.ts, run in Node over the distinct procedures and joined).
// One transaction, one refresh at a time (advisory lock): pages read the old summary until it commits. The
// version of the facts it was built from is stored: statement triggers bump `market_fact_version` on any change to
// market_fact or organisation, and readers use the summary only when the two match (summaryState).
import { sql, type Kysely, type RawBuilder, type Transaction } from 'kysely';
import { UNIT_DECIMALS } from '../domain/money-units.js';
import { howProcured } from '../domain/procedure.js';
import { marketPolicyOn, ukDay, type Day } from '../domain/rules/index.js';
import type { Database } from './database.js';
import { refreshMarketPeriods } from './market-period.repository.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface MarketSummaryRefresh {
  facts: number;
  cells: number;
  refreshDay: Day;
  seconds: number;
}

export interface MarketSummaryState {
  /** False when the facts or organisations changed since the summary was built. */
  fresh: boolean;
  refreshDay: Day;
  localItlLevel: number;
  refreshedAt: Date;
  /** How long the last refresh took, and the cells it wrote. */
  seconds: number;
  cells: number;
  /** The period tables written with it (migration 0043), or null before their first refresh. */
  period: PeriodState | null;
}

/** The default period the period tables hold (market-period.repository.ts). */
export interface PeriodState {
  first: number;
  last: number;
  lookback: number;
  refreshDay: Day;
  hasSynthetic: boolean;
}

const LOCK = sql`select pg_advisory_xact_lock(hashtext('missionbuy:market-summary'))`;

/** Exact units of `value ÷ parts` in SQL, as toUnits computes them (numeric `div` truncates the exact quotient). */
const unitsSql = (value: RawBuilder<unknown>, parts: RawBuilder<unknown>) =>
  sql`(sign(${value}) * div(abs(${value}) * ${sql.lit(2 * 10 ** UNIT_DECIMALS)} + ${parts}, 2 * ${parts}))`;

/** The pairs of the facts with what the summary keys and sums need (a temporary table for this transaction). */
async function loadPairs(trx: Transaction<Database>, refreshDay: Day, itlLevel: number): Promise<number> {
  const procedures = await sql<{ m: string; d: string; n: string[] }>`
    select distinct coalesce(procurement_method, '') as m, coalesce(procurement_method_details, '') as d,
      coalesce(notice_types, '{}') as n
    from market_fact`.execute(trx);
  // tidy() in howProcured reads '' as not published, as it reads null.
  const classified = procedures.rows.map((p) => ({
    ...p,
    direct: howProcured({ procurementMethod: p.m, procurementMethodDetails: p.d, noticeTypes: p.n })
      .directAward,
  }));
  const n = 2 + itlLevel; // characters of an ITL code at that level (UKE = ITL1)
  const gbp = sql`f.currency = 'GBP' and f.value is not null`;
  await sql`
    create temporary table market_pair on commit drop as
    select f.ocid, f.pair_no, f.synthetic, f.buyer_id, f.cpv_main,
      extract(year from f.award_day - interval '3 months')::int as fy,
      case when f.award_day > ${refreshDay}::date then f.award_day end as late_day,
      f.value, f.currency, f.supplier_count,
      case when ${gbp} then ${unitsSql(sql`f.value`, sql`1`)} else 0 end as award_units,
      case when ${gbp} then ${unitsSql(sql`f.value`, sql`greatest(f.supplier_count, 1)`)} else 0 end as pair_units,
      o.id as supplier_id, o.name as supplier_name, o.scale, o.vcse,
      case when loc.s is null or cardinality(loc.others) = 0 then null else loc.s = any(loc.others) end as local,
      d.direct,
      coalesce(f.procurement_method in ('open', 'selective'), false) as competitive,
      case when f.number_of_tenderers is null then null when f.number_of_tenderers = 1 then 1 else 2 end
        as tenderers,
      array(select distinct x from unnest(array_append(f.delivery_regions, b.region_code)) x
            where x is not null order by x) as regions
    from market_fact f
    left join organisation o0 on o0.id = f.organisation_id
    left join organisation o on o.id = coalesce(o0.merged_into, o0.id)
    left join organisation b on b.id = f.buyer_id
    left join jsonb_to_recordset(${JSON.stringify(classified)}::jsonb) as d(m text, d text, n text[], direct boolean)
      on d.m = coalesce(f.procurement_method, '') and d.d = coalesce(f.procurement_method_details, '')
        and d.n = coalesce(f.notice_types, '{}')
    cross join lateral (
      select case when length(o.region_code) >= ${n} then left(o.region_code, ${n}) end as s,
        array(select left(x, ${n}) from unnest(array_append(f.delivery_regions, b.region_code)) x
              where length(x) >= ${n}) as others
    ) loc`.execute(trx);
  // CREATE TABLE AS reports no row count through Kysely.
  const pairs = await sql<{ n: number }>`select count(*)::int as n from market_pair`.execute(trx);
  return pairs.rows[0]!.n;
}

/** The cells each pair (or process) `p` adds to: its buyer cell and its CPV division, group and class cells. */
const LEVELS = sql`cross join lateral (values
    ('buyer', left(p.cpv_main, 4), p.buyer_id, p.regions, 0),
    ('cpv', left(p.cpv_main, 2), null::bigint, null::text[], 2),
    ('cpv', left(p.cpv_main, 3), null, null, 3),
    ('cpv', left(p.cpv_main, 4), null, null, 4)) v(level, cpv, buyer_id, regions, digits)`;
const AT_LEVEL = sql`(v.level = 'buyer' or length(p.cpv_main) >= v.digits)`;
const KEY = sql`v.level, p.synthetic, v.buyer_id, v.cpv, v.regions`;

async function insertCells(trx: Transaction<Database>): Promise<number> {
  const suppliers = await sql`
    insert into market_summary_supplier (level, synthetic, buyer_id, cpv, regions, fy, late_day, supplier_id,
      supplier_name, scale, vcse, units, pairs, local_yes_units, local_yes_pairs, local_unknown_units,
      local_unknown_pairs)
    select ${KEY}, p.fy, p.late_day, p.supplier_id, p.supplier_name, p.scale, p.vcse,
      sum(p.pair_units), count(*),
      coalesce(sum(p.pair_units) filter (where p.local), 0), count(*) filter (where p.local),
      coalesce(sum(p.pair_units) filter (where p.local is null), 0), count(*) filter (where p.local is null)
    from market_pair p ${LEVELS}
    where ${AT_LEVEL} and p.supplier_id is not null and p.fy is not null
    group by ${KEY}, p.fy, p.late_day, p.supplier_id, p.supplier_name, p.scale, p.vcse
    order by v.level, v.cpv, v.buyer_id, p.fy`.execute(trx);
  const awards = await sql`
    insert into market_summary_award (level, synthetic, buyer_id, cpv, regions, fy, late_day, awards, gbp_units,
      other_currency, no_value, no_supplier, direct_yes, direct_yes_units, direct_unknown, supplied_awards, supplied_value)
    select ${KEY}, p.fy, p.late_day, count(*), sum(p.award_units),
      count(*) filter (where p.value is not null and p.currency is distinct from 'GBP'),
      count(*) filter (where p.value is null), count(*) filter (where p.supplier_id is null),
      count(*) filter (where p.direct), coalesce(sum(p.award_units) filter (where p.direct), 0),
      count(*) filter (where p.direct is null),
      count(*) filter (where p.currency = 'GBP' and p.supplier_count > 0),
      coalesce(sum(p.value) filter (where p.currency = 'GBP' and p.supplier_count > 0), 0)
    from market_pair p ${LEVELS}
    where ${AT_LEVEL} and p.pair_no = 1
    group by ${KEY}, p.fy, p.late_day
    order by v.level, v.cpv, v.buyer_id, p.fy`.execute(trx);
  // A process's pattern: the years with an award on or before the refresh day, and for the other years with awards
  // the first (late) award day; a period counts the process when one of them falls in it.
  const processes = await sql`
    with per_year as (
      select ocid, fy, bool_or(late_day is null) as early, min(late_day) as first_late
      from market_pair where pair_no = 1 and fy is not null group by ocid, fy
    ), pattern as (
      select ocid, coalesce(array_agg(fy order by fy) filter (where early), '{}') as years,
        coalesce(array_agg(first_late order by first_late) filter (where not early), '{}') as late
      from per_year group by ocid
    ), p as (
      select distinct on (m.ocid) m.ocid, m.synthetic, m.buyer_id, m.cpv_main, m.regions, m.competitive,
        m.tenderers, pattern.years, pattern.late
      from market_pair m join pattern on pattern.ocid = m.ocid
      where m.pair_no = 1
    )
    insert into market_summary_process (level, synthetic, buyer_id, cpv, regions, years, late, competitive,
      tenderers, processes)
    select ${KEY}, p.years, p.late, p.competitive, p.tenderers, count(*)
    from p ${LEVELS}
    where ${AT_LEVEL}
    group by ${KEY}, p.years, p.late, p.competitive, p.tenderers
    order by v.level, v.cpv, v.buyer_id`.execute(trx);
  return [suppliers, awards, processes].reduce((a, r) => a + Number(r.numAffectedRows ?? 0), 0);
}

async function rebuild(trx: Transaction<Database>, today: Day): Promise<MarketSummaryRefresh> {
  await LOCK.execute(trx);
  const started = performance.now();
  // Read first: a change committed while this runs makes the summary stale (read-committed), never wrong.
  const version = await sql<{
    version: string;
  }>`select version from market_fact_version where id = 1`.execute(trx);
  const level = marketPolicyOn(today).value.localItlLevel;
  const facts = await loadPairs(trx, today, level);
  for (const table of ['market_summary_supplier', 'market_summary_award', 'market_summary_process'] as const)
    await trx.deleteFrom(table).execute();
  const cells = await insertCells(trx);
  await refreshMarketPeriods(trx, today, marketPolicyOn(today).value.newEntrantLookbackYears);
  const seconds = Math.round(performance.now() - started) / 1000;
  await sql`
    insert into market_summary_state (id, fact_version, refresh_day, local_itl_level, refreshed_at, seconds, cells)
    values (1, ${version.rows[0]!.version}, ${today}, ${level}, now(), ${seconds}, ${cells})
    on conflict (id) do update set fact_version = excluded.fact_version, refresh_day = excluded.refresh_day,
      local_itl_level = excluded.local_itl_level, refreshed_at = excluded.refreshed_at,
      seconds = excluded.seconds, cells = excluded.cells`.execute(trx);
  await sql`drop table market_pair`.execute(trx);
  await sql`analyze market_summary_supplier, market_summary_award, market_summary_process, market_period_supplier,
    market_period_figure`.execute(trx);
  return { facts, cells, refreshDay: today, seconds };
}

/** Rebuilds the whole summary (after ingest or sync). `today`: the refresh day (UK), by default today. */
export function refreshMarketSummary(db: Db, today: Day = ukDay(new Date())!): Promise<MarketSummaryRefresh> {
  return db.isTransaction
    ? rebuild(db as Transaction<Database>, today)
    : db.transaction().execute((trx) => rebuild(trx, today));
}

/** The summary's state, or null when it was never built. */
export async function summaryState(db: Db): Promise<MarketSummaryState | null> {
  const r = await sql<{
    fresh: boolean;
    refresh_day: string;
    local_itl_level: number;
    refreshed_at: Date;
    seconds: string;
    cells: number;
    first_fy: number | null;
    last_fy: number;
    lookback_years: number;
    period_day: string;
    has_synthetic: boolean;
  }>`
    select s.fact_version = v.version as fresh, s.refresh_day::text as refresh_day, s.local_itl_level,
      s.refreshed_at, s.seconds::text as seconds, s.cells, p.first_fy, p.last_fy, p.lookback_years,
      p.refresh_day::text as period_day, p.has_synthetic
    from market_summary_state s cross join market_fact_version v left join market_period_state p on p.id = 1`.execute(
    db,
  );
  const s = r.rows[0];
  return s
    ? {
        fresh: s.fresh,
        refreshDay: s.refresh_day,
        localItlLevel: s.local_itl_level,
        refreshedAt: s.refreshed_at,
        seconds: Number(s.seconds),
        cells: s.cells,
        period:
          s.first_fy === null
            ? null
            : {
                first: s.first_fy,
                last: s.last_fy,
                lookback: s.lookback_years,
                refreshDay: s.period_day,
                hasSynthetic: s.has_synthetic,
              },
      }
    : null;
}
