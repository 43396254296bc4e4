/// <reference lib="dom" />
// The pages in a real browser (Debian's Chromium through playwright-core), on the real sample: a person can find
// a contract and open it, the filters explain bad input, and every page passes axe's accessibility rules.
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { ingestPaths } from '../../src/ocds/pipeline.js';
import { repoPath } from '../../src/paths.js';
import { createServices } from '../../src/services/index.js';
import { buildApp } from '../../src/web/app.js';
import { expectAccessible, launchChromium } from '../support/browser.js';
import { createTestDb, type TestDb } from '../support/db.js';

describe('pages in Chromium', () => {
  let t: TestDb;
  let app: FastifyInstance;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;

  beforeAll(async () => {
    t = await createTestDb();
    await ingestPaths(t.db, [repoPath('data/sample')], { source: 'sample' });
    const config = loadConfig({}, { databaseUrl: t.url });
    const log = createLogger('warn');
    app = await buildApp({ config, services: createServices({ db: t.db, config, log }), log });
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
    context = await browser.newContext();
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.close();
    await t?.drop();
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    const response = await page.goto(`${base}${path}`);
    expect(response?.status(), path).toBeLessThan(500);
    return page;
  }

  it('finds a contract by search and opens it', async () => {
    const page = await open('/contracts');
    await page.getByLabel('Search').fill('heat network');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/q=heat\+network/);
    const first = page.locator('table tbody tr a').first();
    const title = await first.textContent();
    expect(title).toBeTruthy();
    await first.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(title);
    expect(await page.content()).toMatch(/Northumberland/i);
    await expectAccessible(page);
    await page.close();
  });

  it('explains a half-filled date and keeps what was typed', async () => {
    const page = await open('/contracts?endFrom-day=12&q=school');
    expect(await page.locator('.govuk-error-summary').textContent()).toMatch(/must include a month and year/);
    expect(await page.getByLabel('Search').inputValue()).toBe('school');
    await expectAccessible(page);
    await page.close();
  });

  it('the home, list, sync status and not-found pages pass axe', async () => {
    for (const path of ['/', '/contracts', '/contracts?sort=value', '/admin/sync', '/no-such-page']) {
      const page = await open(path);
      await expectAccessible(page);
      await page.close();
    }
  });

  it('shows no GOV.UK crown and uses no GDS Transport by default', async () => {
    const page = await context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${base}/contracts`);
    await page.evaluate(() => document.fonts.ready);
    expect(await page.content()).not.toContain('govuk-header__logotype');
    const used = await page.evaluate(() => ({
      body: getComputedStyle(document.body).fontFamily,
      heading: getComputedStyle(document.querySelector('h1')!).fontFamily,
      loaded: Array.from(document.fonts as unknown as Iterable<FontFace>)
        .filter((f) => f.status === 'loaded')
        .map((f) => f.family),
    }));
    expect(used.body).not.toMatch(/GDS Transport/);
    expect(used.heading).not.toMatch(/GDS Transport/);
    expect(used.loaded).toEqual([]);
    expect(requested.filter((p) => /\/fonts\/|\.woff2?$/.test(p))).toEqual([]);
    await page.close();
  });
});
