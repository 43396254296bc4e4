// Global setup for database-backed test projects: provides an admin URL to a PostgreSQL server on which each
// test file creates its own database. 'db-external' uses MISSIONBUY_TEST_DATABASE_URL; the others start an
// embedded PostgreSQL in a temporary folder for the run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbedded } from '../../src/store/db.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (project.name === 'db-external') {
    const url = process.env.MISSIONBUY_TEST_DATABASE_URL;
    if (!url) throw new Error('MISSIONBUY_TEST_DATABASE_URL is not set');
    project.provide('adminUrl', url);
    return async () => {};
  }
  const dir = mkdtempSync(join(tmpdir(), `missionbuy-${project.name}-`));
  const server = await startEmbedded(dir);
  project.provide('adminUrl', server.url.replace(/\/missionbuy$/, '/postgres'));
  return async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
