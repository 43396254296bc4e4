// Contracts Finder notice exports (flattened notice rows, not OCDS) beside the register and spend imports
// (docs/local-data.md): import runs of kind 'notices', one notice_contract row per notice and buyer. A flattened row
// is the same notice as a stored Contracts Finder OCDS release whose id is `<notice GUID>-<sequence>`; that link is
// made when read (OCDS wins, whichever came first), through the expression index on release below. Import runs are
// listed newest first, across organisations or per organisation (the import pages).
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table import_run drop constraint import_run_kind_check;
    alter table import_run add constraint import_run_kind_check check (kind in ('spend', 'register', 'notices'));
    create index import_run_finished on import_run (finished_at desc, id desc);
    create index import_run_organisation_finished on import_run (organisation_id, finished_at desc, id desc);

    create table notice_contract (
      id bigserial primary key,
      import_run_id bigint not null references import_run (id) on delete cascade,
      buyer_id bigint not null references organisation (id),
      source text not null default 'contracts-finder-export' check (source = 'contracts-finder-export'),
      notice_id text not null check (notice_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'),
      title text not null,
      description text,
      organisation_name text,
      status text,
      notice_type text,
      published_date date,
      deadline_date date,
      awarded_date date,
      value_low numeric,
      value_high numeric,
      awarded_value numeric,
      value numeric,
      currency text not null default 'GBP',
      supplier_name text,
      supplier_name_normalised text,
      awarded_to_sme boolean,
      suitable_for_sme boolean,
      cpv_codes text[] not null default '{}',
      cpv_description text,
      region text,
      postcode text,
      url text,
      source_file text not null,
      source_line integer not null,
      unique (buyer_id, notice_id)
    );
    create index notice_contract_run on notice_contract (import_run_id);
    create index notice_contract_notice on notice_contract (notice_id);
    create index notice_contract_supplier on notice_contract (supplier_name_normalised);

    create index release_cf_notice on release ((left(release_id, 36)))
      where release_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-[0-9]+$';
  `.execute(db);
}
