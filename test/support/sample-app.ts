// The real sample (data/sample) ingested into a fresh test database, with the web app built on it: what the
// quality page, API and browser tests share; and the web app over any test database.
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createServices } from '../../src/services/index.js';
import { buildApp } from '../../src/web/app.js';
import { createSampleDb, type TestDb } from './db.js';

export interface SampleApp {
  t: TestDb;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** The web app over a test database, with its services and a quiet log. */
export async function buildTestApp(t: TestDb, env: Record<string, string> = {}): Promise<FastifyInstance> {
  const config = loadConfig(env, { databaseUrl: t.url });
  const log = createLogger('warn');
  return buildApp({ config, services: createServices({ db: t.db, config, log }), log });
}

export async function createSampleApp(): Promise<SampleApp> {
  const t = await createSampleDb();
  const app = await buildTestApp(t);
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
