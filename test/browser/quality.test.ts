/// <reference lib="dom" />
// The data-quality pages in Chromium on the real sample: a person opens the league table, follows a buyer to its
// scorecard and a check to its failing records, and every page on the way passes axe (WCAG 2.2 AA rules).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSession, expectAccessible, type BrowserSession } from '../support/browser.js';
import { createSampleApp, organisationIdByName, type SampleApp } from '../support/sample-app.js';

describe('data-quality pages in Chromium', () => {
  let sample: SampleApp;
  let browser: BrowserSession;
  let base: string;
  let derby: number;

  beforeAll(async () => {
    sample = await createSampleApp();
    derby = await organisationIdByName(sample.t, 'DERBY CITY COUNCIL');
    base = await sample.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await browserSession(base);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await sample?.close();
  });

  const open = (path: string) => browser.open(path);

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
    // …whose buyer links back to its scorecard.
    expect(
      await page
        .getByRole('link', { name: 'Data-quality scorecard of DERBY CITY COUNCIL' })
        .getAttribute('href'),
    ).toBe(`/organisations/${derby}/quality`);
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
