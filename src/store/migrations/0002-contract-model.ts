// The contract model: a projection of compiled records into typed tables (rebuildable from releases).
// Every column is documented in docs/contract-model.md.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table organisation (
      id bigserial primary key,
      entity_key text not null unique,
      name text not null,
      normalised_name text not null,
      street_address text,
      locality text,
      postal_code text,
      normalised_postcode text,
      country_name text,
      region_code text,
      itl_code text,
      scale text check (scale in ('sme', 'large')),
      vcse boolean,
      public_service_mission boolean,
      sheltered_workshop boolean,
      buyer_type text,
      synthetic boolean not null default false,
      first_seen timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      origin_ocid text,
      origin_party_id text,
      details_as_of timestamptz,
      merged_into bigint references organisation (id)
    );
    create index organisation_name on organisation (normalised_name, normalised_postcode);
    create index organisation_origin on organisation (origin_ocid, origin_party_id);

    create table organisation_identifier (
      scheme text not null,
      identifier text not null,
      organisation_id bigint not null references organisation (id) on delete cascade,
      primary key (scheme, identifier)
    );
    create index organisation_identifier_org on organisation_identifier (organisation_id);

    create table process (
      ocid text primary key,
      source text not null,
      publisher_prefix text,
      title text,
      description text,
      buyer_id bigint references organisation (id),
      tender_status text,
      procurement_method text,
      procurement_method_details text,
      main_procurement_category text,
      above_threshold boolean,
      special_regimes text[] not null default '{}',
      legal_basis text,
      cpv_main text,
      cpv_codes text[] not null default '{}',
      cpv_divisions text[] not null default '{}',
      tender_value numeric,
      tender_value_gross numeric,
      tender_currency text,
      tender_period_start timestamptz,
      tender_period_end timestamptz,
      number_of_tenderers integer,
      sme_final_stage_bids integer,
      vcse_final_stage_bids integer,
      suitable_sme boolean,
      suitable_vcse boolean,
      delivery_regions text[] not null default '{}',
      notice_types text[] not null default '{}',
      release_tags text[] not null default '{}',
      award_value numeric,
      award_currency text,
      contract_value numeric,
      contract_currency text,
      contract_start timestamptz,
      contract_end timestamptz,
      contract_max_extent timestamptz,
      first_published timestamptz,
      last_updated timestamptz,
      release_count integer not null default 0,
      synthetic boolean not null default false,
      future_notice_date timestamptz,
      award_value_gross numeric,
      contract_value_gross numeric,
      final_stage_bids integer,
      contract_dates_from text check (contract_dates_from in ('contracts', 'awards', 'lots', 'tender')),
      delivery_regions_published text[] not null default '{}',
      search tsvector generated always as (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(description, '')), 'B')
      ) stored
    );
    create index process_buyer on process (buyer_id);
    create index process_search on process using gin (search);
    create index process_cpv on process using gin (cpv_codes);
    create index process_contract_end on process (contract_end);
    create index process_last_updated on process (last_updated desc, ocid);

    create table party (
      ocid text not null references process (ocid) on delete cascade,
      party_id text not null,
      organisation_id bigint not null references organisation (id),
      roles text[] not null default '{}',
      matched_by text not null check (matched_by in ('identifier', 'name-postcode', 'name', 'new')),
      match_evidence text,
      name text,
      identifiers text[] not null default '{}',
      scale text check (scale in ('sme', 'large')),
      vcse boolean,
      public_service_mission boolean,
      sheltered_workshop boolean,
      region_code text,
      primary key (ocid, party_id)
    );
    create index party_org on party (organisation_id);

    create table lot (
      ocid text not null references process (ocid) on delete cascade,
      lot_id text not null,
      title text,
      status text,
      value numeric,
      value_gross numeric,
      currency text,
      contract_start timestamptz,
      contract_end timestamptz,
      contract_max_extent timestamptz,
      duration_days integer,
      has_renewal boolean,
      renewal_description text,
      has_options boolean,
      options_description text,
      duration_months integer,
      bids integer,
      final_stage_bids integer,
      sme_final_stage_bids integer,
      vcse_final_stage_bids integer,
      primary key (ocid, lot_id)
    );

    create table award (
      ocid text not null references process (ocid) on delete cascade,
      award_id text not null,
      title text,
      status text,
      award_date timestamptz,
      value numeric,
      value_gross numeric,
      currency text,
      lot_ids text[] not null default '{}',
      contract_start timestamptz,
      contract_end timestamptz,
      contract_max_extent timestamptz,
      standstill_start timestamptz,
      standstill_end timestamptz,
      above_threshold boolean,
      has_renewal boolean,
      renewal_description text,
      assessment_summaries_sent timestamptz,
      future_signature_date timestamptz,
      primary key (ocid, award_id)
    );

    create table award_supplier (
      ocid text not null,
      award_id text not null,
      organisation_id bigint not null references organisation (id),
      party_id text,
      primary key (ocid, award_id, organisation_id),
      foreign key (ocid, award_id) references award (ocid, award_id) on delete cascade
    );
    create index award_supplier_org on award_supplier (organisation_id);

    create table contract (
      ocid text not null references process (ocid) on delete cascade,
      contract_id text not null,
      award_id text,
      title text,
      status text,
      date_signed timestamptz,
      value numeric,
      value_gross numeric,
      currency text,
      period_start timestamptz,
      period_end timestamptz,
      max_extent timestamptz,
      above_threshold boolean,
      no_agreed_metrics_rationale text,
      amendment_count integer not null default 0,
      final_value numeric,
      final_value_currency text,
      actual_end timestamptz,
      termination_reasons text[] not null default '{}',
      primary key (ocid, contract_id)
    );
    create index contract_end on contract (period_end);

    create table classification (
      ocid text not null references process (ocid) on delete cascade,
      scheme text not null,
      code text not null,
      is_main boolean not null default false,
      description text,
      source text,
      is_valid boolean,
      primary key (ocid, scheme, code)
    );
    create index classification_code on classification (scheme, code);

    create table notice (
      ocid text not null references process (ocid) on delete cascade,
      release_id text not null,
      release_date timestamptz not null,
      tags text[] not null default '{}',
      notice_type text,
      document_type text,
      title text,
      notice_kind text,
      classified_by text check (classified_by in ('noticeType', 'documentType', 'tag', 'none')),
      url text,
      primary key (ocid, release_id, release_date)
    );

    create table metric (
      ocid text not null references process (ocid) on delete cascade,
      path text not null,
      metric_id text not null,
      contract_id text,
      title text,
      description text,
      stage text check (stage in ('forecast', 'target', 'agreed', 'actual')),
      award_id text,
      primary key (ocid, path, metric_id)
    );

    create table observation (
      ocid text not null references process (ocid) on delete cascade,
      path text not null,
      metric_id text not null,
      observation_id text not null,
      period_start timestamptz,
      period_end timestamptz,
      measure text,
      measure_classification text,
      value numeric,
      unit text,
      currency text,
      primary key (ocid, path, metric_id, observation_id)
    );
  `.execute(db);
}
