// Import runs of local files (spend files, contract registers): one per file and organisation, unique by content
// hash, written in the same transaction as the rows they carry so that a failed file leaves nothing behind.
import { sql, type Kysely, type Transaction } from 'kysely';
import { AppError } from '../errors.js';
import type { Database } from './database.js';

export type ImportKind = 'spend' | 'register' | 'notices';

export interface ImportRunStart {
  kind: ImportKind;
  organisationId: number;
  file: string;
  sha256: string;
  bytes: number;
}

export interface ImportRunCounts {
  encoding: string | null;
  layout: unknown;
  records: number;
  rows: number;
  kept: number;
  quarantined: number;
  skipped: Record<string, number>;
}

export interface QuarantinedRow {
  file: string;
  line: number;
  reason: string;
  excerpt: string;
}

/** The earlier import of the same content for the same organisation, if any. */
export async function findImportRun(
  db: Kysely<Database>,
  kind: ImportKind,
  organisationId: number,
  sha256: string,
) {
  return db
    .selectFrom('import_run')
    .select(['id', 'file', 'rows', 'kept', 'quarantined', 'finished_at'])
    .where('kind', '=', kind)
    .where('organisation_id', '=', organisationId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
}

/** The organisation's name, or a NOT_FOUND error that says how to find ids. */
export async function requireOrganisation(db: Kysely<Database>, id: number): Promise<string> {
  const row = await db.selectFrom('organisation').select(['name']).where('id', '=', id).executeTakeFirst();
  if (!row) {
    throw new AppError(
      'NOT_FOUND',
      `no organisation with id ${id}: --org takes the id of an organisation already known (ingest its OCDS notices first, or see /organisations in the web app)`,
    );
  }
  return row.name;
}

/**
 * Runs `body` in one transaction with a fresh import_run row, then records its counts. A second import of the same
 * content (same organisation, same sha256) racing this one fails on the unique key and rolls back whole.
 */
export async function inImportRun(
  db: Kysely<Database>,
  start: ImportRunStart,
  body: (trx: Transaction<Database>, runId: number) => Promise<ImportRunCounts>,
): Promise<{ runId: number; counts: ImportRunCounts }> {
  try {
    return await db.transaction().execute(async (trx) => {
      const run = await trx
        .insertInto('import_run')
        .values({
          kind: start.kind,
          organisation_id: start.organisationId,
          file: start.file,
          sha256: start.sha256,
          bytes: start.bytes,
          layout: '{}',
          records: 0,
          rows: 0,
          kept: 0,
          quarantined: 0,
          skipped: '{}',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const counts = await body(trx, run.id);
      await trx
        .updateTable('import_run')
        .set({
          encoding: counts.encoding,
          layout: JSON.stringify(counts.layout),
          records: counts.records,
          rows: counts.rows,
          kept: counts.kept,
          quarantined: counts.quarantined,
          skipped: JSON.stringify(counts.skipped),
          finished_at: sql<Date>`now()` as unknown as Date,
        })
        .where('id', '=', run.id)
        .execute();
      return { runId: run.id, counts };
    });
  } catch (e) {
    if ((e as { code?: string }).code === '23505') {
      throw new AppError(
        'CONFLICT',
        `${start.file}: the same file is being imported for this organisation already`,
        {
          cause: e,
        },
      );
    }
    throw e;
  }
}

export async function insertQuarantine(
  trx: Transaction<Database>,
  runId: number,
  rows: readonly QuarantinedRow[],
) {
  if (rows.length === 0) return;
  await trx
    .insertInto('import_quarantine')
    .values(
      rows.map((r) => ({
        import_run_id: runId,
        file: r.file,
        line: r.line,
        reason: r.reason,
        excerpt: r.excerpt,
      })),
    )
    .execute();
}

/** Quarantined rows of an organisation's imports, file and line order. */
export async function listImportQuarantine(
  db: Kysely<Database>,
  organisationId: number,
  limit = 100,
  offset = 0,
) {
  return db
    .selectFrom('import_quarantine as q')
    .innerJoin('import_run as r', 'r.id', 'q.import_run_id')
    .select(['q.file', 'q.line', 'q.reason', 'q.excerpt', 'r.kind'])
    .where('r.organisation_id', '=', organisationId)
    .orderBy('q.file')
    .orderBy('q.line')
    .limit(limit)
    .offset(offset)
    .execute();
}
