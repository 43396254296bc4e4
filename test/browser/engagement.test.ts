/// <reference lib="dom" />
// Market engagement in Chromium on the real sample: an editor of Derby opens a published pipeline entry, records a
// supplier day with two participants (meeting the error summary first), sees the participation mix on the
// exercise page, and, signed out, finds the mix on Derby's engagement page without the participants' names. Every
// page passes axe (WCAG 2.2 AA rules).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipelineService } from '../../src/services/pipeline/pipeline.service.js';
import { memberActor } from '../support/actors.js';
import { startBrowserApp, type BrowserApp } from '../support/browser.js';
import { addMembers } from '../support/organisations.js';
import { organisationIdByName } from '../support/sample-app.js';

const PASSWORD = 'a long enough passphrase';

describe('market engagement in Chromium', () => {
  let b: BrowserApp;
  let derby: number;
  let entryId: number;

  beforeAll(async () => {
    b = await startBrowserApp();
    derby = await organisationIdByName(b.sample.t, 'DERBY CITY COUNCIL');
    await addMembers(b.sample.t.db, PASSWORD, [['editor@derby.gov.uk', 'editor', derby]]);
    const editor = memberActor('editor@derby.gov.uk', [[derby, 'editor']]);
    const entry = await createPipelineService({ db: b.sample.t.db }).create(editor, derby, {
      title: 'Parks grounds maintenance',
      cpvCode: '77310000',
      published: 'true',
    });
    entryId = entry.id;
  }, 180_000);
  afterAll(() => b?.close());

  it('records an exercise on an entry and shows the participation mix', async () => {
    const page = await b.open(`/login?next=${encodeURIComponent(`/pipeline/entries/${entryId}`)}`);
    await page.getByLabel('Email address').fill('editor@derby.gov.uk');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/pipeline\/entries\/\d+$/);

    await page.getByRole('link', { name: 'Market engagement for this entry' }).click();
    await page.waitForURL(/\/engagement$/);
    await b.expectAccessible(page);
    await page.getByRole('button', { name: 'Record an engagement exercise' }).click();
    await page.waitForURL(/\/engagement\/new$/);
    await b.expectAccessible(page);

    await page.getByRole('button', { name: 'Save exercise' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain('Purpose: is required');
    await b.expectAccessible(page);

    await page.getByLabel('Purpose').fill('Supplier day for grounds maintenance');
    await page.getByLabel('Supplier day').check();
    await page.getByLabel('Organisation 1', { exact: true }).fill('Derby Gardeners Ltd');
    await page.getByLabel('SME (organisation 1)').selectOption('yes');
    await page.getByLabel('Local (organisation 1)').selectOption('yes');
    await page.getByLabel('Organisation 2', { exact: true }).fill('National Grounds plc');
    await page.getByLabel('SME (organisation 2)').selectOption('no');
    await page.getByRole('button', { name: 'Save exercise' }).click();
    await page.waitForURL(/\/engagement\/\d+$/);
    expect(await page.locator('h1').textContent()).toBe('Supplier day for grounds maintenance');
    // SME: one yes, one no → 50%; local: one yes, one not known → 100% of known answers.
    const sme = page.locator('tr', { has: page.locator('th', { hasText: /^SME$/ }) });
    expect((await sme.locator('td').allTextContents()).map((t) => t.trim())).toEqual(['1', '1', '0', '50%']);
    const local = page.locator('tr', { has: page.locator('th', { hasText: /^Local$/ }) });
    expect((await local.locator('td').allTextContents()).map((t) => t.trim())).toEqual([
      '1',
      '0',
      '1',
      '100%',
    ]);
    expect(await page.getByRole('cell', { name: 'Derby Gardeners Ltd', exact: true }).count()).toBe(1);
    // The editor also sees the exercise's history (its creation, with the participants it recorded).
    const history = page.getByRole('table', { name: 'Changes to this exercise, newest first' });
    expect(await history.locator('tbody tr').count()).toBe(1);
    expect(await history.getByText('engagement.create').count()).toBe(1);
    await b.expectAccessible(page);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${b.base}/`);
    await page.goto(`${b.base}/organisations/${derby}/engagement`);
    expect(await page.getByRole('link', { name: 'Supplier day for grounds maintenance' }).count()).toBe(1);
    expect(await page.getByText('Derby Gardeners Ltd').count()).toBe(0);
    await b.expectAccessible(page);
  }, 240_000);
});
