// Paid money and LM3 (issue 9 item 5, docs/paid-money.md): a buyer's LM3 figures per financial year — staff costs,
// the local staff's part, its default re-spend share and its staff's — and its survey shares per supplier: what
// share of their takings local suppliers re-spend locally. One row per buyer and year; shares 0–1; editing writes an
// audit row (store/lm3.repository.ts).
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table lm3_input (
      buyer_id bigint not null references organisation (id) on delete cascade,
      financial_year integer not null check (financial_year between 2000 and 2100),
      staff_costs numeric check (staff_costs >= 0),
      local_staff_costs numeric check (local_staff_costs >= 0),
      default_share numeric check (default_share between 0 and 1),
      staff_share numeric check (staff_share between 0 and 1),
      updated_by text not null,
      updated_at timestamptz not null default now(),
      primary key (buyer_id, financial_year),
      check (local_staff_costs is null or staff_costs is null or local_staff_costs <= staff_costs)
    );
    create table lm3_respend (
      buyer_id bigint not null,
      financial_year integer not null,
      supplier_id bigint not null references supplier (id) on delete cascade,
      share numeric not null check (share between 0 and 1),
      primary key (buyer_id, financial_year, supplier_id),
      foreign key (buyer_id, financial_year) references lm3_input (buyer_id, financial_year) on delete cascade
    );
  `.execute(db);
}
