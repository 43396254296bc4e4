// Reads the contract model into the checks' facts (facts.ts), a page of records at a time: one query per table for
// the whole page (`ocid = any($1)`), grouped in memory. Every value reaches PostgreSQL as a bind parameter.
// Organisations merged into another (organisation.merged_into) are followed, so results count against the survivor.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/database.js';
import { readContractValueSteps } from '../../store/contract-change.repository.js';
import { buildRecordFacts, type ModelRows } from './build-facts.js';
import type { BuyerFacts, RecordFacts } from './facts.js';

type Db = Kysely<Database>;

/** Which records to check: some ocids, every record of one buyer (and of organisations merged into it), or all. */
export type QualityScope = { ocids: readonly string[] } | { buyerId: number } | { all: true };

function group<T extends { ocid: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const g = out.get(r.ocid);
    if (g) g.push(r);
    else out.set(r.ocid, [r]);
  }
  return out;
}

/** Each organisation id → the organisation it was finally merged into (itself when never merged). */
export async function survivingOrganisations(
  db: Db,
  ids: readonly number[],
): Promise<Map<number, { id: number; name: string; buyer_type: string | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<{ start_id: number; id: number; name: string; buyer_type: string | null }>`
    with recursive chain (start_id, id, merged_into, depth) as (
      select id, id, merged_into, 0 from organisation where id = any(${[...ids]}::bigint[])
      union all
      select chain.start_id, o.id, o.merged_into, chain.depth + 1
      from chain join organisation o on o.id = chain.merged_into
      where chain.depth < 64
    )
    select chain.start_id, o.id, o.name, o.buyer_type
    from chain join organisation o on o.id = chain.id
    where chain.merged_into is null`.execute(db);
  return new Map(rows.rows.map((r) => [Number(r.start_id), { ...r, id: Number(r.id) }]));
}

/** The process columns the facts use (not title, description or the search vector). */
const PROCESS_COLUMNS = [
  'ocid',
  'source',
  'publisher_prefix',
  'legal_basis',
  'buyer_id',
  'tender_status',
  'procurement_method',
  'procurement_method_details',
  'main_procurement_category',
  'above_threshold',
  'special_regimes',
  'cpv_main',
  'cpv_codes',
  'tender_value',
  'tender_value_gross',
  'tender_currency',
  'tender_period_start',
  'tender_period_end',
  'number_of_tenderers',
  'final_stage_bids',
  'sme_final_stage_bids',
  'vcse_final_stage_bids',
  'delivery_regions',
  'delivery_regions_published',
  'contract_start',
  'contract_end',
  'contract_max_extent',
  'contract_dates_from',
  'first_published',
  'last_updated',
] as const satisfies readonly (keyof ModelRows['process'])[];

/**
 * The facts of the given records (those that exist), in the order of `ocids`; each record's rows in key order
 * (notices by date), whatever plan reads them, so a record's facts are the same however the records are paged.
 */
