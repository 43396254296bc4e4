// Read queries over the contract model for the contracts list, its CSV export and the contract page.
// The projection (src/ocds/project → contract-model.repository.ts) writes these tables; this module only reads.
// Every value reaches PostgreSQL as a bind parameter: sql`` fragments interpolate parameters, never text.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Database } from './database.js';

type Db = Kysely<Database>;
type ProcessEb = ExpressionBuilder<Database, 'process'>;

export interface ProcessFilters {
  /** Web search syntax (websearch_to_tsquery) over title (weight A) and description (weight B). */
  q?: string;
  buyerId?: number;
  /** Part of the buyer's name, case-insensitive. */
  buyer?: string;
  supplierId?: number;
  /** Part of a supplier's name, case-insensitive. */
  supplier?: string;
  /** Leading digits of a CPV code: 2 = division, 3 = group, 4 = class, 5+ = category. */
  cpvPrefix?: string;
  /** Exact decimal strings in pounds, compared with the best known value (GBP only). */
  minValue?: string;
  maxValue?: string;
  /** ISO dates (YYYY-MM-DD), inclusive, as UK calendar days. */
  endFrom?: string;
  endTo?: string;
}

export type ProcessSort = 'updated' | 'value' | 'end' | 'title';
export type SortOrder = 'asc' | 'desc';

export interface ProcessPage {
  sort: ProcessSort;
  order: SortOrder;
  limit: number;
  offset: number;
}

// "Best known value": what was finally agreed if known, else what was awarded, else the estimate; net of VAT
// where published, the estimate including VAT only as a last resort. The basis travels with the figure.
export const bestValue = sql<
  string | null
>`coalesce(process.contract_value, process.award_value, process.tender_value, process.tender_value_gross)`;
export const bestCurrency = sql<string | null>`case
  when process.contract_value is not null then process.contract_currency
  when process.award_value is not null then process.award_currency
  else process.tender_currency end`;
export const bestBasis = sql<ValueBasis | null>`case
  when process.contract_value is not null then 'contract'
  when process.award_value is not null then 'award'
  when process.tender_value is not null then 'tender'
  when process.tender_value_gross is not null then 'tender-gross' end`;

export type ValueBasis = 'contract' | 'award' | 'tender' | 'tender-gross';

/** `%term%` for ILIKE with the term's own wildcards escaped (backslash is PostgreSQL's default escape). */
export const containsPattern = (term: string): string => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function supplierMatch(
  eb: ProcessEb,
  org: (o: ExpressionBuilder<Database, 'organisation'>) => Expression<SqlBool>,
) {
  // Suppliers named on an award, or parties with the supplier role (some publishers fill only one of the two).
  return eb.or([
    eb.exists(
      eb
        .selectFrom('award_supplier')
        .innerJoin('organisation', 'organisation.id', 'award_supplier.organisation_id')
        .select(sql`1`.as('one'))
        .whereRef('award_supplier.ocid', '=', 'process.ocid')
        .where((o) => org(o as unknown as ExpressionBuilder<Database, 'organisation'>)),
    ),
    eb.exists(
      eb
        .selectFrom('party')
        .innerJoin('organisation', 'organisation.id', 'party.organisation_id')
        .select(sql`1`.as('one'))
        .whereRef('party.ocid', '=', 'process.ocid')
        .where(sql<boolean>`'supplier' = any(party.roles)`)
        .where((o) => org(o as unknown as ExpressionBuilder<Database, 'organisation'>)),
    ),
  ]);
}

function filterExpression(eb: ProcessEb, f: ProcessFilters): Expression<SqlBool> {
  const c: Expression<SqlBool>[] = [];
  if (f.q) c.push(sql<boolean>`process.search @@ websearch_to_tsquery('english', ${f.q})`);
  if (f.buyerId !== undefined) c.push(eb('process.buyer_id', '=', f.buyerId));
  if (f.buyer) {
    const pattern = containsPattern(f.buyer);
    c.push(
      eb.exists(
        eb
          .selectFrom('organisation')
          .select(sql`1`.as('one'))
          .whereRef('organisation.id', '=', 'process.buyer_id')
          .where('organisation.name', 'ilike', pattern),
      ),
    );
  }
  if (f.supplierId !== undefined) {
    const id = f.supplierId;
    c.push(supplierMatch(eb, (o) => o('organisation.id', '=', id)));
  }
  if (f.supplier) {
    const pattern = containsPattern(f.supplier);
    c.push(supplierMatch(eb, (o) => o('organisation.name', 'ilike', pattern)));
  }
  if (f.cpvPrefix) {
    // The prefix is digits only (checked by the service), so it carries no LIKE wildcards.
    c.push(
      sql<boolean>`exists (select 1 from unnest(process.cpv_codes) as code where code like ${`${f.cpvPrefix}%`})`,
    );
  }
  if (f.minValue !== undefined)
    c.push(sql<boolean>`${bestValue} >= ${f.minValue}::numeric and ${bestCurrency} = 'GBP'`);
  if (f.maxValue !== undefined)
    c.push(sql<boolean>`${bestValue} <= ${f.maxValue}::numeric and ${bestCurrency} = 'GBP'`);
  // UK calendar days: midnight in London, so an end at 23:59:59+01:00 on 30 September counts as 30 September.
  if (f.endFrom)
    c.push(
      sql<boolean>`process.contract_end >= (${f.endFrom}::date::timestamp at time zone 'Europe/London')`,
    );
  if (f.endTo)
    c.push(
      sql<boolean>`process.contract_end < ((${f.endTo}::date + 1)::timestamp at time zone 'Europe/London')`,
    );
  return eb.and(c);
}

