// The horizon scan's queries over the contract model (docs/horizon-scan.md): let contracts whose end date (or latest
// possible end) falls in a window after the as-of day, with their value, incumbents, procedure and extension terms.
// The scan reads the summary table horizon_entry (migration 0013, written with each projection): one narrow row per
// let process, its end days indexed and its CPV and region prefixes and suppliers searchable, so PostgreSQL reads
// only the contracts ending in the window; the process's own columns are read for the page shown. Every value is a bind
// parameter. The lead-time bands come in as data (src/domain/rules/horizon.ts); the SQL only orders by the
// "decision due by" they give, and dates.ts computes what is shown.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Day, LeadTimePolicy } from '../../domain/rules/index.js';
import type { Database } from '../../store/database.js';
import { bandIndex, bandMonths } from '../../store/horizon-day-count.repository.js';
import { PROCESS_VALUE } from '../../store/horizon-entry.repository.js';
import type { HorizonBasis } from './dates.js';

type Db = Kysely<Database>;

export interface HorizonScope {
  asOf: Day;
  basis: HorizonBasis;
  buyerId?: number;
  /** Leading digits of a CPV code (division 2, group 3, class 4…). */
  cpvPrefix?: string;
  /** NUTS form of an ITL/NUTS code (`UKE`, `UKE42`): delivery region or buyer region starts with it. */
  region?: string;
  supplierId?: number;
  /** Pounds incl. VAT where published, exact decimal; contracts of unknown value are left out when set. */
  minValue?: string;
  /** OCDS contracts mapped to this mission (contract_mission, migration 0033); register rows have no mapping. */
  missionId?: string;
}

export const HORIZON_SORTS = ['decision', 'end', 'value'] as const;
export type HorizonSort = (typeof HORIZON_SORTS)[number];

export interface HorizonRow {
  /** The process, for a row from OCDS; null for a register contract. */
  ocid: string | null;
  source: 'ocds' | 'register';
  register: RegisterRowFields | null;
  title: string | null;
  buyer_id: number | null;
  buyer_name: string | null;
  cpv_main: string | null;
  procurement_method: string | null;
  procurement_method_details: string | null;
  number_of_tenderers: number | null;
  notice_types: string[];
  delivery_regions: string[];
  contract_dates_from: string | null;
  end_day: string | null;
  max_extent_day: string | null;
  value: string | null;
  currency: string | null;
  value_basis: 'contract' | 'award' | 'tender' | 'register' | null;
  value_includes_vat: boolean | null;
  suppliers: { id: number; name: string }[];
  has_renewal: boolean | null;
  renewal_description: string | null;
  has_options: boolean | null;
  options_description: string | null;
  /** Latest release date of the process (ISO instant). */
  last_updated: string | null;
  synthetic: boolean;
}

/** What a row from a contract register adds (register_contract and its import run). */
export interface RegisterRowFields {
  id: number;
  reference: string | null;
  supplier_name: string | null;
  extension_months: number | null;
  extensions_available: number | null;
  extensions_taken: number | null;
  source_file: string;
  source_line: number;
  /** UK day of the import. */
  imported_on: string;
}

const day = (d: Day) => sql`${d}::date`;

/**
 * The window on the stored UK days, as disjoint conditions (one per branch of a UNION ALL, so each is a plain range
 * on one covering index): which contracts' `basis` date falls in [asOf, last].
 */
export function windowBranches(basis: HorizonBasis, asOf: Day, last: Day): RawBuilder<boolean>[] {
  const endIn = sql<boolean>`e.end_day >= ${day(asOf)} and e.end_day <= ${day(last)}`;
  const maxIn = sql<boolean>`e.max_extent_day >= ${day(asOf)} and e.max_extent_day <= ${day(last)}`;
  switch (basis) {
    case 'end':
      return [endIn];
    case 'max-extent':
      return [maxIn, sql<boolean>`e.max_extent_day is null and ${endIn}`];
    case 'next':
      return [endIn, sql<boolean>`${maxIn} and (e.end_day is null or e.end_day < ${day(asOf)})`];
  }
}

/** The stored day each branch of windowBranches counts by (its `horizon_day`), in the same order. */
const BRANCH_DAYS: Record<HorizonBasis, RawBuilder<unknown>[]> = {
  end: [sql`e.end_day`],
  'max-extent': [sql`e.max_extent_day`, sql`e.end_day`],
  next: [sql`e.end_day`, sql`e.max_extent_day`],
};

