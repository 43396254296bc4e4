/// <reference lib="dom" />
// The market analytics page in Chromium on the real sample: choosing a market through the form, the figures with
// the SVG bar chart and the table of the same figures beside it, the suppliers linked to their contracts, the CSV,
// bad input explained, and no axe violations.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../support/browser.js';

describe('market analytics page in Chromium', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp();
  }, 180_000);
  afterAll(async () => b?.close());

  const open = (path: string): Promise<Page> => b.open(path);

  it('shows a CPV market chosen through the form, with chart, tables and definitions', async () => {
    const page = await open('/market');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Market analytics');
    await b.expectAccessible(page);
    await page.getByLabel('CPV code').fill('34');
    await page.getByLabel('From').fill('2021-04-01');
    await page.getByLabel('To').fill('2027-03-31');
    await page.getByRole('button', { name: 'Show market' }).click();
    await page.waitForURL(/cpv=34/);
    expect(await page.locator('#results h2').first().textContent()).toBe(
      'CPV 34: awards from 2021-04-01 to 2027-03-31',
    );
    const api = (await (
      await page.request.get(`${b.base}/api/market?cpv=34&from=2021-04-01&to=2027-03-31`)
    ).json()) as { figures: { hhi: number; suppliers: { name: string }[] } };
    const figures = page.locator('table').first();
    expect(await figures.textContent()).toContain(
      new Intl.NumberFormat('en-GB').format(Math.round(api.figures.hhi)),
    );
    expect(await figures.textContent()).toContain('US 2023 Merger Guidelines');
    const svg = page.locator('svg.app-chart');
    expect(await svg.getAttribute('role')).toBe('img');
    expect(await svg.locator('rect').count()).toBe(Math.min(10, api.figures.suppliers.length));
    expect(await page.locator('table').nth(1).locator('tbody tr').count()).toBe(
      Math.min(10, api.figures.suppliers.length),
    );
    // Every figure links to its definition on the page.
    await page.getByRole('link', { name: 'SME share' }).click();
    await page.waitForURL(/#def-sme$/);
    await b.expectAccessible(page);
    // A supplier opens its contracts in this market.
    const first = page.getByRole('table', { name: 'Every supplier' }).locator('tbody tr a').first();
    const href = await first.getAttribute('href');
    expect(href).toMatch(/^\/contracts\?cpv=34&supplierId=\d+$/);
    await first.click();
    await page.waitForURL(/supplierId=/);
    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('exports every supplier as CSV', async () => {
    const res = await b.context.request.get(`${b.base}/market.csv?cpv=34&from=2021-04-01&to=2027-03-31`);
    expect(res.status()).toBe(200);
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'market,from,to,supplier_id,supplier,value_gbp,share,awards,scale,vcse,new_entrant',
    );
    const api = (await (
      await b.context.request.get(`${b.base}/api/market?cpv=34&from=2021-04-01&to=2027-03-31`)
    ).json()) as { figures: { suppliers: unknown[] } };
    expect(lines).toHaveLength(1 + api.figures.suppliers.length);
  });

  it('explains bad input and keeps what was typed', async () => {
    const page = await open('/market?cpv=x&region=TLE&from=2025-02-30');
    expect(await page.locator('.govuk-error-summary').textContent()).toMatch(
      /CPV code must be 2 to 8 digits/,
    );
    expect(await page.locator('.govuk-error-summary').textContent()).toMatch(/From must be a day/);
    expect(await page.getByLabel('Region').inputValue()).toBe('TLE');
    await b.expectAccessible(page);
    await page.close();
  });
});
