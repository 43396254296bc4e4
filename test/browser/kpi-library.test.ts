/// <reference lib="dom" />
// The KPI library in Chromium on the real sample: anyone searches the library (no axe violations on the search,
// its results and a template page); an editor of Derby opens one of Derby's pipeline entries, chooses "Attach a KPI
// from the library", searches, attaches a template after tailoring its target (meeting the error summary first),
// tags the entry with an outcome, and sees both on the entry page. Every page passes axe (WCAG 2.2 AA rules).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPipelineService } from '../../src/services/pipeline/pipeline.service.js';
import { memberActor } from '../support/actors.js';
import { startBrowserApp, type BrowserApp } from '../support/browser.js';
import { addMembers } from '../support/organisations.js';
import { organisationIdByName } from '../support/sample-app.js';

const PASSWORD = 'a long enough passphrase';

describe('the KPI library in Chromium', () => {
  let b: BrowserApp;
  let entryId: number;

  beforeAll(async () => {
    b = await startBrowserApp();
    const derby = await organisationIdByName(b.sample.t, 'DERBY CITY COUNCIL');
    await addMembers(b.sample.t.db, PASSWORD, [['editor@derby.gov.uk', 'editor', derby]]);
    const editor = memberActor('editor@derby.gov.uk', [[derby, 'editor']]);
    entryId = (
      await createPipelineService({ db: b.sample.t.db }).create(editor, derby, {
        title: 'Facilities management for council buildings',
        cpvCode: '50700000',
        published: true,
      })
    ).id;
  }, 180_000);
  afterAll(() => b?.close());

  it('searches the library and attaches a tailored KPI and an outcome to a pipeline entry', async () => {
    const page = await b.open('/kpi-library');
    expect(await page.locator('h1').textContent()).toBe('KPI library');
    await b.expectAccessible(page);
    await page.getByLabel('Search').fill('reactive repairs');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/q=reactive\+repairs/);
    expect(await page.getByText('1 template.').count()).toBe(1);
    await b.expectAccessible(page);
    await page.getByRole('link', { name: 'Reactive repairs fixed within the agreed time' }).click();
    await page.waitForURL(/\/kpi-library\/kpi\.fm\.reactive-repairs-fixed-on-time$/);
    expect(await page.getByRole('cell', { name: 'Approaching target' }).count()).toBe(1);
    await b.expectAccessible(page);

    await page.goto(`${b.base}/login?next=${encodeURIComponent(`/pipeline/entries/${entryId}`)}`);
    await page.getByLabel('Email address').fill('editor@derby.gov.uk');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/pipeline\/entries\/\d+$/);
    await page.getByRole('link', { name: 'Attach a KPI from the library' }).click();
    await page.waitForURL(/\/kpi-library\?attach=entry/);
    await page.getByLabel('Category (CPV code or division)').fill('50');
    await page.getByLabel('Search').fill('repairs');
    await page.getByRole('button', { name: 'Search' }).click();
    await b.expectAccessible(page);
    await page.getByRole('link', { name: 'Attach Reactive repairs fixed within the agreed time' }).click();
    await page.waitForURL(/\/kpis\/new\?template=/);
    expect(await page.locator('h1').textContent()).toBe('Attach a KPI');
    await b.expectAccessible(page);

    await page.getByLabel('“Approaching target” from (%)').fill('99');
    await page.getByRole('button', { name: 'Save KPI' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'must start at most the target',
    );
    await b.expectAccessible(page);
    await page.getByLabel('Target: “good” from (%)').fill('98');
    await page.getByLabel('“Approaching target” from (%)').fill('95');
    await page.getByRole('button', { name: 'Save KPI' }).click();
    await page.waitForURL(/\/pipeline\/entries\/\d+#kpis$/);
    expect(await page.getByRole('cell', { name: '98 % or more' }).count()).toBe(1);

    await page.getByRole('link', { name: 'Change missions and outcomes' }).click();
    await page.waitForURL(/\/missions$/);
    await b.expectAccessible(page);
    await page.getByLabel('Increasing productivity through physical and mental wellbeing').check();
    await page.getByRole('button', { name: 'Save missions and outcomes' }).click();
    await page.waitForURL(/\/pipeline\/entries\/\d+$/);
    expect(await page.locator('#missions ~ ul').first().textContent()).toContain(
      'Build an NHS fit for the future',
    );
    await b.expectAccessible(page);
  }, 240_000);
});