/**
 * The rows of the lead-time bands as conditions on `e.gbp_value`, each with its lead months (mirrors leadMonths:
 * a value below the first band's lowest counts in the first band).
 */
function bandConditions(policy: LeadTimePolicy): { where: RawBuilder<boolean>; months: number }[] {
  const bands = policy.bands.map((b, i) => {
    const next = policy.bands[i + 1];
    const parts = [
      ...(i === 0 ? [sql`e.gbp_value is not null`] : [sql`e.gbp_value >= ${b.from}::numeric`]),
      ...(next ? [sql`e.gbp_value < ${next.from}::numeric`] : []),
    ];
    return { where: sql<boolean>`${sql.join(parts, sql` and `)}`, months: b.months };
  });
  return [{ where: sql<boolean>`e.gbp_value is null`, months: policy.unknownValueMonths }, ...bands];
}

/**
 * A range of the sort key (decision due by, or the date that counts) that holds a whole page, found from the day
 * counts (day-counts.ts): the rows are then read only from the days that can give such a key.
 */
export interface KeyRange {
  sort: 'decision' | 'end';
  from: Day;
  to: Day;
}

/**
 * Conditions on one branch's stored day that keep the rows whose key may fall in the range, one per UNION ALL branch
 * so each stays a plain range on a covering index. "Decision due by" is the day minus the band's lead months, which
 * maps a day d to at least d + months and (at a month's end) at most three days after it; the exact key is checked
 * after (findHorizonPage).
 */
function rangeConditions(
  range: KeyRange,
  dayOf: RawBuilder<unknown>,
  policy: LeadTimePolicy,
): RawBuilder<boolean>[] {
  if (range.sort === 'end')
    return [sql<boolean>`${dayOf} >= ${day(range.from)} and ${dayOf} <= ${day(range.to)}`];
  return bandConditions(policy).map(
    (b) => sql<boolean>`${b.where}
      and ${dayOf} >= (${day(range.from)} + make_interval(months => ${b.months}::int))::date
      and ${dayOf} <= (${day(range.to)} + make_interval(months => ${b.months}::int))::date + 3`,
  );
}

/** The date that counts, as a UK day (mirrors dates.ts horizonDate). */
function horizonDay(basis: HorizonBasis, asOf: Day): RawBuilder<string> {
  switch (basis) {
    case 'end':
      return sql`s.end_day`;
    case 'max-extent':
      return sql`coalesce(s.max_extent_day, s.end_day)`;
    case 'next':
      return sql`case when s.end_day >= ${day(asOf)} then s.end_day else s.max_extent_day end`;
  }
}

/** Lead months by value band (mirrors domain/rules/horizon.ts leadTimeMonths), as the day counts band values. */
const leadMonths = (policy: LeadTimePolicy): RawBuilder<number> =>
  bandMonths(bandIndex(sql`s.gbp_value`, policy), policy);

/**
 * The scope's filters on `e`. `probe`: the rows are already few (a key range of a few days), so the array filters
 * are tests on each row (`= any`), which no GIN index can serve: otherwise PostgreSQL may read every row of a large
 * CPV division from its GIN index to intersect it with the few days (tens of ms).
 */
function filters(scope: HorizonScope, probe = false): RawBuilder<boolean> {
  const c: RawBuilder<unknown>[] = [];
  const has = (column: string, value: unknown, type: string) =>
    probe
      ? sql`${value}::${sql.raw(type)} = any(${sql.ref(column)})`
      : sql`${sql.ref(column)} @> array[${value}]::${sql.raw(type)}[]`;
  if (scope.buyerId !== undefined) c.push(sql`e.buyer_id = ${scope.buyerId}`);
  // Every prefix of every code is stored (horizon-entry.repository.ts): containment is a GIN index search.
  if (scope.cpvPrefix !== undefined) c.push(has('e.cpv_prefixes', scope.cpvPrefix, 'text'));
  if (scope.region !== undefined) c.push(has('e.region_prefixes', scope.region, 'text'));
  if (scope.supplierId !== undefined) c.push(has('e.supplier_ids', scope.supplierId, 'bigint'));
  if (scope.minValue !== undefined) c.push(sql`e.gbp_value >= ${scope.minValue}::numeric`);
  // The row's missions (migration 0044, from contract_mission): a GIN index search like the prefixes; a register
  // row has none.
  if (scope.missionId !== undefined) c.push(has('e.mission_ids', scope.missionId, 'text'));
  return c.length === 0 ? sql<boolean>`true` : sql<boolean>`${sql.join(c, sql` and `)}`;
}

