// A contract page's "Red flags" section, a buyer's red flags and the national list in Chromium on the real sample:
// the tables read as tables, the filter form's errors link to their fields, and the pages pass axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedFlagsService } from '../../src/services/redflags.service.js';
import { startBrowserApp, type BrowserApp } from '../support/browser.js';

describe('red flags on a contract page in Chromium', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp();
  }, 180_000);
  afterAll(async () => b?.close());

  it('shows the record’s flags in an accessible table', async () => {
    const page = await b.open('/contracts/ocds-h6vhtk-078219');
    const table = page.getByRole('table', { name: 'Red flags on this record' });
    const row = table.getByRole('row').filter({ hasText: 'Tender period below statutory minimum' });
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('Clear');
    await b.expectAccessible(page);
    await page.close();
  });

  it('shows a buyer’s red flags page with accessible tables and status links', async () => {
    // The buyer of the first contract found by a search for "derby" in the sample.
    const start = await b.open('/contracts?q=derby');
    const buyer = await start.locator('a[href^="/contracts?buyerId="]').first().getAttribute('href');
    await start.close();
    const id = /buyerId=(\d+)/.exec(buyer ?? '')?.[1];
    expect(id).toBeDefined();
    const page = await b.open(`/organisations/${id}/flags`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Red flags');
    await expect.poll(() => page.getByRole('table', { name: 'Results per flag' }).count()).toBe(1);
    await b.expectAccessible(page);
    await page.getByRole('link', { name: 'Not computable' }).first().click();
    await page.waitForURL(/status=not-computable/);
    await b.expectAccessible(page);
    await page.close();
  });

  it('shows the national list with its filters, an error summary and an empty state, all accessible', async () => {
    await createRedFlagsService({ db: b.sample.t.db }).refresh();
    const page = await b.open('/flags');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Red flags across buyers');
    await expect.poll(() => page.getByRole('table').getByRole('row').count()).toBeGreaterThan(1);
    await b.expectAccessible(page);
    await page.getByLabel('Region').fill('XX9');
    await page.getByRole('button', { name: 'Show red flags' }).click();
    await page.waitForURL(/region=XX9/);
    await page.getByRole('link', { name: /Region must be an ITL or NUTS code/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('region');
    await b.expectAccessible(page);
    await page.getByLabel('Region').fill('');
    await page.getByLabel('Severity').selectOption('low');
    await page.getByRole('button', { name: 'Show red flags' }).click();
    await page.waitForURL(/severity=low/);
    expect(await page.getByRole('status').textContent()).toBe('No flagged results match these filters.');
    await b.expectAccessible(page);
    await page.close();
  });
});
