/// <reference lib="dom" />
// The mission dashboard in Chromium on the real sample: /missions with its chart and table, filtered to a region
// (and the error summary for a region that is not one), one mission with its charts and tables, and the contracts
// behind a figure. Every page passes axe (WCAG 2.2 AA rules).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshMissions } from '../../src/services/missions/summary-refresh.js';
import { startBrowserApp, type BrowserApp } from '../support/browser.js';

describe('mission dashboard in Chromium', () => {
  let b: BrowserApp;

  beforeAll(async () => {
    b = await startBrowserApp();
    await refreshMissions(b.sample.t.db);
  }, 180_000);
  afterAll(() => b?.close());

  it('shows all missions, one mission and the contracts behind it, accessibly', async () => {
    const page = await b.open('/missions');
    expect(await page.locator('h1').textContent()).toBe('Missions: have we delivered them?');
    expect(await page.locator('svg[role="img"]').count()).toBeGreaterThan(0);
    await b.expectAccessible(page);

    await page.getByLabel('Buyer organisation id').fill('not-a-number');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Buyer must be an organisation id',
    );
    await b.expectAccessible(page);

    await page.getByLabel('Buyer organisation id').fill('');
    await page.getByLabel('Region of the buyer (ITL1)').selectOption('UKL');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/region=UKL/);
    expect(await page.locator('body').textContent()).toContain('Wales');

    await page.getByRole('link', { name: 'Make Britain a clean energy superpower' }).first().click();
    await page.waitForURL(/\/missions\/clean-energy\?region=UKL/);
    expect(await page.locator('h2').allTextContents()).toEqual(
      expect.arrayContaining(['By region', 'Trend by quarter', 'By buyer', 'Social value by outcome']),
    );
    await b.expectAccessible(page);

    await page.getByRole('link', { name: 'The contracts behind these figures' }).click();
    await page.waitForURL(/\/missions\/clean-energy\/contracts/);
    await b.expectAccessible(page);
  });
});
