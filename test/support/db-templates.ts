// Template databases for a test run: one migrated empty database and one with the real sample (data/sample)
// ingested, built once per project by the global setup. A test file's own database is a copy of one of them
// (`create database … template …`, a file copy on the server), so no file pays for the migrations or the sample
// ingest again; each file still gets a database of its own that it may change freely.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { ingestPaths } from '../../src/ocds/pipeline.js';
import { repoPath } from '../../src/paths.js';
import { createKysely } from '../../src/store/db.js';
import { refreshMarketSummary } from '../../src/store/market-summary.repository.js';
import { migrateToLatest } from '../../src/store/migrate.js';

export interface Templates {
  /** Migrated to the latest schema, no data. */
  migrated: string;
  /** Migrated, with the real sample ingested (source 'sample') and the market summary refreshed. */
  sample: string;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs one statement on the server's admin database. Names are generated here, never user input. */
export async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

export const uniqueName = (prefix: string): string => `${prefix}_${randomBytes(6).toString('hex')}`;

export async function createTemplates(adminUrl: string): Promise<Templates> {
  const migrated = uniqueName('mb_tpl_migrated');
  const sample = uniqueName('mb_tpl_sample');
  await adminQuery(adminUrl, `create database ${migrated}`);
  const m = createKysely(withDatabase(adminUrl, migrated), 2);
  try {
    await migrateToLatest(m);
  } finally {
    await m.destroy();
  }
  await adminQuery(adminUrl, `create database ${sample} template ${migrated}`);
  const s = createKysely(withDatabase(adminUrl, sample), 4);
  try {
    await ingestPaths(s, [repoPath('data/sample')], { source: 'sample' });
    // As `missionbuy ingest` does after compiling: the market profiles read the summary for whole financial years.
    await refreshMarketSummary(s);
  } finally {
    await s.destroy();
  }
  return { migrated, sample };
}

export async function dropTemplates(adminUrl: string, t: Templates): Promise<void> {
  for (const name of [t.sample, t.migrated])
    await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
}
