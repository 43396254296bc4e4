// The buyer of each notice-export row (docs/local-data.md, "Whose notice"): the organisation the row names, matched
// on the organisation's normalised name (domain/org-name.ts normaliseOrgName, the form organisation.normalised_name
// holds), else one created for that name in the import's transaction. Among several live organisations of one name,
// the one that buys in OCDS (most processes) wins, then the oldest.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.js';

/** The live organisation for each of these normalised names that has one. */
export async function findOrganisationsByName(
  db: Kysely<Database> | Transaction<Database>,
  normalisedNames: readonly string[],
): Promise<Map<string, number>> {
  if (normalisedNames.length === 0) return new Map();
  const rows = await sql<{ normalised_name: string; id: string }>`
    select distinct on (o.normalised_name) o.normalised_name, o.id
    from organisation o
    where o.merged_into is null and o.normalised_name = any(${[...normalisedNames]}::text[])
    order by o.normalised_name, (select count(*) from process p where p.buyer_id = o.id) desc, o.id`.execute(
    db,
  );
  return new Map(rows.rows.map((r) => [r.normalised_name, Number(r.id)]));
}

/**
 * Creates an organisation for each name (entity key `name:<normalised name>`, the name as first published) and
 * returns normalised name → id. An entity key already taken (an organisation created so, since merged) gives the
 * organisation it was merged into.
 */
export async function createNamedOrganisations(
  trx: Transaction<Database>,
  names: readonly { normalised: string; name: string }[],
): Promise<Map<string, number>> {
  if (names.length === 0) return new Map();
  const keys = names.map((n) => `name:${n.normalised}`);
  await sql`
    insert into organisation (entity_key, name, normalised_name)
    select * from unnest(${keys}::text[], ${names.map((n) => n.name)}::text[], ${names.map((n) => n.normalised)}::text[])
    on conflict (entity_key) do nothing`.execute(trx);
  const rows = await sql<{ entity_key: string; id: string }>`
    select entity_key, coalesce(merged_into, id) as id from organisation where entity_key = any(${keys}::text[])`.execute(
    trx,
  );
  const byKey = new Map(rows.rows.map((r) => [r.entity_key, Number(r.id)]));
  return new Map(names.map((n) => [n.normalised, byKey.get(`name:${n.normalised}`)!]));
}
