// Reading import runs back for the import pages and API: runs newest first (all, or of some organisations), one run
// with its column mapping, and a page of its rejected rows in line order. Indexes: import_run_finished and
// import_run_organisation_finished (migration 0020), import_quarantine_run (migration 0007).
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import type { ImportKind } from './import-run.repository.js';

export interface ImportRunFilter {
  /** Only these organisations' runs; undefined: every organisation's. */
  organisationIds?: readonly number[];
  kind?: ImportKind;
}

const runColumns = [
  'r.id',
  'r.kind',
  'r.organisation_id',
  'o.name as organisation_name',
  'r.file',
  'r.sha256',
  'r.bytes',
  'r.encoding',
  'r.records',
  'r.rows',
  'r.kept',
  'r.quarantined',
  'r.skipped',
  'r.started_at',
  'r.finished_at',
] as const;

function runsQuery(db: Kysely<Database>, filter: ImportRunFilter) {
  let q = db.selectFrom('import_run as r').innerJoin('organisation as o', 'o.id', 'r.organisation_id');
  if (filter.organisationIds !== undefined) {
    q = q.where(
      'r.organisation_id',
      'in',
      filter.organisationIds.length ? [...filter.organisationIds] : [-1],
    );
  }
  if (filter.kind !== undefined) q = q.where('r.kind', '=', filter.kind);
  return q;
}

export async function listImportRuns(
  db: Kysely<Database>,
  filter: ImportRunFilter,
  page: { limit: number; offset: number },
) {
  const [rows, total] = await Promise.all([
    runsQuery(db, filter)
      .select([...runColumns])
      .orderBy('r.finished_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    runsQuery(db, filter)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export async function getImportRun(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('import_run as r')
    .innerJoin('organisation as o', 'o.id', 'r.organisation_id')
    .select([...runColumns, 'r.layout'])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

export async function listRunQuarantine(
  db: Kysely<Database>,
  runId: number,
  page: { limit: number; offset: number },
) {
  return db
    .selectFrom('import_quarantine')
    .select(['line', 'reason', 'excerpt'])
    .where('import_run_id', '=', runId)
    .orderBy('line')
    .orderBy('id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}

/** Reasons of a run's rejected rows with their counts, commonest first (a reason's quoted value is kept apart). */
export async function countRunQuarantineReasons(db: Kysely<Database>, runId: number) {
  const reason = sql<string>`regexp_replace(reason, '"[^"]*"|[0-9a-f]{8}-[0-9a-f-]{27}|\\(.*\\)$|line [0-9]+', '…', 'g')`;
  const rows = await db
    .selectFrom('import_quarantine')
    .select([reason.as('reason'), (eb) => eb.fn.countAll<string>().as('n')])
    .where('import_run_id', '=', runId)
    .groupBy(reason)
    .orderBy('n', 'desc')
    .execute();
  return rows.map((r) => ({ reason: r.reason, rows: Number(r.n) }));
}
