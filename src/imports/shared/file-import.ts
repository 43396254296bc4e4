// One local file imported for one buyer (notices, register): the buyer must exist, the same content imported
// before adds nothing, a dry run reads and counts without writing, and otherwise the rows, the quarantined rows and
// the import run are written in one transaction.
import { resolve } from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../store/database.js';
import {
  inImportRun,
  insertQuarantine,
  requireOrganisation,
  type ImportKind,
  type QuarantinedRow,
} from '../../store/import-run.repository.js';
import type { ReadFileStats } from './file-stats.js';
import { prepareFile } from './prepare.js';

export interface FileImportSummary<S> {
  organisation: { id: number; name: string };
  file: string;
  status: 'imported' | 'duplicate' | 'checked';
  sameAs?: string;
  rowsRead: number;
  kept: number;
  quarantined: number;
  /** Rows of a file whose whole content was imported before. */
  duplicates: number;
  seconds: number;
  stats?: S;
}

/** The file as read: its stats, every row not kept (in the order to store), counts of its own, and its writer. */
export interface ReadFile<S, X> {
  stats: S;
  rejects: QuarantinedRow[];
  extra: X;
  write(trx: Transaction<Database>, runId: number): Promise<void>;
}

export async function importFile<S extends ReadFileStats<string>, X extends object>(
  db: Kysely<Database>,
  path: string,
  options: { kind: ImportKind; organisationId: number; dryRun?: boolean | undefined; zero: X },
  read: (file: string) => Promise<ReadFile<S, X>>,
): Promise<FileImportSummary<S> & X> {
  const t0 = performance.now();
  const orgId = options.organisationId;
  const name = await requireOrganisation(db, orgId);
  const file = resolve(path);
  const seconds = () => Math.round((performance.now() - t0) / 10) / 100;
  const base = {
    organisation: { id: orgId, name },
    file,
    rowsRead: 0,
    kept: 0,
    quarantined: 0,
    ...options.zero,
    duplicates: 0,
  };
  const { print, earlier } = await prepareFile(db, options.kind, orgId, file);
  if (earlier && !options.dryRun) {
    const sameAs = earlier.file;
    return { ...base, status: 'duplicate', sameAs, duplicates: earlier.rows, seconds: seconds() };
  }
  const { stats, rejects, extra, write } = await read(file);
  const counts = { rowsRead: stats.rows, kept: stats.kept, quarantined: stats.quarantined, ...extra };
  if (options.dryRun) return { ...base, ...counts, status: 'checked', stats, seconds: seconds() };
  const start = { kind: options.kind, organisationId: orgId, file, sha256: print.sha256, bytes: print.bytes };
  await inImportRun(db, start, async (trx, runId) => {
    await write(trx, runId);
    await insertQuarantine(trx, runId, rejects);
    const { encoding, mapping, records, rows, kept, quarantined, skipped } = stats;
    return { encoding, layout: mapping, records, rows, kept, quarantined, skipped };
  });
  return { ...base, ...counts, status: 'imported', stats, seconds: seconds() };
}
