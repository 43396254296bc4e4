/// <reference lib="dom" />
// The pages in a real browser (Debian's Chromium through playwright-core), on the real sample: a person can find
// a contract and open it, the filters explain bad input, and every page passes axe's accessibility rules.
import { describe, expect, it } from 'vitest';
import { useBrowserApp } from '../support/browser.js';

describe('pages in Chromium', () => {
  const { app, open, expectAccessible } = useBrowserApp();

  it('finds a contract by search and opens it', async () => {
    const page = await open('/contracts');
    await page.getByLabel('Search').fill('heat network');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/q=heat\+network/);
    const first = page.locator('table tbody tr a').first();
    const title = await first.textContent();
    expect(title).toBeTruthy();
    await first.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(title);
    expect(await page.content()).toMatch(/Northumberland/i);
    await expectAccessible(page);
    await page.close();
  });

  it('explains a half-filled date and keeps what was typed', async () => {
    const page = await open('/contracts?endFrom-day=12&q=school');
    expect(await page.locator('.govuk-error-summary').textContent()).toMatch(/must include a month and year/);
    expect(await page.getByLabel('Search').inputValue()).toBe('school');
    await expectAccessible(page);
    await page.close();
  });

  it('the home, list and not-found pages pass axe', async () => {
    for (const path of ['/', '/contracts', '/contracts?sort=value', '/no-such-page']) {
      const page = await open(path);
      await expectAccessible(page);
      await page.close();
    }
  });

  it('shows no GOV.UK crown and uses no GDS Transport by default', async () => {
    const page = await app().context.newPage();
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${app().base}/contracts`);
    await page.evaluate(() => document.fonts.ready);
    expect(await page.content()).not.toContain('govuk-header__logotype');
    const used = await page.evaluate(() => ({
      body: getComputedStyle(document.body).fontFamily,
      heading: getComputedStyle(document.querySelector('h1')!).fontFamily,
      loaded: Array.from(document.fonts as unknown as Iterable<FontFace>)
        .filter((f) => f.status === 'loaded')
        .map((f) => f.family),
    }));
    expect(used.body).not.toMatch(/GDS Transport/);
    expect(used.heading).not.toMatch(/GDS Transport/);
    expect(used.loaded).toEqual([]);
    expect(requested.filter((p) => /\/fonts\/|\.woff2?$/.test(p))).toEqual([]);
    await page.close();
  });
});
