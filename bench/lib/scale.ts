// The scaled dataset for benchmarks at 1 million contracts (design.md §8): the real sample's contract model is
// copied N times inside PostgreSQL (INSERT … SELECT, no round trips), every copy tagged synthetic. Each copy gets:
//   - its own ocids (`<ocid>~s<k>`),
//   - its dates shifted by a whole number of days spread over four years (so expiries, quarters and windows spread),
//   - its buyers and suppliers mapped onto clone organisations: buyers in BUYER_GROUPS groups, everyone else in
//     SUPPLIER_GROUPS groups, so there are many buyers with realistic record counts and many suppliers.
// Column lists are read from information_schema (identifiers from the catalogue, never from input), so a new
// contract-model column is copied without touching this file.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/store/database.js';

type Db = Kysely<Database>;

export interface ScaleOptions {
  /** Copies of the base sample to add (the base stays as it is). */
  copies: number;
  /** Buyer clone groups: number of distinct buyers ≈ real buyers × buyerGroups. */
  buyerGroups?: number;
  /** Clone groups for every other organisation (suppliers and other parties). */
  supplierGroups?: number;
  /** First copy number (to resume a build whose earlier chunks committed). Default 1. */
  from?: number;
  /** Copies per statement (a progress step). */
  chunk?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Tables copied per ocid, parents first (foreign keys). */
export const OCID_TABLES = [
  'process',
  'party',
  'lot',
  'award',
  'award_supplier',
  'contract',
  'classification',
  'notice',
  'metric',
  'observation',
  // The horizon scan's summary (migration 0013), written by the projection: copied like the model it summarises,
  // so the horizon and collaboration benchmarks read a full table (register rows have no ocid and are not copied).
  'horizon_entry',
  // The market analytics' fact rows (migration 0030), likewise: buyers and suppliers mapped to their clones.
  'market_fact',
] as const;

/** Day shift of copy k: spread over [-3 years, +1 year), deterministic. */
const SHIFT_DAYS = '(((c.k * 7919) % 1461) - 1096)';

interface Column {
  name: string;
  type: string;
}

async function columns(db: Db, table: string): Promise<Column[]> {
  const r = await sql<{ column_name: string; data_type: string }>`
    select column_name, data_type from information_schema.columns
    where table_schema = current_schema() and table_name = ${table} and is_generated = 'NEVER'
      and column_default is distinct from ${`nextval('${table}_id_seq'::regclass)`}
    order by ordinal_position`.execute(db);
  return r.rows.map((c) => ({ name: c.column_name, type: c.data_type }));
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The select expression copying one column of table alias t for copy c (mapping organisations via bm/sm). */
function copyExpression(table: string, col: Column): string {
  const c = `t.${ident(col.name)}`;
  if (col.name === 'ocid') return `t.ocid || '~s' || c.k`;
  if (col.name === 'synthetic') return 'true';
  if (['process', 'horizon_entry', 'market_fact'].includes(table) && col.name === 'buyer_id')
    return 'bm.new_id';
  if (table === 'horizon_entry' && col.name === 'supplier_ids')
    return `array(select sm2.new_id from unnest(t.supplier_ids) u(id)
      join scale_org sm2 on sm2.kind = 's' and sm2.orig_id = u.id and sm2.grp = c.k % sg.n)`;
  // The fact's UK day from the shifted award time, as the projection would write it (a shift can cross a DST change).
  if (table === 'market_fact' && col.name === 'award_day')
    return `((a0.award_date + make_interval(days => ${SHIFT_DAYS})) at time zone 'Europe/London')::date`;
  if (col.name === 'organisation_id')
    return table === 'party' ? 'coalesce(pb.new_id, sm.new_id)' : 'sm.new_id';
  if (col.type.startsWith('timestamp') || col.type === 'date')
    return `${c} + make_interval(days => ${SHIFT_DAYS})`;
  return c;
}

function joins(table: string): string {
  const buyerGroup = 'c.k % bg.n';
  const supplierGroup = 'c.k % sg.n';
  if (table === 'market_fact')
    return `join award a0 on a0.ocid = t.ocid and a0.award_id = t.award_id
      left join scale_org bm on bm.kind = 'b' and bm.orig_id = t.buyer_id and bm.grp = ${buyerGroup}
      left join scale_org sm on sm.kind = 's' and sm.orig_id = t.organisation_id and sm.grp = ${supplierGroup}`;
  if (table === 'process' || table === 'horizon_entry')
    return `left join scale_org bm on bm.kind = 'b' and bm.orig_id = t.buyer_id and bm.grp = ${buyerGroup}`;
  if (table === 'party')
    return `join process p0 on p0.ocid = t.ocid
      left join scale_org pb on pb.kind = 'b' and pb.orig_id = t.organisation_id and p0.buyer_id = t.organisation_id
        and pb.grp = ${buyerGroup}
      left join scale_org sm on sm.kind = 's' and sm.orig_id = t.organisation_id and sm.grp = ${supplierGroup}`;
  if (table === 'award_supplier')
    return `join scale_org sm on sm.kind = 's' and sm.orig_id = t.organisation_id and sm.grp = ${supplierGroup}`;
  return '';
}

/** Clone organisations: kind 'b' for every buyer × buyer group, kind 's' for every organisation × supplier group. */
async function cloneOrganisations(db: Db, buyerGroups: number, supplierGroups: number): Promise<void> {
  const cols = (await columns(db, 'organisation')).filter((c) => c.name !== 'merged_into');
  const names = cols.map((c) => ident(c.name)).join(', ');
  const values = cols
    .map((c) => {
      if (c.name === 'entity_key') return `'synthetic:' || g.kind || g.grp || ':' || o.entity_key`;
      if (c.name === 'name') return `o.name || ' (synthetic ' || g.kind || g.grp || ')'`;
      if (c.name === 'synthetic') return 'true';
      return `o.${ident(c.name)}`;
    })
    .join(', ');
  await sql
    .raw(
      `create table if not exists scale_org (kind text, grp int, orig_id bigint, new_id bigint,
         primary key (kind, orig_id, grp))`,
    )
    .execute(db);
  await sql.raw('truncate scale_org').execute(db);
  const source = (kind: string, groups: number, filter: string) => `
    insert into organisation (${names})
    select ${values} from organisation o
    cross join (select '${kind}'::text as kind, grp from generate_series(0, ${groups - 1}) grp) g
    where not o.synthetic and o.merged_into is null ${filter}
    on conflict (entity_key) do nothing`;
  // The mapping is rebuilt from the deterministic entity keys (so a re-run finds the clones it made before).
  for (const [kind, groups, filter] of [
    ['b', buyerGroups, 'and o.id in (select buyer_id from process where buyer_id is not null)'],
    ['s', supplierGroups, ''],
  ] as const) {
    await sql.raw(source(kind, groups, filter)).execute(db);
    await sql
      .raw(
        `insert into scale_org (kind, grp, orig_id, new_id)
         select '${kind}', g.grp, o.id, n.id
         from organisation o cross join generate_series(0, ${groups - 1}) g(grp)
         join organisation n on n.entity_key = 'synthetic:' || '${kind}' || g.grp || ':' || o.entity_key
         where not o.synthetic and o.merged_into is null
         on conflict do nothing`,
      )
      .execute(db);
  }
}

/** Copies the base (non-synthetic) contract model `copies` times. Returns the processes added. */
export async function scaleContractModel(db: Db, options: ScaleOptions): Promise<number> {
  const buyerGroups = options.buyerGroups ?? 40;
  const supplierGroups = options.supplierGroups ?? 400;
  const chunk = options.chunk ?? 100;
  await cloneOrganisations(db, buyerGroups, supplierGroups);
  const statements: string[] = [];
  for (const table of OCID_TABLES) {
    const cols = await columns(db, table);
    statements.push(`
      insert into ${ident(table)} (${cols.map((c) => ident(c.name)).join(', ')})
      select ${cols.map((c) => copyExpression(table, c)).join(', ')}
      from ${ident(table)} t
      join process base on base.ocid = t.ocid and not base.synthetic
      cross join generate_series($1::int, $2::int) c(k)
      cross join (select ${buyerGroups} as n) bg cross join (select ${supplierGroups} as n) sg
      ${joins(table)}`);
  }
  let added = 0;
  const last = (options.from ?? 1) + options.copies - 1;
  for (let from = options.from ?? 1; from <= last; from += chunk) {
    const to = Math.min(last, from + chunk - 1);
    await db.transaction().execute(async (trx) => {
      for (const text of statements) {
        const r = await sql.raw(text.replace('$1', String(from)).replace('$2', String(to))).execute(trx);
        if (text.includes('insert into "process"')) added += Number(r.numAffectedRows ?? 0);
      }
    });
    options.onProgress?.(to, last);
  }
  // Every buyer's stored red flags are judged again by the next refresh (the clones have none yet).
  await sql`insert into red_flag_queue (buyer_id) select distinct buyer_id from process where buyer_id is not null`.execute(
    db,
  );
  await sql.raw('analyze').execute(db);
  return added;
}
