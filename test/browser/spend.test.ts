/// <reference lib="dom" />
// The paid-money page in Chromium on the real sample plus Salford's register and June 2022 spend file: choosing a
// period through the form, the shares table, the SVG chart with its table beside it, the place view, bad input
// explained, and no axe violations.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRegister } from '../../src/imports/register/import-register.js';
import { importSpend } from '../../src/imports/spend/import-spend.js';
import { createSuppliersService } from '../../src/services/suppliers/suppliers.service.js';
import { startBrowserApp, type BrowserApp } from '../support/browser.js';
import { addOrganisation } from '../support/organisations.js';
import { sharedDataPath } from '../support/shared-data.js';

describe('paid-money page in Chromium', () => {
  let b: BrowserApp;
  let salford = 0;
  beforeAll(async () => {
    b = await startBrowserApp();
    const db = b.sample.t.db;
    salford = await addOrganisation(db, 'Salford City Council');
    await db.updateTable('organisation').set({ region_code: 'UKD34' }).where('id', '=', salford).execute();
    await importRegister(
      db,
      sharedDataPath('uk-more/contract-registers/salford-contracts-register-2022-07.csv'),
      {
        organisationId: salford,
      },
    );
    await importSpend(db, [sharedDataPath('uk-more/spend/salford/2022-06.csv.gz')], {
      organisationId: salford,
    });
    await createSuppliersService({ db }).resolve();
  }, 300_000);
  afterAll(async () => b?.close());

  it('shows a buyer-month chosen through the form, accessible', { timeout: 120_000 }, async () => {
    const page = await b.open(`/organisations/${salford}/spend`);
    await page.getByLabel('From').fill('2022-06-01');
    await page.getByLabel('To', { exact: true }).fill('2022-06-30');
    await page.getByLabel('Breakdown by').selectOption('quarter');
    await page.getByRole('button', { name: 'Show paid money' }).click();
    await page.waitForURL(/from=2022-06-01/);
    expect(await page.locator('#results h2').first().textContent()).toBe(
      'Salford City Council: payments from 2022-06-01 to 2022-06-30',
    );
    const shares = page.getByRole('table', { name: 'Shares of paid money beside shares of awarded value' });
    expect(await shares.locator('tbody tr').count()).toBe(3);
    const svg = page.locator('svg.app-chart');
    expect(await svg.getAttribute('role')).toBe('img');
    expect(await svg.locator('rect').count()).toBe(10);
    const chartTable = page.getByRole('table', { name: 'Largest suppliers (the chart’s figures)' });
    expect(await chartTable.locator('tbody tr').count()).toBe(10);
    expect(await page.getByRole('table', { name: 'Per quarter' }).locator('tbody tr').count()).toBe(1);
    await b.expectAccessible(page);
    await page.close();
  });

  it('shows the place view and explains bad input, accessible', { timeout: 120_000 }, async () => {
    const place = await b.open('/places/TLD?from=2022-06-01&to=2022-06-30');
    expect(await place.locator('h1').textContent()).toContain('ITL region TLD');
    await b.expectAccessible(place);
    await place.close();
    const bad = await b.open(`/organisations/${salford}/spend?from=2022-02-30`, (s) => s === 400);
    expect(await bad.locator('.govuk-error-summary').textContent()).toContain('From must be a day');
    await b.expectAccessible(bad);
    await bad.close();
  });
});
