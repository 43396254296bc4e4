/// <reference lib="dom" />
// Saved searches in Chromium on the real sample: a signed-in user saves the horizon scan's filters (first without a
// name, to see the error), finds the search listed, opens it, sees alerts counted in the header once time has
// passed since they last looked, and marks them seen. Every page passes axe (WCAG 2.2 AA rules).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountsService } from '../../src/services/accounts.service.js';
import { startBrowserApp, type BrowserApp } from '../support/browser.js';

const PASSWORD = 'a long enough passphrase';

describe('saved searches in Chromium', () => {
  let b: BrowserApp;

  beforeAll(async () => {
    b = await startBrowserApp();
    const accounts = createAccountsService({ db: b.sample.t.db });
    await accounts.createUser(
      { email: 'scan@example.gov.uk', name: 'Sam Scanner', password: PASSWORD },
      'test',
    );
  }, 180_000);
  afterAll(() => b?.close());

  it('saves a search, lists it, shows its alerts and marks them seen', { timeout: 120_000 }, async () => {
    const page = await b.open('/login?next=%2Fhorizon%3Fmonths%3D24');
    await page.getByLabel('Email address').fill('scan@example.gov.uk');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/horizon\?months=24$/);
    await b.expectAccessible(page);

    await page.getByRole('button', { name: 'Save search' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toMatch(/Enter a name for the search/);
    await b.expectAccessible(page);

    await page.getByLabel('Name for this search').fill('Two years ahead');
    await page.getByRole('button', { name: 'Save search' }).click();
    await page.waitForURL(/\/saved-searches\?saved=\d+$/);
    expect(await page.locator('.govuk-notification-banner').textContent()).toMatch(
      /Search saved as “Two years ahead”/,
    );
    expect(await page.getByRole('link', { name: 'Two years ahead' }).count()).toBe(1);
    await b.expectAccessible(page);

    // Six months since they last looked: everything written since then (the sample, loaded just now) is new.
    await sql`update saved_search set seen_at = now() - interval '6 months',
      seen_day = (now() - interval '6 months')::date, alert_count = null`.execute(b.sample.t.db);
    await page.getByRole('link', { name: 'Two years ahead' }).click();
    await page.waitForURL(/\/saved-searches\/\d+$/);
    const count = Number(
      await page
        .locator('.app-count')
        .first()
        .innerText()
        .then((t) => t.replace(/\D/g, '')),
    );
    expect(count).toBeGreaterThan(0);
    expect(await page.locator('[role="status"]').first().textContent()).toMatch(/new since you last looked/);
    await b.expectAccessible(page);

    await page.getByRole('link', { name: /^Alerts/ }).click();
    await page.waitForURL(/\/alerts$/);
    expect(await page.locator('caption').first().textContent()).toMatch(
      /Two years ahead: \d+ contracts? new/,
    );
    await b.expectAccessible(page);
    await page.getByRole('button', { name: 'Mark all as seen' }).click();
    await page.waitForURL(/\/alerts$/);
    expect(await page.locator('[role="status"]').textContent()).toMatch(/Nothing new since you last looked/);
    expect(await page.locator('.app-count').count()).toBe(0);
  });
});
