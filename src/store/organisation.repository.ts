// The store side of organisation resolution (domain/org-resolution.ts decides; this loads what it needs and writes
// what it decided). Callers hold the organisation lock (contract-model.repository.ts), so two processes never
// create the same organisation twice.
import { sql, type Transaction } from 'kysely';
import type { OrganisationDetails } from '../domain/organisation.js';
import { identifierKey, type OrgIdentifier } from '../domain/org-id.js';
import {
  namePostcodeKey,
  originKey,
  proposedEntityKey,
  type KnownOrganisation,
  type OrganisationState,
  type OrgRef,
  type Resolution,
  type ResolutionLookup,
  type ResolutionRequest,
} from '../domain/org-resolution.js';
import { bulkRows } from './bulk-rows.js';
import type { Database } from './database.js';
import { rewriteMarketFacts } from './market-fact.repository.js';
import { queueRedFlagBuyers } from './redflag-store.repository.js';

type Trx = Transaction<Database>;

const iso = (v: Date | string | null): string | null =>
  v === null ? null : v instanceof Date ? v.toISOString() : v;

/** Follows `merged_into` to the surviving organisation for each id. */
async function survivors(trx: Trx, ids: number[]): Promise<Map<number, number>> {
  const out = new Map<number, number>(ids.map((id) => [id, id]));
  let pending = [...new Set(ids)];
  for (let depth = 0; pending.length > 0 && depth < 32; depth++) {
    const rows = await trx
      .selectFrom('organisation')
      .select(['id', 'merged_into'])
      .where('id', 'in', pending)
      .where('merged_into', 'is not', null)
      .execute();
    const next = new Map(rows.map((r) => [r.id, r.merged_into!]));
    for (const [start, current] of out) {
      const to = next.get(current);
      if (to !== undefined) out.set(start, to);
    }
    pending = [...new Set(next.values())];
  }
  return out;
}

async function loadOrganisations(trx: Trx, ids: number[]): Promise<Map<number, KnownOrganisation>> {
  const out = new Map<number, KnownOrganisation>();
  if (ids.length === 0) return out;
  const rows = await trx.selectFrom('organisation').selectAll().where('id', 'in', ids).execute();
  const idRows = await trx
    .selectFrom('organisation_identifier')
    .select(['organisation_id', 'scheme', 'identifier'])
    .where('organisation_id', 'in', ids)
    .execute();
  for (const r of rows) {
    out.set(r.id, {
      id: r.id,
      entityKey: r.entity_key,
      details: {
        name: r.name || null,
        normalisedName: r.normalised_name || null,
        streetAddress: r.street_address,
        locality: r.locality,
        postalCode: r.postal_code,
        normalisedPostcode: r.normalised_postcode,
        countryName: r.country_name,
        regionCode: r.region_code,
        itlCode: r.itl_code,
        scale: r.scale,
        vcse: r.vcse,
        publicServiceMission: r.public_service_mission,
        shelteredWorkshop: r.sheltered_workshop,
        buyerType: r.buyer_type,
      },
      detailsAsOf: iso(r.details_as_of as Date | string | null),
      identifiers: idRows
        .filter((i) => i.organisation_id === r.id)
        .map((i) => ({ scheme: i.scheme, id: i.identifier })),
      originOcid: r.origin_ocid,
      originPartyId: r.origin_party_id,
      synthetic: r.synthetic,
    });
  }
  return out;
}

/** Everything resolveOrganisations needs to know about the batch's identifiers, names, postcodes and origins. */
export async function loadResolutionLookup(
  trx: Trx,
  requests: readonly ResolutionRequest[],
): Promise<ResolutionLookup> {
  const ids: OrgIdentifier[] = requests.flatMap((r) => r.candidate.identifiers);
  const pairs = requests
    .map((r) => [r.candidate.normalisedName, r.candidate.normalisedPostcode] as const)
    .filter((p): p is readonly [string, string] => p[0] !== null && p[1] !== null);
  const idHits = ids.length
    ? await sql<{ scheme: string; identifier: string; organisation_id: number }>`
        select scheme, identifier, organisation_id from organisation_identifier
        where (scheme, identifier) in (select * from unnest(${ids.map((i) => i.scheme)}::text[], ${ids.map((i) => i.id)}::text[]))`
        .execute(trx)
        .then((r) => r.rows)
    : [];
  const nameHits = pairs.length
    ? await sql<{ id: number; normalised_name: string; normalised_postcode: string }>`
        select id, normalised_name, normalised_postcode from organisation
        where merged_into is null and (normalised_name, normalised_postcode) in
          (select * from unnest(${pairs.map((p) => p[0])}::text[], ${pairs.map((p) => p[1])}::text[]))`
        .execute(trx)
        .then((r) => r.rows)
    : [];
  const originHits = await sql<{ id: number; origin_ocid: string; origin_party_id: string }>`
      select id, origin_ocid, origin_party_id from organisation
      where (origin_ocid, origin_party_id) in
        (select * from unnest(${requests.map((r) => r.ocid)}::text[], ${requests.map((r) => r.partyId)}::text[]))`
    .execute(trx)
    .then((r) => r.rows);
  const live = await survivors(trx, [
    ...idHits.map((h) => h.organisation_id),
    ...originHits.map((h) => h.id),
  ]);
  const keys = [...new Set(requests.map(proposedEntityKey))];
  const taken = await sql<{ entity_key: string }>`
      select entity_key from organisation where entity_key = any(${keys}::text[])
      union
      select entity_key from organisation where regexp_replace(entity_key, '~[0-9]+$', '') = any(${keys}::text[])`
    .execute(trx)
    .then((r) => r.rows.map((x) => x.entity_key));

  const byNamePostcode = new Map<string, number[]>();
  for (const h of nameHits) {
    const key = namePostcodeKey(h.normalised_name, h.normalised_postcode);
    byNamePostcode.set(key, [...(byNamePostcode.get(key) ?? []), h.id]);
  }
  const organisations = await loadOrganisations(trx, [
    ...new Set([...live.values(), ...nameHits.map((h) => h.id)]),
  ]);
  return {
    organisations,
    byIdentifier: new Map(
      idHits.map((h) => [
        identifierKey({ scheme: h.scheme, id: h.identifier }),
        live.get(h.organisation_id)!,
      ]),
    ),
    byNamePostcode,
    byOrigin: new Map(originHits.map((h) => [originKey(h.origin_ocid, h.origin_party_id), live.get(h.id)!])),
    takenEntityKeys: new Set(taken),
  };
}

