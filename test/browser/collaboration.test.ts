/// <reference lib="dom" />
// The collaboration finder pages in Chromium on the real sample: filtering through the form, following a buyer to
// its own "who could you buy with?" page, explaining bad input, and no axe violations.
import { describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/browser.js';

describe('collaboration finder pages in Chromium', () => {
  const { open, expectAccessible } = useBrowserApp();
  // Several pages and axe runs per test: more than the default 30 s on a busy shared machine.
  const SLOW = 120_000;

  it(
    'filters by window and as-of day, shows why each group matches, and opens a buyer',
    async () => {
      const page = await open('/collaborate');
      await expect.poll(() => page.locator('h1').textContent()).toBe('Collaboration finder');
      await page.getByLabel('Decisions due within (months)').fill('24');
      await page.getByLabel('Day', { exact: true }).fill('6');
      await page.getByLabel('Month', { exact: true }).fill('12');
      await page.getByLabel('Year', { exact: true }).fill('2026');
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/windowMonths=24/);
      expect(await page.locator('#results h2').first().textContent()).toMatch(
        /^\d+ groups? of buyers with decisions due by 6 December 2028$/,
      );
      const first = page.locator('#results section').first();
      expect(await first.locator('p').first().textContent()).toMatch(
        /buyers have \d+ let contracts in CPV group/,
      );
      expect(await first.locator('table caption').first().textContent()).toMatch(/Buyers in this group/);
      await expectAccessible(page);
      const buyer = first.locator('table').first().locator('tbody tr a').first();
      const name = await buyer.textContent();
      await buyer.click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Who could you buy with?');
      expect(await page.locator('.govuk-caption-l').textContent()).toBe(name);
      await expectAccessible(page);
      await page.close();
    },
    SLOW,
  );

  it(
    'sorts by soonest decision and matches by CPV class',
    async () => {
      const page = await open('/collaborate?asOf=2026-12-06&windowMonths=24');
      await page.getByLabel('Sort by').selectOption('decision');
      await page.getByLabel('CPV class (4 digits)').check();
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await page.waitForURL(/sort=decision/);
      expect(page.url()).toMatch(/level=class/);
      const captions = await page.locator('#results section .govuk-caption-m').allTextContents();
      for (const c of captions) expect(c).toMatch(/^CPV class \d{4}$/);
      await expectAccessible(page);
      await page.close();
    },
    SLOW,
  );

  it(
    'explains bad input and keeps what was typed; the empty state passes axe',
    async () => {
      const page = await open('/collaborate?windowMonths=99&region=Yorkshire&asOf-day=12');
      const errors = await page.locator('.govuk-error-summary').textContent();
      expect(errors).toMatch(/Window must be a whole number of months from 1 to 60/);
      expect(errors).toMatch(/Region must be an ITL or NUTS code/);
      expect(errors).toMatch(/As of must include a month and year/);
      expect(await page.getByLabel('Region').inputValue()).toBe('Yorkshire');
      await expectAccessible(page);
      await page.close();
      const empty = await open('/collaborate?asOf=2026-12-06&windowMonths=1&cpv=03');
      expect(await empty.getByRole('status').first().textContent()).toMatch(/No groups of buyers match/);
      await expectAccessible(empty);
      await empty.close();
    },
    SLOW,
  );
});
