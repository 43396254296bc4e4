// The files an import reads: a file, or every CSV/XLSX (optionally gzipped) under a folder, in name order.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../errors.js';

const DATA_FILE = /\.(csv|txt|tsv|xlsx)(\.gz)?$/i;

export async function listInputFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => null);
    if (!s) throw new AppError('NOT_FOUND', `${p}: no such file or folder`);
    if (s.isFile()) {
      files.push(p);
      continue;
    }
    const entries = await readdir(p, { recursive: true, withFileTypes: true });
    const found = entries
      .filter((e) => e.isFile() && DATA_FILE.test(e.name))
      .map((e) => join(e.parentPath, e.name))
      .sort();
    if (found.length === 0)
      throw new AppError('NOT_FOUND', `${p}: no .csv, .csv.gz or .xlsx files in this folder`);
    files.push(...found);
  }
  return files;
}

/** A raw excerpt for quarantine: the row as published, cut to a readable length. */
export const excerpt = (raw: string, max = 400): string => (raw.length > max ? `${raw.slice(0, max)}…` : raw);
