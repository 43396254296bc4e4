// Raw releases and compiled records as JSON text rather than `jsonb`.
// Measured on 20,000 real-derived releases of about 5 KB (bench/ingest, PostgreSQL 18): converting each document to
// jsonb on the way in cost about 60 µs and back to text on the way out about 85 µs; even `json` spends about 60-85 µs
// re-validating text that missionbuy itself serialised with JSON.stringify. That was most of PostgreSQL's work per
// release, on every ingest and every compile, while nothing queries inside these documents: analytics read the
// typed contract model (design.md §2). Text also keeps the publisher's key order, which the export shows.
// Also: an index for the entity-key lookup of organisation resolution, which scanned the table once per batch.
// For ad-hoc SQL, cast: `data::jsonb -> 'tender'`. Findings stay `jsonb`: small, and the scorecard queries them.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table release alter column data type text using data::text;
    alter table record alter column compiled type text using compiled::text;
    comment on column release.data is 'the release as JSON text (cast to jsonb to query inside it)';
    -- Entity keys taken by a proposed key or its numbered variants (key~2, key~3…), without a scan per batch.
    create index organisation_entity_key_base on organisation (regexp_replace(entity_key, '~[0-9]+$', ''));
    comment on column record.compiled is 'the compiled release as JSON text (cast to jsonb to query inside it)';
  `.execute(db);
}
