/// <reference lib="dom" />
// The data-quality pages in Chromium on the real sample: a person opens the league table, follows a buyer to its
// scorecard and a check to its failing records, and every page on the way passes axe (WCAG 2.2 AA rules).
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSampleApp, organisationIdByName, type SampleApp } from '../support/sample-app.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('data-quality pages in Chromium', () => {
  let sample: SampleApp;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;
  let derby: number;

  beforeAll(async () => {
    sample = await createSampleApp();
    derby = await organisationIdByName(sample.t, 'DERBY CITY COUNCIL');
    base = await sample.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
      ],
    });
    context = await browser.newContext();
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await sample?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    const response = await page.goto(`${base}${path}`);
    expect(response?.status(), path).toBe(200);
    return page;
  }

  async function expectAccessible(page: Page): Promise<void> {
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  }

  it('follows the league table to a scorecard and a check’s failing records', async () => {
    const page = await open('/quality?sort=name&order=asc');
    expect(await page.locator('h1').textContent()).toBe('Data-quality league table');
    expect(await page.locator('th[aria-sort="ascending"]').textContent()).toMatch(/Organisation/);
    await expectAccessible(page);

    // Sort by score through its column header: best first.
    await page.locator('th a', { hasText: 'Score' }).click();
    await page.waitForURL(/sort=score&order=desc/);
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toMatch(/Score/);

    // Find Derby (page through by name) and follow its score to the scorecard.
    await page.goto(`${base}/quality?sort=name&order=asc&pageSize=100`);
    let link = page.getByRole('link', { name: 'scorecard of DERBY CITY COUNCIL' });
    for (let n = 2; (await link.count()) === 0 && n <= 3; n++) {
      await page.goto(`${base}/quality?sort=name&order=asc&pageSize=100&page=${n}`);
      link = page.getByRole('link', { name: 'scorecard of DERBY CITY COUNCIL' });
    }
    expect(await link.textContent()).toMatch(/87\.9/);
    await link.click();
    await page.waitForURL(new RegExp(`/organisations/${derby}/quality$`));
    expect(await page.locator('h1').textContent()).toBe('DERBY CITY COUNCIL');
    expect(await page.locator('.app-figure__value').first().textContent()).toBe('87.9');
    expect(await page.getByText('No accountable officer recorded.').count()).toBe(1);
    expect(await page.locator('svg[role="img"] title').textContent()).toMatch(/quarter ends/);
    await expectAccessible(page);

    // The buyer-identifier row: its 5 failures link to the failing records.

    await page.getByRole('link', { name: /^5\s+records failing Buyer identified$/ }).click();
    await page.waitForURL(/\/quality\/checks\/coverage-buyer-identifier$/);
    expect(await page.locator('h1').textContent()).toBe('Buyer identified');
    expect(await page.getByRole('status').first().textContent()).toMatch(/Showing 1 to 5 of 5 records/);
    const rows = page.locator('table tbody tr');
    expect(await rows.count()).toBe(5);
    expect(await rows.first().textContent()).toMatch(/carries no identifier/);
    await expectAccessible(page);

    // A failing record opens its contract page.
    const first = rows.first().locator('a').first();
    const title = (await first.textContent())!.trim();
    await first.click();
    await page.waitForURL(/\/contracts\/ocds-/);
    expect((await page.locator('h1').textContent())!.trim()).toBe(title);
    await page.close();
  });

  it('the method, cross-buyer and filtered pages pass axe', async () => {
    for (const path of [
      '/quality/method',
      '/quality/checks/coverage-tenderers',
      `/organisations/${derby}/quality/checks/coverage-value?status=not-computable`,
      '/quality?buyerType=publicAuthoritySubCentralGovernment',
    ]) {
      const page = await open(path);
      await expectAccessible(page);
      await page.close();
    }
  });
});
