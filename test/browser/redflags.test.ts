// A contract page's "Red flags" section in Chromium on the real sample: the table reads as a table and the page
// passes axe.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../support/browser.js';

describe('red flags on a contract page in Chromium', () => {
  let b: BrowserApp;
  beforeAll(async () => {
    b = await startBrowserApp();
  }, 180_000);
  afterAll(async () => b?.close());

  it('shows the record’s flags in an accessible table', async () => {
    const page = await b.open('/contracts/ocds-h6vhtk-078219');
    const table = page.getByRole('table', { name: 'Red flags on this record' });
    const row = table.getByRole('row').filter({ hasText: 'Tender period below statutory minimum' });
    expect(await row.getByRole('cell').nth(1).textContent()).toBe('Clear');
    await b.expectAccessible(page);
    await page.close();
  });
});
