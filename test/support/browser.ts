/// <reference lib="dom" />
// Browser tests' shared setup: the app on a fresh database with the real sample, served on a free port, and
// Debian's Chromium through playwright-core; `open` checks the status, `expectAccessible` runs axe (WCAG 2.2 AA).
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { ingestPaths } from '../../src/ocds/pipeline.js';
import { repoPath } from '../../src/paths.js';
import { createServices } from '../../src/services/index.js';
import { buildApp } from '../../src/web/app.js';
import { createTestDb, type TestDb } from './db.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface BrowserApp {
  base: string;
  context: BrowserContext;
  open(path: string): Promise<Page>;
  expectAccessible(page: Page): Promise<void>;
  close(): Promise<void>;
}

export async function startBrowserApp(): Promise<BrowserApp> {
  const t: TestDb = await createTestDb();
  await ingestPaths(t.db, [repoPath('data/sample')], { source: 'sample' });
  const config = loadConfig({}, { databaseUrl: t.url });
  const log = createLogger('warn');
  const app: FastifyInstance = await buildApp({
    config,
    services: createServices({ db: t.db, config, log }),
    log,
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext();
  return {
    base,
    context,
    async open(path) {
      const page = await context.newPage();
      const response = await page.goto(`${base}${path}`);
      expect(response?.status(), path).toBeLessThan(500);
      return page;
    },
    async expectAccessible(page) {
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    },
    async close() {
      await context.close();
      await browser.close();
      await app.close();
      await t.drop();
    },
  };
}
