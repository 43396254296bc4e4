/// <reference lib="dom" />
// The horizon scan page in Chromium on the real sample: filtering without JavaScript-only controls (the mission
// select too, with the sample's contracts' missions refreshed), following a window and a contract, explaining bad
// input, and no axe violations.
import { beforeAll, describe, expect, it } from 'vitest';
import { refreshMissions } from '../../src/services/missions/summary-refresh.js';
import { useBrowserApp } from '../support/browser.js';

describe('horizon scan page in Chromium', () => {
  const { app, open, expectAccessible } = useBrowserApp();
  beforeAll(() => refreshMissions(app().sample.t.db).then(() => undefined));

  it('filters by months and as-of day through the form, then opens a contract', async () => {
    const page = await open('/horizon');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Horizon scan');
    await page.getByLabel('Months ahead').fill('24');
    await page.getByLabel('Day', { exact: true }).fill('1');
    await page.getByLabel('Month', { exact: true }).fill('6');
    await page.getByLabel('Year', { exact: true }).fill('2026');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/months=24/);
    expect(await page.locator('#results h2').first().textContent()).toMatch(
      /^\d+ contracts ending by 1 June 2028$/,
    );
    const summary = page.locator('table').first();
    expect(await summary.locator('tbody tr').count()).toBe(4);
    await expectAccessible(page);
    const first = page.locator('table').nth(1).locator('tbody tr a').first();
    const title = await first.textContent();
    await first.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(title);
    await page.close();
  });

  it('filters by a mission chosen in its select, shows the rows’ missions, and removes the filter', async () => {
    const page = await open('/horizon?asOf=2026-06-01&months=24');
    await page
      .getByLabel('Mission', { exact: true })
      .selectOption({ label: 'Build an NHS fit for the future' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/mission=nhs/);
    expect(await page.locator('#results h2').first().textContent()).toBe('5 contracts ending by 1 June 2028');
    expect(await page.getByLabel('Mission', { exact: true }).inputValue()).toBe('nhs');
    const rows = page.locator('table').nth(1).locator('tbody tr');
    expect(await rows.count()).toBe(5);
    for (let n = 0; n < 5; n += 1)
      expect(await rows.nth(n).locator('td, th').first().textContent()).toMatch(
        /Build an NHS fit for the future/,
      );
    await expectAccessible(page);
    await page.getByRole('link', { name: /Remove filter Mission: Build an NHS/ }).click();
    await page.waitForURL((u) => !u.search.includes('mission='));
    expect(await page.getByLabel('Mission', { exact: true }).inputValue()).toBe('');
    await page.close();
  });

  it('sorts by value and follows a window link from the summary', async () => {
    const page = await open('/horizon?asOf=2026-06-01&months=24');
    await page.getByRole('link', { name: /^Value \(sort/ }).click();
    await page.waitForURL(/sort=value/);
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toMatch(/Value/);
    await page.getByRole('link', { name: /contracts ending within 6 months/ }).click();
    await page.waitForURL(/months=6/);
    expect(await page.locator('#results h2').first().textContent()).toMatch(/ending by 1 December 2026/);
    await expectAccessible(page);
    await page.close();
  });

  it('explains bad input and keeps what was typed; the empty state passes axe', async () => {
    const page = await open('/horizon?months=99&region=Yorkshire&asOf-day=12&mission=health');
    const errors = await page.locator('.govuk-error-summary').textContent();
    expect(errors).toMatch(/Months ahead must be a whole number from 1 to 60/);
    expect(errors).toMatch(/Region must be an ITL or NUTS code/);
    expect(errors).toMatch(/As of must include a month and year/);
    expect(errors).toMatch(/Mission must be one of the missions: growth, clean-energy/);
    expect(await page.getByLabel('Region').inputValue()).toBe('Yorkshire');
    await expectAccessible(page);
    await page.close();
    const empty = await open('/horizon?asOf=2026-06-01&months=6&cpv=03');
    expect(await empty.getByRole('status').first().textContent()).toMatch(/No contracts end in this window/);
    await expectAccessible(empty);
    await empty.close();
  });
});
