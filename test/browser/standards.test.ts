/// <reference lib="dom" />
// The standards catalogue editor in Chromium on the real sample: a central-team user signs in, raises the social
// value minimum weighting for Yorkshire and the Humber (UKE) with a mistake first, adds a regional outcome, and a
// buyer in that region (Harrogate Town Council, region UKE22) shows them with their provenance; the contract page
// shows its missions. Every page passes axe (WCAG 2.2 AA rules).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountsService } from '../../src/services/accounts.service.js';
import { startBrowserApp, type BrowserApp } from '../support/browser.js';
import { organisationIdByName } from '../support/sample-app.js';

const PASSWORD = 'a long enough passphrase';

describe('the standards catalogue editor in Chromium', () => {
  let b: BrowserApp;
  let harrogate: number;

  beforeAll(async () => {
    b = await startBrowserApp();
    harrogate = await organisationIdByName(b.sample.t, 'Harrogate Town Council');
    const accounts = createAccountsService({ db: b.sample.t.db });
    await accounts.createUser(
      { email: 'lead@region.gov.uk', name: 'Regional Lead', password: PASSWORD },
      'test',
    );
    await accounts.grant({ email: 'lead@region.gov.uk', role: 'central' }, 'test');
  }, 180_000);
  afterAll(() => b?.close());

  it('browses the national standard and the contract missions without signing in', async () => {
    const page = await b.open('/standards');
    expect(await page.locator('h1').textContent()).toBe('National standard');
    expect(await page.locator('#mission-growth').textContent()).toBe('Kickstart economic growth');
    expect(await page.getByText('Social value minimum weighting').locator('..').textContent()).toMatch(
      /10% \(National\)/,
    );
    await b.expectAccessible(page);

    const contract = await b.open('/contracts/ocds-h6vhtk-067fb8');
    const missions = contract.locator('#missions + table');
    expect(await missions.textContent()).toMatch(
      /Make Britain a clean energy superpower\s*Primary\s*Default mapping/,
    );
    await b.expectAccessible(contract);
  }, 120_000);

  it('sets a regional override and shows it, with provenance, for a buyer in the region', async () => {
    const page = await b.open('/standards/regions/UKE/settings/social-value');
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('Email address').fill('lead@region.gov.uk');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/standards\/regions\/UKE\/settings\/social-value$/);
    await b.expectAccessible(page);

    await page.getByLabel(/Minimum weighting/).fill('8');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toMatch(
      /at least 10%, the minimum set by national/,
    );
    await b.expectAccessible(page);
    await page.getByLabel(/Minimum weighting/).fill('15');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/standards\/regions\/UKE$/);
    expect(await page.locator('h1').textContent()).toMatch(/Yorkshire and the Humber/);

    await page.getByRole('link', { name: 'Add an outcome' }).click();
    await page.getByLabel('Mission').selectOption('clean-energy');
    await page.getByLabel('Name').fill('Warm homes');
    await page.getByRole('button', { name: 'Add' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toMatch(/Enter a definition/);
    await b.expectAccessible(page);
    await page.getByLabel('Definition').fill('Fewer households in fuel poverty');
    await page.getByRole('button', { name: 'Add' }).click();
    await page.waitForURL(/\/standards\/regions\/UKE$/);
    expect(await page.locator('#mission-clean-energy + p + table').textContent()).toMatch(
      /Warm homes.*region\.UKE\.warm-homes.*Region: Yorkshire and the Humber/s,
    );
    await b.expectAccessible(page);

    const buyer = await b.open(`/standards/organisations/${harrogate}`);
    expect(await buyer.locator('h1').textContent()).toBe('Effective standard: Harrogate Town Council');
    expect(await buyer.getByText('Social value minimum weighting').locator('..').textContent()).toMatch(
      /15% \(Region: Yorkshire and the Humber\)/,
    );
    expect(await buyer.getByRole('link', { name: 'Add a metric' }).count()).toBe(0);
    await b.expectAccessible(buyer);
  }, 240_000);
});
