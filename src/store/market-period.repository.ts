// The summary's period tables (migration 0043; docs/market-analytics.md, "Period tables"): each CPV market's suppliers
// over the default period — the financial year of the refresh day and the two before it, to the refresh day — one
// row each with its new-entrant flag, and the supplier aggregate (src/analytics/market/aggregate.ts) of the period
// and of each of its years, added up by PostgreSQL in exact numeric from the summary's `cpv` supplier cells. Written
// by the summary's refresh in its transaction (market-summary.repository.ts). Awards after the refresh day (late
// cells) are left out: a row holds for a period ending before the market's next late award (`next_late_day`).
import { sql, type Transaction } from 'kysely';
import type { Day } from '../domain/rules/index.js';
import type { Database } from './database.js';
import type { PeriodVariant } from './market-summary.types.js';

const FY_OF = (day: Day) => {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m >= 4 ? y : y - 1;
};

/** The period's years for a refresh day: its financial year and the two before it. */
export const defaultPeriodYears = (refreshDay: Day) => ({
  first: FY_OF(refreshDay) - 2,
  last: FY_OF(refreshDay),
});

/** Sums of a supplier-level flag over the rows `y` (`cond`: the flag's yes; `known`: it is known). */
const flagColumns = (cond: string, known: string) => `
  coalesce(sum(y.units) filter (where ${cond}), 0), coalesce(sum(y.units) filter (where ${known}), 0),
  coalesce(sum(y.units) filter (where not (${known})), 0),
  coalesce(sum(y.pairs) filter (where ${cond}), 0), coalesce(sum(y.pairs) filter (where ${known}), 0),
  coalesce(sum(y.pairs) filter (where not (${known})), 0)`;

/** The aggregate columns over rows `y` (units, pairs, flags, local sums, `rk` the rank by units, `new_entrant`). */
const AGGREGATE = sql.raw(`count(*), coalesce(sum(y.pairs), 0), coalesce(sum(y.units), 0),
  coalesce(sum(y.units * y.units), 0), coalesce(sum(y.units) filter (where y.rk = 1), 0),
  coalesce(sum(y.units) filter (where y.rk <= 3), 0),
  ${flagColumns(`y.scale = 'sme'`, 'y.scale is not null')},
  ${flagColumns('y.vcse', 'y.vcse is not null')},
  coalesce(sum(y.local_yes_units), 0), coalesce(sum(y.local_yes_pairs), 0),
  coalesce(sum(y.local_unknown_units), 0), coalesce(sum(y.local_unknown_pairs), 0),
  count(*) filter (where y.new_entrant), coalesce(sum(y.units) filter (where y.new_entrant), 0)`);

const FIGURE_COLUMNS =
  sql.raw(`variant, cpv, fy, next_late_day, suppliers, pairs, units, sum_squares, top1, top3,
  sme_yes_units, sme_known_units, sme_unknown_units, sme_yes_pairs, sme_known_pairs, sme_unknown_pairs,
  vcse_yes_units, vcse_known_units, vcse_unknown_units, vcse_yes_pairs, vcse_known_pairs, vcse_unknown_pairs,
  local_yes_units, local_yes_pairs, local_unknown_units, local_unknown_pairs, entrants, entrant_units`);

