/// <reference lib="dom" />
// The supplier profile page in Chromium on the real sample: reached from a contract page, its published flags
// (unknown VCSE shown as not known), three SVG charts each with its table, a period changed through the form, bad
// input explained, and no axe violations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../support/browser.js';

describe('supplier profile page in Chromium', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp();
  }, 180_000);
  afterAll(async () => b?.close());

  it('opens from the market page, shows charts beside tables and changes period through the form', async () => {
    const page = await b.open('/market?cpv=45&from=2021-04-01&to=2027-03-31');
    await page.getByRole('link', { name: 'Profile of Axis Europe plc' }).click();
    await page.waitForURL(/\/organisations\/\d+\/supplier\?/);
    expect(await page.locator('h1').textContent()).toBe('Axis Europe plc');
    expect(await page.locator('.govuk-summary-list').textContent()).toMatch(
      /VCSE\s*Not known \(not published\)/,
    );
    const charts = page.locator('svg.app-chart');
    expect(await charts.count()).toBe(3);
    for (let i = 0; i < 3; i++) expect(await charts.nth(i).getAttribute('role')).toBe('img');
    expect(
      await page.getByRole('table', { name: /Largest \d+ markets .* \(the chart’s figures\)/ }).count(),
    ).toBe(1);
    await b.expectAccessible(page);
    await page.getByLabel('Markets by CPV').selectOption('division');
    await page.getByRole('button', { name: 'Show awards' }).click();
    await page.waitForURL(/level=division/);
    const markets = page.getByRole('table', { name: 'Every market' });
    expect(await markets.locator('tbody tr a').first().textContent()).toMatch(/^CPV \d{2}\b/);
    await b.expectAccessible(page);
    await page.close();
  }, 120_000);

  it('explains bad input and keeps what was typed', async () => {
    const page = await b.open('/market?cpv=45&from=2021-04-01&to=2027-03-31');
    const href = await page.getByRole('link', { name: 'Profile of Axis Europe plc' }).getAttribute('href');
    await page.goto(`${b.base}${href!.replace(/\?.*/, '')}?from=2025-02-30&to=2024-01-01`);
    expect(await page.locator('.govuk-error-summary').textContent()).toMatch(/From must be a day/);
    expect(await page.getByLabel('From').inputValue()).toBe('2025-02-30');
    await b.expectAccessible(page);
    await page.close();
  }, 120_000);
});
