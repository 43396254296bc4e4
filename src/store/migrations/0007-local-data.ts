// Local data beside OCDS (design.md §2): councils' payments files and contract registers, each row with its source
// file and line, never pretending to be OCDS releases. One import_run per file and organisation, unique by content
// hash: re-importing a file adds nothing. Columns are documented in docs/local-data.md.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table import_run (
      id bigserial primary key,
      kind text not null check (kind in ('spend', 'register')),
      organisation_id bigint not null references organisation (id),
      file text not null,
      sha256 text not null,
      bytes bigint not null,
      encoding text,
      layout jsonb not null,
      records integer not null,
      rows integer not null,
      kept integer not null,
      quarantined integer not null,
      skipped jsonb not null,
      started_at timestamptz not null default now(),
      finished_at timestamptz not null default now(),
      unique (kind, organisation_id, sha256)
    );

    create table spend_payment (
      id bigserial primary key,
      import_run_id bigint not null references import_run (id) on delete cascade,
      buyer_id bigint not null references organisation (id),
      payment_date date not null,
      period text,
      amount numeric not null,
      currency text not null default 'GBP',
      amount_basis text not null check (amount_basis in ('net', 'gross', 'published')),
      net_amount numeric,
      gross_amount numeric,
      vat_amount numeric,
      supplier_name text not null,
      supplier_name_normalised text,
      supplier_id text,
      supplier_company_number text,
      supplier_organisation_id bigint references organisation (id),
      body text,
      transaction_id text,
      expense_type text,
      service_area text,
      directorate text,
      category text,
      description text,
      source_file text not null,
      source_line integer not null
    );
    create index spend_payment_buyer_date on spend_payment (buyer_id, payment_date);
    create index spend_payment_supplier on spend_payment (supplier_name_normalised);
    create index spend_payment_supplier_org on spend_payment (supplier_organisation_id);
    create index spend_payment_run on spend_payment (import_run_id);

    create table import_quarantine (
      id bigserial primary key,
      import_run_id bigint not null references import_run (id) on delete cascade,
      file text not null,
      line integer not null,
      reason text not null,
      excerpt text not null
    );
    create index import_quarantine_run on import_quarantine (import_run_id, line);

    create table register_contract (
      id bigserial primary key,
      import_run_id bigint not null references import_run (id) on delete cascade,
      buyer_id bigint not null references organisation (id),
      source text not null default 'register' check (source = 'register'),
      reference text,
      title text not null,
      description text,
      directorate text,
      procedure text,
      supplier_name text,
      supplier_name_normalised text,
      supplier_postcode text,
      supplier_company_number text,
      supplier_organisation_id bigint references organisation (id),
      annual_value numeric,
      total_value numeric,
      currency text not null default 'GBP',
      start_date date,
      end_date date,
      duration_months numeric,
      extension_months integer,
      extensions_available integer,
      extensions_taken integer,
      current_expiry date,
      sme boolean,
      category_scheme text,
      category_code text,
      category_description text,
      above_threshold boolean,
      source_file text not null,
      source_line integer not null
    );
    create index register_contract_buyer_expiry on register_contract (buyer_id, current_expiry);
    create index register_contract_supplier on register_contract (supplier_name_normalised);
  `.execute(db);
}
