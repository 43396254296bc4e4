/// <reference lib="dom" />
// Sign-in and the accountable-officer form in Chromium on the real sample: the pages pass axe (WCAG 2.2 AA rules)
// with and without errors, a buyer's accountable officer signs in through the form, records the officer and sees
// them on the scorecard, then signs out; an admin then finds that change in the audit log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountsService } from '../../src/services/accounts.service.js';
import { startBrowserApp, type BrowserApp } from '../support/browser.js';
import { organisationIdByName } from '../support/sample-app.js';

const PASSWORD = 'a long enough passphrase';

describe('sign-in and the officer form in Chromium', () => {
  let b: BrowserApp;
  let derby: number;

  beforeAll(async () => {
    b = await startBrowserApp();
    derby = await organisationIdByName(b.sample.t, 'DERBY CITY COUNCIL');
    const accounts = createAccountsService({ db: b.sample.t.db });
    await accounts.createUser(
      { email: 'officer@derby.gov.uk', name: 'Dee Officer', password: PASSWORD },
      'test',
    );
    await accounts.grant(
      { email: 'officer@derby.gov.uk', role: 'accountable-officer', organisationId: derby },
      'test',
    );
    await accounts.createUser(
      { email: 'admin@example.gov.uk', name: 'Ada Admin', password: PASSWORD },
      'test',
    );
    await accounts.grant({ email: 'admin@example.gov.uk', role: 'admin' }, 'test');
  }, 180_000);
  afterAll(() => b?.close());

  it('signs in, records the officer, and signs out', async () => {
    const page = await b.open(`/organisations/${derby}/officer`);
    await page.waitForURL(/\/login\?next=/);
    expect(await page.locator('h1').textContent()).toBe('Sign in');
    await b.expectAccessible(page);

    await page.getByLabel('Email address').fill('officer@derby.gov.uk');
    await page.getByLabel('Password', { exact: true }).fill('wrong password here');
    await page.getByRole('button', { name: 'Sign in' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toMatch(
      /Enter a correct email address and password/,
    );
    await b.expectAccessible(page);

    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(new RegExp(`/organisations/${derby}/officer$`));
    expect(await page.locator('h1').textContent()).toBe('Accountable officer');
    await b.expectAccessible(page);

    await page.getByLabel('Name').fill('Jo Bloggs');
    await page.getByLabel('Role').fill('Head of Procurement');
    await page.getByLabel('Email address').fill('not an email');
    await page.getByRole('button', { name: 'Save' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toMatch(
      /Email address "not an email" is not an email address/,
    );
    await b.expectAccessible(page);

    await page.getByLabel('Email address').fill('jo.bloggs@derby.gov.uk');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(new RegExp(`/organisations/${derby}/quality#officer-heading$`));
    expect(await page.locator('.app-officer').textContent()).toMatch(/Jo Bloggs/);
    await b.expectAccessible(page);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${b.base}/`);
    expect(await page.getByRole('link', { name: 'Sign in' }).count()).toBe(1);
  });

  it('shows an admin the audit log, with the officer change just made, and the sync status', async () => {
    const page = await b.open('/admin/audit');
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('Email address').fill('admin@example.gov.uk');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/admin\/audit$/);
    await page.getByLabel('Made by (contains)').fill('officer@derby');
    await page.getByRole('button', { name: 'Show changes' }).click();
    expect(await page.locator('table').textContent()).toMatch(/name: – → Jo Bloggs/);
    await b.expectAccessible(page);
    await page.goto(`${b.base}/admin/sync`);
    expect(await page.locator('h1').textContent()).toMatch(/Sync status/);
    await b.expectAccessible(page);
  });
});
