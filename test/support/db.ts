// A fresh, migrated database per test file on the server the project's global setup provides.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { ingestPaths } from '../../src/ocds/pipeline.js';
import { repoPath } from '../../src/paths.js';
import { createKysely } from '../../src/store/db.js';
import type { Database } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';

export interface TestDb {
  db: Kysely<Database>;
  url: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDb(options: { migrate?: boolean } = {}): Promise<TestDb> {
  const adminUrl = inject('adminUrl');
  const name = `mb_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = withDatabase(adminUrl, name);
  const db = createKysely(url, 4);
  if (options.migrate !== false) await migrateToLatest(db);
  return {
    db,
    url,
    async drop() {
      await db.destroy();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** For a describe block: a fresh database with the real sample (data/sample) ingested, dropped after its tests. */
export function useSampleDb(): () => TestDb {
  let t: TestDb | undefined;
  beforeAll(async () => {
    t = await createTestDb();
    await ingestPaths(t.db, [repoPath('data/sample')], { source: 'sample' });
  }, 180_000);
  afterAll(async () => t?.drop());
  return () => {
    if (!t) throw new Error('the sample database has not been created');
    return t;
  };
}
