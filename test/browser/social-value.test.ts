/// <reference lib="dom" />
// Social value in Chromium on the real sample: Harrogate Town Council's editor records a commitment on its district
// heating contract (ocds-h6vhtk-067fb8) against Yorkshire and the Humber's apprenticeship-weeks metric, meets the
// error summary, reports delivery with an evidence link; the accountable officer verifies it; the national roll-up
// shows committed, delivered and verified for that metric. Every page passes axe (WCAG 2.2 AA rules).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../support/browser.js';
import { addMembers } from '../support/organisations.js';
import { addApprenticeshipWeeks } from '../support/social-value.js';
import { organisationIdByName } from '../support/sample-app.js';

const PASSWORD = 'a long enough passphrase';
const HARROGATE = 'ocds-h6vhtk-067fb8';

describe('social value in Chromium', () => {
  let b: BrowserApp;

  beforeAll(async () => {
    b = await startBrowserApp();
    const harrogate = await organisationIdByName(b.sample.t, 'Harrogate Town Council');
    await addApprenticeshipWeeks(b.sample.t.db);
    await addMembers(b.sample.t.db, PASSWORD, [
      ['editor@harrogate.gov.uk', 'editor', harrogate],
      ['officer@harrogate.gov.uk', 'accountable-officer', harrogate],
    ]);
  }, 180_000);
  afterAll(() => b?.close());

  it('records a commitment, reports delivery, verifies it and shows the roll-up', async () => {
    const page = await b.open(`/login?next=${encodeURIComponent(`/contracts/${HARROGATE}`)}`);
    const signIn = async (email: string) => {
      await page.getByLabel('Email address').fill(email);
      await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
    };
    await signIn('editor@harrogate.gov.uk');
    await page.waitForURL(/\/contracts\/ocds-h6vhtk-067fb8$/);
    await page.getByRole('link', { name: 'social value committed and delivered' }).click();
    await page.waitForURL(/\/social-value$/);
    expect(await page.locator('h1').textContent()).toBe('Social value');
    await b.expectAccessible(page);

    await page.getByRole('button', { name: 'Record a commitment' }).click();
    await page.getByLabel('Metric').selectOption('region.UKE.apprenticeship-weeks');
    await page.getByLabel('Target quantity').fill('52');
    await page.getByLabel('Unit', { exact: true }).fill('days');
    await page.getByRole('radio', { name: 'By a due date' }).check();
    await page.getByLabel('Due date (if by a due date)').fill('2027-03-31');
    await page.getByRole('button', { name: 'Save commitment' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'The unit must be the metric’s unit, “weeks”',
    );
    await b.expectAccessible(page);
    await page.getByLabel('Unit', { exact: true }).fill('weeks');
    await page.getByRole('button', { name: 'Save commitment' }).click();
    await page.waitForURL(/\/social-value#commitment-\d+$/);
    await b.expectAccessible(page);

    await page.getByRole('link', { name: /Report delivery/ }).click();
    await page.getByLabel('Quantity delivered (weeks)').fill('13');
    await page.getByLabel('Start of the period reported').fill('2026-04-01');
    await page.getByLabel('End of the period reported').fill('2026-06-30');
    await page
      .getByLabel('Evidence links')
      .fill('https://www.harrogatetowncouncil.gov.uk/social-value/q1.pdf');
    await b.expectAccessible(page);
    await page.getByRole('button', { name: 'Save report' }).click();
    await page.waitForURL(/\/social-value#commitment-\d+$/);
    expect(await page.getByText('Unverified').count()).toBe(1);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto(`${b.base}/login?next=${encodeURIComponent(`/contracts/${HARROGATE}/social-value`)}`);
    await signIn('officer@harrogate.gov.uk');
    await page.waitForURL(/\/social-value$/);
    await page.getByRole('link', { name: /^Verify/ }).click();
    await b.expectAccessible(page);
    await page.getByRole('radio', { name: 'Yes, verified' }).check();
    await page.getByRole('button', { name: 'Save verdict' }).click();
    await page.waitForURL(/\/social-value#commitment-\d+$/);
    expect(await page.locator('.govuk-tag--green').textContent()).toBe('Verified');
    await b.expectAccessible(page);

    await page.goto(`${b.base}/social-value?mission=growth`);
    const row = page.locator('tr', { hasText: 'region.UKE.apprenticeship-weeks' });
    expect((await row.locator('td').allTextContents()).map((t) => t.trim())).toEqual([
      'Apprenticeship weeksregion.UKE.apprenticeship-weeks',
      'weeks',
      '1',
      '52',
      '13',
      '13',
      '25%',
    ]);
    await b.expectAccessible(page);
  }, 240_000);
});
