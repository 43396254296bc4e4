// The market profile of a large CPV market at a million contracts (issue 6: p95 ≤ 50 ms; docs/market-analytics.md,
// "Period tables"): the summary's cells (migration 0034) still leave one row per supplier and year to add up — 24,487
// for CPV 34 — so for the default period (the current financial year and the two before it, to the refresh day)
// each CPV market's suppliers are added up once more at the refresh: one row per supplier for the period
// (`market_period_supplier`, with its new-entrant flag, indexed by value for the page of the list shown) and the
// supplier aggregate of the period and of each year (`market_period_figure`: count, exact value, sum of squares, top
// one and three, SME / VCSE / local sums, entrants). Rebuilt with the summary in the same transaction
// (src/store/market-period.repository.ts), so as fresh as it; filled here by a refresh when there are facts.
import { sql, type Kysely } from 'kysely';
import { refreshMarketSummary } from '../market-summary.repository.js';
import type { Database } from '../database.js';

const FLAG = (f: string) => `
      ${f}_yes_units numeric not null, ${f}_known_units numeric not null, ${f}_unknown_units numeric not null,
      ${f}_yes_pairs int not null, ${f}_known_pairs int not null, ${f}_unknown_pairs int not null`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(
      `
    create table market_period_state (
      id int primary key check (id = 1),
      first_fy int not null,
      last_fy int not null,
      lookback_years int not null,
      refresh_day date not null,
      has_synthetic boolean not null
    );
    create table market_period_supplier (
      variant text not null check (variant in ('real', 'all')),
      cpv text not null,
      supplier_id bigint not null,
      supplier_name text not null,
      scale text,
      vcse boolean,
      units numeric not null,
      pairs int not null,
      local_yes_units numeric not null,
      local_yes_pairs int not null,
      local_unknown_units numeric not null,
      local_unknown_pairs int not null,
      new_entrant boolean not null
    );
    create index market_period_supplier_rank on market_period_supplier (variant, cpv, units desc, pairs desc);
    create table market_period_figure (
      variant text not null check (variant in ('real', 'all')),
      cpv text not null,
      fy int,
      next_late_day date,
      suppliers int not null,
      pairs int not null,
      units numeric not null,
      sum_squares numeric not null,
      top1 numeric not null,
      top3 numeric not null,${FLAG('sme')},${FLAG('vcse')},
      local_yes_units numeric not null,
      local_yes_pairs int not null,
      local_unknown_units numeric not null,
      local_unknown_pairs int not null,
      entrants int not null,
      entrant_units numeric not null,
      unique nulls not distinct (variant, cpv, fy)
    );
  `,
    )
    .execute(db);
  const facts = await sql<{ any: boolean }>`select exists (select 1 from market_fact) as any`.execute(db);
  if (facts.rows[0]?.any) await refreshMarketSummary(db as Kysely<Database>);
}