export async function loadRecordFacts(db: Db, ocids: readonly string[]): Promise<RecordFacts[]> {
  if (ocids.length === 0) return [];
  const list = [...ocids];
  const inPage = <T extends string>(table: T) =>
    sql<boolean>`${sql.ref(`${table}.ocid`)} = any(${list}::text[])`;
  const [
    processes,
    parties,
    lots,
    awards,
    suppliers,
    contracts,
    invalid,
    notices,
    metrics,
    observations,
    steps,
  ] = await Promise.all([
    db.selectFrom('process').select(PROCESS_COLUMNS).where(inPage('process')).execute(),
    db
      .selectFrom('party')
      .select(['ocid', 'party_id', 'organisation_id', 'roles', 'name', 'identifiers', 'scale', 'vcse'])
      .where(inPage('party'))
      .orderBy('ocid')
      .orderBy('party_id')
      .execute(),
    db.selectFrom('lot').selectAll().where(inPage('lot')).orderBy('ocid').orderBy('lot_id').execute(),
    db.selectFrom('award').selectAll().where(inPage('award')).orderBy('ocid').orderBy('award_id').execute(),
    db
      .selectFrom('award_supplier')
      .select(['ocid', 'award_id', 'organisation_id', 'party_id'])
      .where(inPage('award_supplier'))
      .orderBy('ocid')
      .orderBy('award_id')
      .orderBy('organisation_id')
      .execute(),
    db
      .selectFrom('contract')
      .selectAll()
      .where(inPage('contract'))
      .orderBy('ocid')
      .orderBy('contract_id')
      .execute(),
    db
      .selectFrom('classification')
      .select(['ocid', 'scheme', 'code'])
      .where(inPage('classification'))
      .where('is_valid', '=', false)
      .orderBy('ocid')
      .orderBy('scheme')
      .orderBy('code')
      .execute(),
    db
      .selectFrom('notice')
      .select(['ocid', 'release_id', 'release_date', 'notice_type', 'notice_kind', 'classified_by'])
      .where(inPage('notice'))
      .orderBy('ocid')
      .orderBy('release_date')
      .orderBy('release_id')
      .execute(),
    db
      .selectFrom('metric')
      .select(['ocid', 'path', 'metric_id', 'contract_id', 'award_id', 'stage'])
      .where(inPage('metric'))
      .orderBy('ocid')
      .orderBy('path')
      .orderBy('metric_id')
      .execute(),
    db
      .selectFrom('observation')
      .select(['ocid', 'path', 'metric_id', 'period_start', 'period_end', 'measure_classification'])
      .where(inPage('observation'))
      .orderBy('ocid')
      .orderBy('path')
      .orderBy('metric_id')
      .orderBy('observation_id')
      .execute(),
    readContractValueSteps(db, list),
  ]);
  const buyers = await survivingOrganisations(db, [
    ...new Set(
      processes
        .map((p) => p.buyer_id)
        .filter((id): id is number => id !== null)
        .map(Number),
    ),
  ]);
  const by = {
    parties: group(parties),
    lots: group(lots),
    awards: group(awards),
    suppliers: group(suppliers),
    contracts: group(contracts),
    invalid: group(invalid),
    notices: group(notices),
    metrics: group(metrics),
    observations: group(observations),
    steps: group(steps),
  };
  const byOcid = new Map(processes.map((p) => [p.ocid, p]));
  const out: RecordFacts[] = [];
  for (const ocid of list) {
    const p = byOcid.get(ocid);
    if (!p) continue;
    const buyerId = p.buyer_id === null ? null : Number(p.buyer_id);
    const rows: ModelRows = {
      process: { ...p, buyer_id: buyerId },
      buyer: buyerId === null ? null : (buyers.get(buyerId) ?? null),
      parties: (by.parties.get(ocid) ?? []).map((x) => ({
        ...x,
        organisation_id: Number(x.organisation_id),
      })),
      lots: by.lots.get(ocid) ?? [],
      awards: by.awards.get(ocid) ?? [],
      awardSuppliers: (by.suppliers.get(ocid) ?? []).map((x) => ({
        ...x,
        organisation_id: Number(x.organisation_id),
      })),
      contracts: by.contracts.get(ocid) ?? [],
      invalidClassifications: by.invalid.get(ocid) ?? [],
      notices: by.notices.get(ocid) ?? [],
      metrics: by.metrics.get(ocid) ?? [],
      observations: by.observations.get(ocid) ?? [],
      valueSteps: by.steps.get(ocid) ?? [],
    };
    out.push(buildRecordFacts(rows));
  }
  return out;
}

/** Every organisation id that is `root` or was (transitively) merged into it. */
const mergedInto = (root: number) => sql`
  with recursive ids (id) as (
    select ${root}::bigint
    union
    select o.id from organisation o join ids on o.merged_into = ids.id
  ) select id from ids`;

/** The ocids of a scope, `pageSize` at a time, in ocid order (keyset paging: no offset scans). */
export async function* ocidPages(db: Db, scope: QualityScope, pageSize = 500): AsyncGenerator<string[]> {
  if ('ocids' in scope) {
    for (let i = 0; i < scope.ocids.length; i += pageSize) yield scope.ocids.slice(i, i + pageSize);
    return;
  }
  let after = '';
  for (;;) {
    const filter = 'buyerId' in scope ? sql`and buyer_id in (${mergedInto(scope.buyerId)})` : sql``;
    const page = await sql<{ ocid: string }>`
      select ocid from process where ocid > ${after} ${filter} order by ocid limit ${pageSize}`.execute(db);
    if (page.rows.length === 0) return;
    yield page.rows.map((r) => r.ocid);
    after = page.rows.at(-1)!.ocid;
    if (page.rows.length < pageSize) return;
  }
}