async function writeVariant(
  trx: Transaction<Database>,
  variant: PeriodVariant,
  first: number,
  last: number,
  lookback: number,
): Promise<number> {
  const cells = variant === 'all' ? sql`true` : sql`not c.synthetic`;
  // Each supplier's sums per CPV market and year, from the look-back before the period to its last year.
  await sql`
    create temporary table period_cell on commit drop as
    select c.cpv, c.fy, c.supplier_id, min(c.supplier_name) as supplier_name, min(c.scale) as scale,
      (array_agg(c.vcse))[1] as vcse, sum(c.units) as units, sum(c.pairs)::int as pairs,
      sum(c.local_yes_units) as local_yes_units, sum(c.local_yes_pairs)::int as local_yes_pairs,
      sum(c.local_unknown_units) as local_unknown_units, sum(c.local_unknown_pairs)::int as local_unknown_pairs
    from market_summary_supplier c
    where c.level = 'cpv' and ${cells} and c.late_day is null and c.fy between ${first - lookback} and ${last}
    group by c.cpv, c.fy, c.supplier_id`.execute(trx);
  const suppliers = await sql`
    insert into market_period_supplier (variant, cpv, supplier_id, supplier_name, scale, vcse, units, pairs,
      local_yes_units, local_yes_pairs, local_unknown_units, local_unknown_pairs, new_entrant)
    select ${variant}, c.cpv, c.supplier_id, min(c.supplier_name), min(c.scale), (array_agg(c.vcse))[1],
      sum(c.units) filter (where c.fy >= ${first}), sum(c.pairs) filter (where c.fy >= ${first}),
      sum(c.local_yes_units) filter (where c.fy >= ${first}), sum(c.local_yes_pairs) filter (where c.fy >= ${first}),
      sum(c.local_unknown_units) filter (where c.fy >= ${first}),
      sum(c.local_unknown_pairs) filter (where c.fy >= ${first}),
      not bool_or(c.fy < ${first})
    from period_cell c group by c.cpv, c.supplier_id having bool_or(c.fy >= ${first})`.execute(trx);
  // Per year: a supplier is new when it had no award in the market in the look-back years before that year.
  await sql`
    insert into market_period_figure (${FIGURE_COLUMNS})
    select ${variant}, y.cpv, y.fy, null, ${AGGREGATE}
    from (select c.*, row_number() over (partition by c.cpv, c.fy order by c.units desc) as rk,
            coalesce(lag(c.fy) over (partition by c.cpv, c.supplier_id order by c.fy) < c.fy - ${lookback}, true)
              as new_entrant
          from period_cell c) y
    where y.fy >= ${first}
    group by y.cpv, y.fy`.execute(trx);
  await sql`
    insert into market_period_figure (${FIGURE_COLUMNS})
    select ${variant}, y.cpv, null, (select min(l.late_day) from market_summary_supplier l
        where l.level = 'cpv' and l.cpv = y.cpv and l.late_day is not null
          and (${variant} = 'all' or not l.synthetic)), ${AGGREGATE}
    from (select s.*, row_number() over (partition by s.cpv order by s.units desc) as rk
          from market_period_supplier s where s.variant = ${variant}) y
    group by y.cpv`.execute(trx);
  await sql`drop table period_cell`.execute(trx);
  return Number(suppliers.numAffectedRows ?? 0);
}

/** Rewrites the period tables from the summary's cells (inside the summary's refresh transaction). */
export async function refreshMarketPeriods(
  trx: Transaction<Database>,
  refreshDay: Day,
  lookback: number,
): Promise<number> {
  const { first, last } = defaultPeriodYears(refreshDay);
  await sql`delete from market_period_supplier`.execute(trx);
  await sql`delete from market_period_figure`.execute(trx);
  const synthetic = await sql<{ any: boolean }>`
    select exists (select 1 from market_summary_supplier where synthetic) as any`.execute(trx);
  const hasSynthetic = synthetic.rows[0]?.any ?? false;
  let rows = await writeVariant(trx, 'real', first, last, lookback);
  if (hasSynthetic) rows += await writeVariant(trx, 'all', first, last, lookback);
  await sql`
    insert into market_period_state (id, first_fy, last_fy, lookback_years, refresh_day, has_synthetic)
    values (1, ${first}, ${last}, ${lookback}, ${refreshDay}, ${hasSynthetic})
    on conflict (id) do update set first_fy = excluded.first_fy, last_fy = excluded.last_fy,
      lookback_years = excluded.lookback_years, refresh_day = excluded.refresh_day,
      has_synthetic = excluded.has_synthetic`.execute(trx);
  return rows;
}
