// Before a file is read for import: its content hash (proving it decompresses and is text), and the earlier import
// of the same content for the same organisation, if any (then nothing is imported again).
import type { Kysely } from 'kysely';
import type { Database } from '../../store/database.js';
import { findImportRun, type ImportKind } from '../../store/import-run.repository.js';
import { fingerprintFile, type FileFingerprint } from './decode.js';

export interface PreparedFile {
  print: FileFingerprint;
  earlier: Awaited<ReturnType<typeof findImportRun>>;
}

export async function prepareFile(
  db: Kysely<Database>,
  kind: ImportKind,
  organisationId: number,
  file: string,
): Promise<PreparedFile> {
  const print = await fingerprintFile(file, { text: !/\.xlsx$/i.test(file) });
  return { print, earlier: await findImportRun(db, kind, organisationId, print.sha256) };
}