/** The buyers of a scope (survivors of merges), `pageSize` at a time, in id order. */
export async function* buyerPages(db: Db, scope: QualityScope, pageSize = 500): AsyncGenerator<number[]> {
  if ('ocids' in scope) return;
  if ('buyerId' in scope) {
    const survivor = (await survivingOrganisations(db, [scope.buyerId])).get(scope.buyerId);
    if (survivor) yield [survivor.id];
    return;
  }
  // Distinct buyer ids a page at a time, each followed to the organisation it was merged into (once each).
  const seen = new Set<number>();
  let after = 0;
  for (;;) {
    const page = await sql<{ buyer_id: number }>`
      select distinct buyer_id from process where buyer_id > ${after} order by buyer_id limit ${pageSize}`.execute(
      db,
    );
    if (page.rows.length === 0) return;
    const ids = page.rows.map((r) => Number(r.buyer_id));
    const survivors = await survivingOrganisations(db, ids);
    const fresh = [...new Set(ids.map((id) => survivors.get(id)?.id ?? id))].filter((id) => !seen.has(id));
    for (const id of fresh) seen.add(id);
    if (fresh.length > 0) yield fresh;
    after = ids.at(-1)!;
    if (ids.length < pageSize) return;
  }
}

/** What the UK1 pipeline check needs for each buyer (and the organisations merged into it). */
export async function loadBuyerFacts(db: Db, buyerIds: readonly number[]): Promise<BuyerFacts[]> {
  if (buyerIds.length === 0) return [];
  const roots = [...buyerIds];
  const members = sql`
    with recursive ids (root, id) as (
      select id, id from organisation where id = any(${roots}::bigint[])
      union
      select ids.root, o.id from organisation o join ids on o.merged_into = ids.id
    ) select root, id from ids`;
  const [orgs, commitments, notices] = await Promise.all([
    db.selectFrom('organisation').select(['id', 'name', 'buyer_type']).where('id', 'in', roots).execute(),
    sql<{
      root: number;
      ocid: string;
      value: string;
      contract_start: Date | null;
      contract_end: Date | null;
      first_published: Date | null;
    }>`
      select m.root, p.ocid, v.value, p.contract_start, p.contract_end, p.first_published
      from (${members}) m
      join process p on p.buyer_id = m.id
      cross join lateral (select
        case when p.contract_value_gross is not null or p.contract_value is not null
             then coalesce(p.contract_value_gross, p.contract_value)
             else coalesce(p.award_value_gross, p.award_value) end as value,
        case when p.contract_value_gross is not null or p.contract_value is not null
             then p.contract_currency else p.award_currency end as currency) v
      where v.value is not null and v.currency = 'GBP'`.execute(db),
    sql<{ root: number; ocid: string; release_id: string; release_date: Date }>`
      select m.root, n.ocid, n.release_id, n.release_date
      from (${members}) m
      join process p on p.buyer_id = m.id
      join notice n on n.ocid = p.ocid
      where n.notice_type = 'UK1'`.execute(db),
  ]);
  return orgs.map((o) => {
    const id = Number(o.id);
    return {
      buyerId: id,
      name: o.name,
      buyerType: o.buyer_type,
      commitments: commitments.rows
        .filter((c) => Number(c.root) === id)
        .map((c) => ({
          ocid: c.ocid,
          value: String(c.value),
          start: c.contract_start?.toISOString() ?? null,
          end: c.contract_end?.toISOString() ?? null,
          published: c.first_published?.toISOString() ?? null,
        })),
      pipelineNotices: notices.rows
        .filter((n) => Number(n.root) === id)
        .map((n) => ({ ocid: n.ocid, releaseId: n.release_id, date: n.release_date.toISOString() })),
    };
  });
}
