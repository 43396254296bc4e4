/// <reference lib="dom" />
// The pipeline in Chromium on the real sample: an editor of Derby signs in from one of Derby's expiring contracts,
// plans its re-procurement (the form prefilled from the contract), meets the error summary, publishes the entry,
// and, signed out, finds it on Derby's public pipeline, the central pipeline and the change log. Every page passes
// axe (WCAG 2.2 AA rules).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../support/browser.js';
import { addMembers } from '../support/organisations.js';
import { organisationIdByName } from '../support/sample-app.js';

const PASSWORD = 'a long enough passphrase';

describe('the pipeline in Chromium', () => {
  let b: BrowserApp;
  let derby: number;
  let ocid: string;

  beforeAll(async () => {
    b = await startBrowserApp();
    derby = await organisationIdByName(b.sample.t, 'DERBY CITY COUNCIL');
    ocid = (
      await sql<{
        ocid: string;
      }>`select ocid from horizon_entry where buyer_id = ${derby} and end_day is not null
        order by end_day desc, ocid limit 1`.execute(b.sample.t.db)
    ).rows[0]!.ocid;
    await addMembers(b.sample.t.db, PASSWORD, [['editor@derby.gov.uk', 'editor', derby]]);
  }, 180_000);
  afterAll(() => b?.close());

  it('creates an entry from an expiring contract, publishes it and shows it on the public page', async () => {
    const page = await b.open(`/login?next=${encodeURIComponent(`/contracts/${ocid}`)}`);
    await page.getByLabel('Email address').fill('editor@derby.gov.uk');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/contracts\//);

    await page.getByRole('button', { name: 'Plan the re-procurement' }).click();
    await page.waitForURL(new RegExp(`/organisations/${derby}/pipeline/new\\?from=`));
    expect(await page.locator('h1').textContent()).toBe('Add a pipeline entry');
    expect(await page.locator('.govuk-inset-text').textContent()).toContain(
      'Prefilled from the expiring contract',
    );
    expect(await page.getByLabel('Title').inputValue()).toMatch(/^Re-procurement: /);
    expect(await page.getByLabel('Linked contracts (optional)').inputValue()).toBe(ocid);
    await b.expectAccessible(page);

    await page.getByLabel('Title').fill('');
    await page.getByRole('button', { name: 'Save entry' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Title is required');
    await b.expectAccessible(page);

    await page.getByLabel('Title').fill('Re-procurement of Derby’s expiring contract');
    await page.getByLabel('Publish this entry on the public pipeline').check();
    await page.getByRole('button', { name: 'Save entry' }).click();
    await page.waitForURL(/\/pipeline\/entries\/\d+$/);
    expect(await page.locator('h1').textContent()).toBe('Re-procurement of Derby’s expiring contract');
    await b.expectAccessible(page);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${b.base}/`);
    await page.goto(`${b.base}/organisations/${derby}/pipeline`);
    expect(await page.locator('h1').textContent()).toBe('Procurement pipeline');
    expect(
      await page.getByRole('link', { name: 'Re-procurement of Derby’s expiring contract' }).count(),
    ).toBe(1);
    await b.expectAccessible(page);

    await page.getByRole('link', { name: 'Re-procurement of Derby’s expiring contract' }).click();
    await page.waitForURL(/\/pipeline\/entries\/\d+$/);
    expect(await page.getByRole('button', { name: 'Change this entry' }).count()).toBe(0);
    await b.expectAccessible(page);

    for (const path of ['/pipeline', `/organisations/${derby}/pipeline/changes`]) {
      await page.goto(`${b.base}${path}`);
      expect(await page.getByText('Re-procurement of Derby’s expiring contract').count()).toBeGreaterThan(0);
      await b.expectAccessible(page);
    }
    await page.goto(`${b.base}/pipeline?cpv=x`);
    expect(await page.locator('.govuk-error-summary').count()).toBe(1);
    await b.expectAccessible(page);
  }, 240_000);
});