/**
 * The let contracts in the window, as `h`: ocid, buyer, days, value in pounds, `horizon_day`, `lead_months` (and
 * `written_at` when asked: the alerts need it, the scan does not, and leaving it out keeps its scans index-only).
 */
export function scanned(
  scope: HorizonScope,
  last: Day,
  policy: LeadTimePolicy,
  withWrittenAt = false,
  range?: KeyRange,
) {
  const written = withWrittenAt ? sql`, e.written_at` : sql``;
  const branches = windowBranches(scope.basis, scope.asOf, last).flatMap((window, i) =>
    (range === undefined
      ? [sql<boolean>`true`]
      : rangeConditions(range, BRANCH_DAYS[scope.basis][i]!, policy)
    ).map(
      (
        part,
      ) => sql`select e.ocid, e.register_contract_id, e.buyer_id, e.end_day, e.max_extent_day, e.gbp_value${written}
      from horizon_entry e where ${window} and ${filters(scope, range !== undefined)} and ${part}`,
    ),
  );
  return sql`(select s.*, ${horizonDay(scope.basis, scope.asOf)} as horizon_day, ${leadMonths(policy)} as lead_months
    from (${sql.join(branches, sql` union all `)}) s) h`;
}

const ORDER: Record<HorizonSort, RawBuilder<unknown>> = {
  decision: sql`h.decision_due`,
  end: sql`h.horizon_day`,
  value: sql`h.gbp_value`,
};

export interface HorizonPageOptions {
  last: Day;
  policy: LeadTimePolicy;
  sort: HorizonSort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
  /** Read only the rows whose sort key is in this range (`offset` then counts from its first row). */
  range?: KeyRange;
}

