/// <reference lib="dom" />
// The import pages in Chromium on the real sample plus real local files (test/fixtures/uk-more: the Lancashire
// councils' Contracts Finder export, imported twice so that its second run has 978 rejected rows, and one notice
// derived from a sample OCDS award): a central user signs in, lists the runs, opens one, pages through its rejected
// rows, then sees the buyer's contracts from local files; every page passes axe (WCAG 2.2 AA rules).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importNotices } from '../../src/imports/notices/import-notices.js';
import { createAccountsService } from '../../src/services/accounts.service.js';
import { startBrowserApp, type BrowserApp } from '../support/browser.js';
import { organisationIdByName } from '../support/sample-app.js';
import { sharedDataPath } from '../support/shared-data.js';

const PASSWORD = 'a long enough passphrase';
const cf = (name: string) => sharedDataPath('uk-more', 'contracts-finder-lancashire', name);

describe('import pages in Chromium', () => {
  let b: BrowserApp;
  let manchester: number;

  beforeAll(async () => {
    b = await startBrowserApp();
    const db = b.sample.t.db;
    manchester = await organisationIdByName(b.sample.t, 'Manchester City Council');
    await importNotices(db, cf('cf-notices-lancashire-councils.csv'), { organisationId: manchester });
    await importNotices(db, cf('cf-notices-lancashire-councils.jsonl.gz'), { organisationId: manchester });
    await importNotices(db, cf('cf-notices-derived-from-ocds.csv'), { organisationId: manchester });
    const accounts = createAccountsService({ db });
    await accounts.createUser(
      { email: 'central@cabinetoffice.gov.uk', name: 'Cee', password: PASSWORD },
      'test',
    );
    await accounts.grant({ email: 'central@cabinetoffice.gov.uk', role: 'central' }, 'test');
  }, 180_000);
  afterAll(() => b?.close());

  it('signs in, lists the import runs, opens one and pages through its rejected rows', async () => {
    const page = await b.open('/imports');
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('Email address').fill('central@cabinetoffice.gov.uk');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/imports$/);
    expect(await page.locator('h1').textContent()).toBe('Import runs');
    expect(await page.locator('table tbody tr').count()).toBe(3);
    await b.expectAccessible(page);

    await page.getByRole('link', { name: 'cf-notices-lancashire-councils.jsonl.gz' }).click();
    await page.waitForURL(/\/imports\/\d+$/);
    expect(await page.locator('h1').textContent()).toBe('cf-notices-lancashire-councils.jsonl.gz');
    const mapping = page.getByRole('table', { name: 'How each column was mapped' });
    expect(await mapping.locator('tbody tr').count()).toBe(22);
    expect(await page.getByText('Rows 1 to 50 of 978.').count()).toBe(1);
    await b.expectAccessible(page);

    await page
      .getByRole('navigation', { name: 'Rejected rows pages' })
      .getByRole('link', { name: 'Next' })
      .click();
    await page.waitForURL(/page=2#rejected$/);
    expect(await page.getByText('Rows 51 to 100 of 978.').count()).toBe(1);
    const rejected = page.getByRole('table', { name: /Every rejected row/ });
    expect(await rejected.locator('tbody tr').first().locator('td').first().textContent()).toBe('51');
    await b.expectAccessible(page);

    // The buyer's contracts from local files: the notice also in the sample's OCDS links to that contract.
    await page.goto(`${b.base}/organisations/${manchester}/local-contracts`);
    expect(await page.locator('h1').textContent()).toBe('Contracts from registers and notice exports');
    const ocds = 'ocds-b5fd17-a89fc5c2-eed8-48fa-b4e3-727a8f32fd6d';
    expect(await page.getByRole('link', { name: ocds }).getAttribute('href')).toBe(`/contracts/${ocds}`);
    await b.expectAccessible(page);
  }, 180_000);
});
