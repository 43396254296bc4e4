/// <reference lib="dom" />
// The compliance calendar page in a real browser (Debian's Chromium through playwright-core), on the real sample:
// The Education Training Collective's calendar as of 25 Nov 2026 (its UK7 is overdue), filtering by status, the
// empty state, a bad as-of day explained, the downloads, and axe's accessibility rules on each state.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserApp, type BrowserApp } from '../support/browser.js';
import { organisationIdByName } from '../support/sample-app.js';

describe('compliance calendar page in Chromium', () => {
  let b: BrowserApp;
  let base: string;
  let etc: number;

  beforeAll(async () => {
    b = await startBrowserApp();
    base = b.base;
    etc = await organisationIdByName(b.sample.t, 'The Education Training Collective');
  }, 180_000);

  afterAll(async () => b?.close());

  const open = (path: string, status = 200): Promise<Page> => b.open(path, (s) => s === status);
  const expectAccessible = (page: Page) => b.expectAccessible(page);

  const rowsOf = (page: Page) =>
    page
      .locator('table.app-calendar-table tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) =>
          Array.from(tr.querySelectorAll('td')).map((td) =>
            (td as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
          ),
        ),
      );

  it('lists the duties by due date with status tags and a link to the record', async () => {
    const page = await open(`/organisations/${etc}/calendar?asOf=2026-11-25`);
    expect(await page.locator('h1').textContent()).toBe('Compliance calendar');
    const rows = await rowsOf(page);
    expect(rows.map((r) => `${r[0]} | ${r[1]}`)).toEqual([
      '30 Apr 2026 | Cannot be confirmed from published data',
      '30 Oct 2026 | Cannot be confirmed from published data',
      '18 Nov 2026 | Overdue',
      '30 Apr 2027 | Upcoming in 156 days',
      '30 Oct 2027 | Upcoming in 339 days',
    ]);
    expect(rows[2]![2]).toContain('UK7 Contract details notice');
    await page.screenshot({ path: 'test-results/calendar-page.png', fullPage: true });
    await expectAccessible(page);
    await page.locator('table.app-calendar-table tbody tr').nth(2).locator('a[href^="/contracts/"]').click();
    await page.waitForURL(/\/contracts\/ocds-h6vhtk-06e832$/);
    await page.close();
  });

  it('filters by status with the checkboxes, keeping the as-of day, and shows an empty state', async () => {
    const page = await open(`/organisations/${etc}/calendar?asOf=2026-11-25`);
    await page.getByLabel('Overdue (1)').check();
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/status=overdue/);
    expect(page.url()).toContain('asOf=2026-11-25');
    expect((await rowsOf(page)).map((r) => r[1])).toEqual(['Overdue']);
    expect(await page.getByRole('link', { name: 'CSV' }).getAttribute('href')).toBe(
      `/organisations/${etc}/calendar.csv?asOf=2026-11-25&status=overdue`,
    );
    await expectAccessible(page);
    await page.close();

    const empty = await open(`/organisations/${etc}/calendar?asOf=2026-11-25&status=done`);
    expect(await empty.locator('#entries').textContent()).toContain('No entries have the chosen status.');
    await expectAccessible(empty);
    await empty.close();
  });

  it('explains a bad as-of day and keeps what was typed', async () => {
    const page = await open(`/organisations/${etc}/calendar?asOf=2026-02-30`, 400);
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Enter the as-of day as YYYY-MM-DD',
    );
    expect(await page.getByLabel('As of day').inputValue()).toBe('2026-02-30');
    await expectAccessible(page);
    await page.close();
  });

  it('downloads the iCalendar file for the same filter', async () => {
    const page = await open(`/organisations/${etc}/calendar?asOf=2026-11-25&status=overdue`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /iCalendar/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`calendar-${etc}-2026-11-25.ics`);
    const ics = await (
      await fetch(`${base}/organisations/${etc}/calendar.ics?asOf=2026-11-25&status=overdue`)
    ).text();
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    expect(ics).toContain('DTSTART;VALUE=DATE:20261118\r\n');
    await page.close();
  });

  it('answers 404 for an unknown or malformed organisation', async () => {
    for (const path of ['/organisations/999999/calendar', '/organisations/abc/calendar']) {
      const page = await open(path, 404);
      await expectAccessible(page);
      await page.close();
    }
  });
});
