// Writes projections (ocds/project) into the contract-model tables: the old rows of each ocid go, the new rows
// come, and every party is resolved to an organisation — all inside the caller's transaction, so a record is
// never half-projected. Organisation resolution is serialised across processes by a transaction-scoped advisory
// lock: two compile workers must not create the same organisation twice.
import { sql, type Insertable, type Transaction } from 'kysely';
import { resolveOrganisations, type ResolutionRequest } from '../domain/org-resolution.js';
import { bulkRows } from './bulk-rows.js';
import type { Projection } from './contract-model.types.js';
import type { Database } from './database.js';
import { writeHorizonEntries } from './horizon-entry.repository.js';
import { writeMarketFacts } from './market-fact.repository.js';
import { queueRedFlagBuyersOf } from './redflag-store.repository.js';
import { loadResolutionLookup, writeResolution } from './organisation.repository.js';

type Trx = Transaction<Database>;

/** Inserts rows in one statement whatever their number (store/bulk-rows.ts). */
async function insertRows<T extends keyof Database & string>(
  trx: Trx,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const { columns, select } = bulkRows(table, rows);
  await sql`insert into ${sql.table(table)} (${columns}) ${select}`.execute(trx);
}

const ORGANISATION_LOCK = sql`select pg_advisory_xact_lock(hashtext('missionbuy:organisation-resolution'))`;

export async function saveProjections(trx: Trx, projections: readonly Projection[]): Promise<void> {
  if (projections.length === 0) return;
  await ORGANISATION_LOCK.execute(trx);
  const ocids = projections.map((p) => p.ocid);
  // The red flags of the processes' buyers before (here) and after (below) are out of date.
  await queueRedFlagBuyersOf(trx, ocids);
  await trx
    .deleteFrom('process')
    .where(
      'ocid',
      'in',
      projections.map((p) => p.ocid),
    )
    .execute();

  const requests: ResolutionRequest[] = projections.flatMap((p) =>
    p.parties.map((party) => ({
      ocid: p.ocid,
      partyId: party.row.party_id,
      candidate: party.candidate,
      asOf: p.asOf,
      synthetic: p.synthetic,
    })),
  );
  const resolution = resolveOrganisations(requests, await loadResolutionLookup(trx, requests));
  const idOf = await writeResolution(trx, resolution);
  const link = new Map(resolution.links.map((l) => [`${l.ocid}\u0000${l.partyId}`, l]));
  const orgFor = (ocid: string, partyId: string) => {
    const l = link.get(`${ocid}\u0000${partyId}`);
    if (!l) throw new Error(`party ${partyId} of ${ocid} was not resolved`);
    return { id: idOf(l.org), link: l };
  };

  await insertRows(
    trx,
    'process',
    projections.map((p) => ({
      ...p.process,
      buyer_id: p.buyerPartyId ? orgFor(p.ocid, p.buyerPartyId).id : null,
    })),
  );
  await insertRows(
    trx,
    'party',
    projections.flatMap((p) =>
      p.parties.map((party) => {
        const { id, link: l } = orgFor(p.ocid, party.row.party_id);
        return {
          ...party.row,
          organisation_id: id,
          matched_by: l.matchedBy,
          match_evidence: l.evidence || null,
        };
      }),
    ),
  );
  await insertRows(
    trx,
    'lot',
    projections.flatMap((p) => p.lots),
  );
  await insertRows(
    trx,
    'award',
    projections.flatMap((p) => p.awards),
  );
  const suppliers = new Map<string, Insertable<Database['award_supplier']>>();
  for (const p of projections) {
    for (const s of p.awardSuppliers) {
      const organisationId = orgFor(s.ocid, s.party_id).id;
      const key = `${s.ocid}\u0000${s.award_id}\u0000${organisationId}`;
      if (!suppliers.has(key)) suppliers.set(key, { ...s, organisation_id: organisationId });
    }
  }
  await insertRows(trx, 'award_supplier', [...suppliers.values()]);
  await insertRows(
    trx,
    'contract',
    projections.flatMap((p) => p.contracts),
  );
  await insertRows(
    trx,
    'classification',
    projections.flatMap((p) => p.classifications),
  );
  await insertRows(
    trx,
    'notice',
    projections.flatMap((p) => p.notices),
  );
  await insertRows(
    trx,
    'metric',
    projections.flatMap((p) => p.metrics),
  );
  await insertRows(
    trx,
    'observation',
    projections.flatMap((p) => p.observations),
  );
  await writeHorizonEntries(trx, ocids);
  await writeMarketFacts(trx, ocids);
  await queueRedFlagBuyersOf(trx, ocids);
  // The stored quality results of these records are now out of date (src/services/quality-refresh.ts).
  await insertRows(
    trx,
    'quality_queue',
    projections.map((p) => ({ ocid: p.ocid })),
  );
}