function sortExpression(sort: ProcessSort) {
  switch (sort) {
    case 'value':
      return bestValue;
    case 'end':
      return sql`process.contract_end`;
    case 'title':
      return sql`lower(process.title)`;
    case 'updated':
      return sql`process.last_updated`;
  }
}

function listQuery(db: Db, f: ProcessFilters) {
  return db
    .selectFrom('process')
    .leftJoin('organisation as buyer', 'buyer.id', 'process.buyer_id')
    .where((eb) => filterExpression(eb, f))
    .select([
      'process.ocid',
      'process.source',
      'process.title',
      'process.buyer_id',
      'buyer.name as buyer_name',
      bestValue.as('value_amount'),
      bestCurrency.as('value_currency'),
      bestBasis.as('value_basis'),
      'process.tender_status',
      'process.procurement_method',
      'process.procurement_method_details',
      'process.cpv_main',
      'process.contract_start',
      'process.contract_end',
      'process.contract_max_extent',
      'process.notice_types',
      'process.release_tags',
      'process.first_published',
      'process.last_updated',
      'process.synthetic',
    ]);
}

export type ProcessListRow = Awaited<ReturnType<ReturnType<typeof listQuery>['execute']>>[number];

function ordered<Q extends ReturnType<typeof listQuery>>(q: Q, sort: ProcessSort, order: SortOrder): Q {
  // Nulls last both ways (an unknown value is not the smallest), then ocid so pages never overlap.
  return q
    .orderBy(sortExpression(sort), (ob) => (order === 'asc' ? ob.asc() : ob.desc()).nullsLast())
    .orderBy('process.ocid', 'asc') as Q;
}

export async function listProcesses(db: Db, f: ProcessFilters, page: ProcessPage): Promise<ProcessListRow[]> {
  return ordered(listQuery(db, f), page.sort, page.order).limit(page.limit).offset(page.offset).execute();
}

export async function countProcesses(db: Db, f: ProcessFilters): Promise<number> {
  const row = await db
    .selectFrom('process')
    .where((eb) => filterExpression(eb, f))
    .select(sql<number>`count(*)::int`.as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export type ProcessExportRow = ProcessListRow & { suppliers: string | null };

/** The filtered list in export order, fetched in chunks so memory stays bounded however long the list. */
export async function* iterateProcessesForExport(
  db: Db,
  f: ProcessFilters,
  sort: ProcessSort,
  order: SortOrder,
  chunk = 1000,
): AsyncGenerator<ProcessExportRow> {
  for (let offset = 0; ; offset += chunk) {
    const rows = await ordered(listQuery(db, f), sort, order)
      .select(
        sql<string | null>`(select string_agg(distinct o.name, '; ' order by o.name)
          from award_supplier s join organisation o on o.id = s.organisation_id where s.ocid = process.ocid)`.as(
          'suppliers',
        ),
      )
      .limit(chunk)
      .offset(offset)
      .execute();
    yield* rows;
    if (rows.length < chunk) return;
  }
}

// ── totals for the home page and /api/stats ────────────────────────────────────────────────────────────────

export async function countTotals(db: Db) {
  const r = await sql<{
    processes: number;
    synthetic_processes: number;
    releases: number;
    buyers: number;
    suppliers: number;
    quarantined: number;
  }>`select
      (select count(*)::int from process) as processes,
      (select count(*)::int from process where synthetic) as synthetic_processes,
      (select count(*)::int from release) as releases,
      (select count(distinct buyer_id)::int from process) as buyers,
      (select count(*)::int from (
        select organisation_id from award_supplier
        union
        select organisation_id from party where 'supplier' = any(roles)) s) as suppliers,
      (select count(*)::int from quarantine) as quarantined`.execute(db);
  return r.rows[0]!;
}

export async function countReleasesBySource(db: Db) {
  return db
    .selectFrom('release')
    .select([
      'source',
      sql<number>`count(*)::int`.as('releases'),
      sql<Date | null>`max(release_date)`.as('latest'),
    ])
    .groupBy('source')
    .orderBy('source')
    .execute();
}
