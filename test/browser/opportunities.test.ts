/// <reference lib="dom" />
// Opportunities in Chromium on the real sample: an editor of Derby publishes an opportunity through the form
// (meeting the error summary first), a supplier, signed out, finds it in the public list and registers interest
// through the public form (after the minimum fill time), and the editor sees the registration on the interest page.
// Every page passes axe (WCAG 2.2 AA rules).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_FILL_MS } from '../../src/services/opportunities/form-token.js';
import { startBrowserApp, type BrowserApp } from '../support/browser.js';
import { addMembers } from '../support/organisations.js';
import { organisationIdByName } from '../support/sample-app.js';

const PASSWORD = 'a long enough passphrase';
const TITLE = 'Cutting hospital discharge delays in Derby';

describe('opportunities in Chromium', () => {
  let b: BrowserApp;
  let derby: number;

  beforeAll(async () => {
    b = await startBrowserApp();
    derby = await organisationIdByName(b.sample.t, 'DERBY CITY COUNCIL');
    await addMembers(b.sample.t.db, PASSWORD, [['editor@derby.gov.uk', 'editor', derby]]);
  }, 180_000);
  afterAll(() => b?.close());

  it('publishes an opportunity, takes a supplier’s interest and shows it to the publisher', async () => {
    const page = await b.open(
      `/login?next=${encodeURIComponent(`/organisations/${derby}/opportunities/new`)}`,
    );
    await page.getByLabel('Email address').fill('editor@derby.gov.uk');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/opportunities\/new$/);
    expect(await page.locator('h1').textContent()).toBe('Publish an opportunity');
    await b.expectAccessible(page);

    await page.getByRole('button', { name: 'Save opportunity' }).click();
    const summary = await page.locator('.govuk-error-summary').textContent();
    expect(summary).toContain('Title is required');
    expect(summary).toContain('Missions choose at least one mission');
    await b.expectAccessible(page);

    await page.getByLabel('Title').fill(TITLE);
    await page
      .getByLabel('The problem')
      .fill('People wait days in hospital for care at home to be arranged.');
    await page.getByLabel('Outcomes sought').fill('Discharge on the day a patient is medically fit.');
    await page.getByLabel('Build an NHS fit for the future').check();
    await page.getByLabel('Lowest budget (optional)').fill('100000');
    await page.getByLabel('Highest budget (optional)').fill('400000');
    await page.getByLabel('Region (optional)').fill('UKF');
    await page.getByLabel('Open for interest').check();
    await page.getByRole('button', { name: 'Save opportunity' }).click();
    await page.waitForURL(/\/opportunities\/\d+$/);
    expect(await page.locator('h1').textContent()).toBe(TITLE);
    const detailUrl = page.url();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${b.base}/`);

    // A supplier, signed out, finds it and registers interest.
    await page.goto(`${b.base}/opportunities?region=UKF`);
    await b.expectAccessible(page);
    await page.getByRole('link', { name: TITLE }).click();
    await page.waitForURL(detailUrl);
    await b.expectAccessible(page);
    await page.getByLabel('Your name').fill('Sam Supplier');
    await page.getByLabel('Organisation', { exact: true }).fill('Home Care Co-operative');
    await page.getByLabel('Email address').fill('sam@homecare.coop');
    await page.getByLabel(/small or medium-sized enterprise/).check();
    await page.getByLabel('Message (optional)').fill('We arrange care packages within a day.');
    await page.waitForTimeout(MIN_FILL_MS + 500);
    await page.getByRole('button', { name: 'Register interest' }).click();
    await page.waitForURL(/\/registered$/);
    expect(await page.locator('.govuk-panel__title').textContent()).toContain('Interest registered');
    await b.expectAccessible(page);

    // The publisher sees it.
    await page.goto(`${b.base}/login?next=${encodeURIComponent(detailUrl.replace(b.base, ''))}`);
    await page.getByLabel('Email address').fill('editor@derby.gov.uk');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(detailUrl);
    await page.getByRole('link', { name: /registration of interest/ }).click();
    await page.waitForURL(/\/interest$/);
    expect(await page.locator('table').textContent()).toContain('Home Care Co-operative');
    await b.expectAccessible(page);
    await page.close();
  }, 180_000);
});
