// The real sample (data/sample) ingested into a fresh test database, with the web app built on it: what the
// quality page, API and browser tests share.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { ingestPaths } from '../../src/ocds/pipeline.js';
import { repoPath } from '../../src/paths.js';
import { createServices } from '../../src/services/index.js';
import { buildApp } from '../../src/web/app.js';
import { createTestDb, type TestDb } from './db.js';

export interface SampleApp {
  t: TestDb;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function createSampleApp(): Promise<SampleApp> {
  const t = await createTestDb();
  await ingestPaths(t.db, [repoPath('data/sample')], { source: 'sample' });
  const config = loadConfig({}, { databaseUrl: t.url });
  const log = createLogger('warn');
  const app = await buildApp({ config, services: createServices({ db: t.db, config, log }), log });
  return {
    t,
    app,
    async close() {
      await app.close();
      await t.drop();
    },
  };
}

/** The organisation id of a buyer by its exact name (it must be unique in the sample). */
export async function organisationIdByName(t: TestDb, name: string): Promise<number> {
  const rows = await sql<{ id: string }>`select id from organisation where name = ${name}`.execute(t.db);
  if (rows.rows.length !== 1) throw new Error(`${rows.rows.length} organisations named ${name}`);
  return Number(rows.rows[0]!.id);
}