/** One page of the scan, in order (nulls last, then ocid or register id so pages never overlap). */
export async function findHorizonPage(
  db: Db,
  scope: HorizonScope,
  o: HorizonPageOptions,
): Promise<HorizonRow[]> {
  const dir = o.order === 'asc' ? sql`asc` : sql`desc`;
  const query = sql<HorizonRow>`
    select h.ocid, case when r.id is null then 'ocds' else 'register' end as source,
      coalesce(p.title, r.title) as title, h.buyer_id, buyer.name as buyer_name,
      coalesce(p.cpv_main, case when r.category_scheme = 'cpv' then r.category_code end) as cpv_main,
      p.procurement_method, coalesce(p.procurement_method_details, r.procedure) as procurement_method_details,
      p.number_of_tenderers, coalesce(p.notice_types, '{}') as notice_types,
      coalesce(p.delivery_regions, '{}') as delivery_regions,
      coalesce(p.contract_dates_from, case when r.id is not null then 'register' end) as contract_dates_from,
      h.end_day::text as end_day, h.max_extent_day::text as max_extent_day,
      coalesce(v.value, r.total_value)::text as value,
      case when r.id is null then v.currency when r.total_value is not null then r.currency end as currency,
      case when r.id is null then b.value_basis when r.total_value is not null then 'register' end as value_basis,
      case when r.id is null then v.value_includes_vat when r.total_value is not null then false end
        as value_includes_vat,
      coalesce(p.synthetic, false) as synthetic,
      to_char(coalesce(p.last_updated, run.finished_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
        as last_updated,
      case when r.id is not null then json_build_object('id', r.id, 'reference', r.reference,
        'supplier_name', r.supplier_name, 'extension_months', r.extension_months,
        'extensions_available', r.extensions_available, 'extensions_taken', r.extensions_taken,
        'source_file', r.source_file, 'source_line', r.source_line,
        'imported_on', to_char(run.finished_at at time zone 'Europe/London', 'YYYY-MM-DD')) end as register,
      coalesce((select json_agg(json_build_object('id', x.id, 'name', x.name) order by x.name, x.id)
        from (select distinct o.id, o.name from award a
          join award_supplier s on s.ocid = a.ocid and s.award_id = a.award_id
          join organisation o0 on o0.id = s.organisation_id
          join organisation o on o.id = coalesce(o0.merged_into, o0.id)
          where a.ocid = h.ocid and a.status = 'active'
          union
          select o.id, o.name from organisation o0
          join organisation o on o.id = coalesce(o0.merged_into, o0.id)
          where o0.id = r.supplier_organisation_id) x), '[]'::json) as suppliers,
      t.has_renewal, t.renewal_description, t.has_options, t.options_description
    from (select h.* from (
            select h.*, (h.horizon_day - make_interval(months => h.lead_months))::date as decision_due
            from ${scanned({ ...scope }, o.last, o.policy, false, o.range)}) h
          where ${o.range === undefined ? sql`true` : sql`${ORDER[o.range.sort]} between ${day(o.range.from)} and ${day(o.range.to)}`}
          order by ${ORDER[o.sort]} ${dir} nulls last, h.ocid asc nulls last, h.register_contract_id asc
          limit ${o.limit} offset ${o.offset}) h
    left join process p on p.ocid = h.ocid
    ${PROCESS_VALUE}
    left join register_contract r on r.id = h.register_contract_id
    left join import_run run on run.id = r.import_run_id
    left join organisation buyer on buyer.id = h.buyer_id
    cross join lateral (select
        bool_or(x.has_renewal) as has_renewal,
        (array_agg(x.renewal_description order by x.rank) filter (where x.renewal_description is not null))[1]
          as renewal_description,
        bool_or(x.has_options) as has_options,
        (array_agg(x.options_description order by x.rank) filter (where x.options_description is not null))[1]
          as options_description
      from (select 1 as rank, a.has_renewal, a.renewal_description, null::boolean as has_options,
              null::text as options_description
            from award a where a.ocid = h.ocid and a.status = 'active'
            union all
            select 2, l.has_renewal, l.renewal_description, l.has_options, l.options_description
            from lot l where l.ocid = h.ocid) x) t
    order by ${ORDER[o.sort]} ${dir} nulls last, h.ocid asc nulls last, h.register_contract_id asc`;
  // A key range reads a few hundred rows: PostgreSQL may still plan parallel workers for them (the array filters'
  // heap reads look costly), whose start-up took 50 ms at 1M under load for 3 ms of work. Not for that read.
  const rows =
    o.range === undefined
      ? await query.execute(db)
      : await db.transaction().execute(async (trx) => {
          await sql`set local max_parallel_workers_per_gather = 0`.execute(trx);
          return query.execute(trx);
        });
  return rows.rows.map((r) => ({
    ...r,
    register: r.register === null ? null : { ...r.register, id: Number(r.register.id) },
    buyer_id: r.buyer_id === null ? null : Number(r.buyer_id),
    suppliers: r.suppliers.map((s) => ({ id: Number(s.id), name: s.name })),
  }));
}

export interface WindowTotal {
  months: number;
  last: Day;
  contracts: number;
  /** Sum of the values in pounds (incl. VAT where published), exact decimal. */
  valueGbp: string;
  /** Contracts whose value is not known in pounds (not in the sum). */
  valueNotKnown: number;
}

/** Count and value for each window (all ending on or after asOf), with the same filters, in one pass. */
export async function summariseHorizon(
  db: Db,
  scope: HorizonScope,
  windows: readonly { months: number; last: Day }[],
  policy: LeadTimePolicy,
): Promise<WindowTotal[]> {
  const widest = windows.reduce((a, w) => (w.last > a ? w.last : a), scope.asOf);
  const cols = windows.map(
    (w, i) => sql`count(*) filter (where h.horizon_day <= ${day(w.last)}) as ${sql.ref(`n${i}`)},
      coalesce(sum(h.gbp_value) filter (where h.horizon_day <= ${day(w.last)}), 0)::text as ${sql.ref(`v${i}`)},
      count(*) filter (where h.horizon_day <= ${day(w.last)} and h.gbp_value is null) as ${sql.ref(`u${i}`)}`,
  );
  const r = await sql<Record<string, string | number>>`
    select ${sql.join(cols, sql`, `)} from ${scanned(scope, widest, policy)}`.execute(db);
  const row = r.rows[0] ?? {};
  return windows.map((w, i) => ({
    months: w.months,
    last: w.last,
    contracts: Number(row[`n${i}`] ?? 0),
    valueGbp: String(row[`v${i}`] ?? '0'),
    valueNotKnown: Number(row[`u${i}`] ?? 0),
  }));
}