function columns(details: OrganisationDetails, state: OrganisationState) {
  return {
    name: details.name ?? '',
    normalised_name: details.normalisedName ?? '',
    street_address: details.streetAddress,
    locality: details.locality,
    postal_code: details.postalCode,
    normalised_postcode: details.normalisedPostcode,
    country_name: details.countryName,
    region_code: details.regionCode,
    itl_code: details.itlCode,
    scale: details.scale,
    vcse: details.vcse,
    public_service_mission: details.publicServiceMission,
    sheltered_workshop: details.shelteredWorkshop,
    buyer_type: details.buyerType,
    synthetic: state.synthetic,
    details_as_of: state.detailsAsOf,
  };
}

/** Updates known organisations' details in one statement (`update … from json_populate_recordset(…)`). */
async function updateOrganisations(trx: Trx, states: readonly OrganisationState[]): Promise<void> {
  if (states.length === 0) return;
  const { names, select } = bulkRows(
    'organisation',
    states.map((state) => ({ id: state.ref, ...columns(state.details, state) })),
  );
  const set = names.filter((n) => n !== 'id').map((n) => sql`${sql.ref(n)} = v.${sql.ref(n)}`);
  await sql`update organisation as o set ${sql.join(set)}, updated_at = now()
    from (${select}) as v where o.id = v.id`.execute(trx);
}

/** Writes the resolution; returns the database id of every ref (new refs are negative). */
export async function writeResolution(trx: Trx, resolution: Resolution): Promise<(ref: OrgRef) => number> {
  const created = new Map<OrgRef, number>();
  if (resolution.created.length > 0) {
    // One insert; rows come back matched by their unique entity key.
    const { columns: names, select } = bulkRows(
      'organisation',
      resolution.created.map((state) => ({
        entity_key: state.entityKey,
        origin_ocid: state.originOcid,
        origin_party_id: state.originPartyId,
        ...columns(state.details, state),
      })),
    );
    const rows = await sql<{ id: number; entity_key: string }>`
      insert into organisation (${names}) ${select} returning id, entity_key`.execute(trx);
    const idByKey = new Map(rows.rows.map((r) => [r.entity_key, r.id]));
    for (const state of resolution.created) created.set(state.ref, idByKey.get(state.entityKey)!);
  }
  const idOf = (ref: OrgRef): number => {
    const live = resolution.find(ref);
    const id = live > 0 ? live : created.get(live);
    if (id === undefined) throw new Error(`organisation ref ${ref} was not written`);
    return id;
  };
  await updateOrganisations(trx, resolution.updated);
  for (const { into, from } of resolution.merges) await mergeOrganisation(trx, idOf(into), from);
  const identifiers = [
    ...resolution.created.flatMap((s) => s.identifiers.map((i) => ({ org: idOf(s.ref), i }))),
    ...resolution.addedIdentifiers.map((a) => ({ org: idOf(a.org), i: a.identifier })),
  ];
  if (identifiers.length) {
    const { columns: names, select } = bulkRows(
      'organisation_identifier',
      identifiers.map(({ org, i }) => ({ scheme: i.scheme, identifier: i.id, organisation_id: org })),
    );
    await sql`insert into organisation_identifier (${names}) ${select}
      on conflict (scheme, identifier) do update set organisation_id = excluded.organisation_id`.execute(trx);
  }
  return idOf;
}

/** Moves everything that pointed at `from` to `into` and marks `from` as merged. */
async function mergeOrganisation(trx: Trx, into: number, from: number): Promise<void> {
  // The market facts of the processes touched (their buyer, suppliers and supplier counts change) are rewritten.
  const touched = await sql<{ ocid: string }>`
    select ocid from award_supplier where organisation_id = ${from}
    union select ocid from process where buyer_id = ${from}`.execute(trx);
  await trx.updateTable('party').set({ organisation_id: into }).where('organisation_id', '=', from).execute();
  await sql`delete from award_supplier a where a.organisation_id = ${from} and exists (
      select 1 from award_supplier b where b.ocid = a.ocid and b.award_id = a.award_id and b.organisation_id = ${into})`.execute(
    trx,
  );
  await trx
    .updateTable('award_supplier')
    .set({ organisation_id: into })
    .where('organisation_id', '=', from)
    .execute();
  await trx.updateTable('process').set({ buyer_id: into }).where('buyer_id', '=', from).execute();
  await rewriteMarketFacts(
    trx,
    touched.rows.map((r) => r.ocid),
  );
  await queueRedFlagBuyers(trx, [from, into]);
  await trx
    .updateTable('organisation_identifier')
    .set({ organisation_id: into })
    .where('organisation_id', '=', from)
    .execute();
  await trx
    .updateTable('organisation')
    .set({ merged_into: into, updated_at: sql`now()` })
    .where('id', '=', from)
    .execute();
}
