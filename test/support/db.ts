// A database per test file on the server the project's global setup provides: a copy of the run's migrated
// template, or of its sample template (test/support/db-templates.ts), or an empty one for the migration tests.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, inject } from 'vitest';
import { createKysely } from '../../src/store/db.js';
import type { Database } from '../../src/store/database.js';
import { adminQuery, uniqueName, withDatabase } from './db-templates.js';

export interface TestDb {
  db: Kysely<Database>;
  url: string;
  drop(): Promise<void>;
}

type Start = 'migrated' | 'sample' | 'empty';

async function createDb(start: Start): Promise<TestDb> {
  const adminUrl = inject('adminUrl');
  const name = uniqueName('mb_test');
  const template = start === 'empty' ? '' : ` template ${inject('templates')[start]}`;
  await adminQuery(adminUrl, `create database ${name}${template}`);
  const url = withDatabase(adminUrl, name);
  const db = createKysely(url, 4);
  return {
    db,
    url,
    async drop() {
      await db.destroy();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** A fresh database migrated to the latest schema (or empty, with `migrate: false`). */
export function createTestDb(options: { migrate?: boolean } = {}): Promise<TestDb> {
  return createDb(options.migrate === false ? 'empty' : 'migrated');
}

/**
 * A fresh database holding the real sample (data/sample) as `ingestPaths(…, { source: 'sample' })` leaves it, with
 * the market summary refreshed as ingest does (the other derived tables still queued).
 */
export function createSampleDb(): Promise<TestDb> {
  return createDb('sample');
}

/** For a describe block: a fresh database with the real sample ingested, dropped after its tests. */
export function useSampleDb(): () => TestDb {
  let t: TestDb | undefined;
  beforeAll(async () => {
    t = await createSampleDb();
  }, 180_000);
  afterAll(async () => t?.drop());
  return () => {
    if (!t) throw new Error('the sample database has not been created');
    return t;
  };
}
