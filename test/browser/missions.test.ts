/// <reference lib="dom" />
// The mission dashboard in Chromium on the real sample: /missions with its chart and table, filtered to a region
// (and the error summary for a region that is not one), one mission with its charts and tables, and the contracts
// and KPIs behind a figure. Every page passes axe (WCAG 2.2 AA rules) — with the KPI rating and social value tables
// populated: a Welsh clean-energy contract gets a rated KPI and a commitment on a Welsh metric under the national
// clean-energy outcome (fixture data, test/support/mission-facts.ts; the sample publishes neither).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshMissions } from '../../src/services/missions/summary-refresh.js';
import { createStandardsService } from '../../src/services/missions/standards.service.js';
import { centralActor } from '../support/actors.js';
import { startBrowserApp, type BrowserApp } from '../support/browser.js';
import { addCommitment, addRatedKpi } from '../support/mission-facts.js';

describe('mission dashboard in Chromium', () => {
  let b: BrowserApp;

  beforeAll(async () => {
    b = await startBrowserApp();
    const db = b.sample.t.db;
    await refreshMissions(db);
    const welsh = await db
      .selectFrom('contract_mission')
      .select('ocid')
      .where('mission_id', '=', 'clean-energy')
      .where('region', '=', 'UKL')
      .orderBy('ocid')
      .executeTakeFirstOrThrow();
    await addRatedKpi(db, welsh.ocid, ['met', 'slightlyBelow', 'significantlyBelow']);
    await createStandardsService({ db }).addItem(centralActor, { region: 'UKL' }, 'metric', {
      parentId: 'ppn002.o4.sustainable-procurement',
      slug: 'heat-pumps',
      name: 'Heat pumps fitted',
      definition: 'Heat pumps fitted under the contract',
      unit: 'heat pumps',
      direction: 'higher',
      evidence: 'Installation certificates',
    });
    await addCommitment(
      db,
      { ocid: welsh.ocid, metricId: 'region.UKL.heat-pumps', unit: 'heat pumps', target: 40 },
      [
        [25, 'verified'],
        [5, 'unverified'],
      ],
    );
    await refreshMissions(db);
  }, 180_000);
  afterAll(() => b?.close());

  it('shows all missions, one mission and the contracts behind it, accessibly', async () => {
    const page = await b.open('/missions');
    expect(await page.locator('h1').textContent()).toBe('Missions: have we delivered them?');
    expect(await page.locator('svg[role="img"]').count()).toBeGreaterThan(0);
    await b.expectAccessible(page);

    await page.getByLabel('Buyer organisation id').fill('not-a-number');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Buyer must be an organisation id',
    );
    await b.expectAccessible(page);

    await page.getByLabel('Buyer organisation id').fill('');
    await page.getByLabel('Region of the buyer (ITL1)').selectOption('UKL');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/region=UKL/);
    expect(await page.locator('body').textContent()).toContain('Wales');

    await page.getByRole('link', { name: 'Make Britain a clean energy superpower' }).first().click();
    await page.waitForURL(/\/missions\/clean-energy\?region=UKL/);
    expect(await page.locator('h2').allTextContents()).toEqual(
      expect.arrayContaining(['By region', 'Trend by quarter', 'By buyer', 'Social value by outcome']),
    );
    // The populated KPI rating and social value tables, each figure a link.
    expect(await page.locator('caption', { hasText: 'KPI ratings' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Heat pumps fitted' }).count()).toBe(1);
    expect(await page.locator('table', { hasText: 'region.UKL.heat-pumps' }).textContent()).toContain('40');
    await b.expectAccessible(page);

    const kpiRow = page.locator('table', { hasText: 'KPI ratings' }).locator('tbody');
    expect(await kpiRow.getByRole('link').allTextContents()).toEqual(['1', '1', '1', '1']);
    await kpiRow.getByRole('link').first().click();
    await page.waitForURL(/\/missions\/clean-energy\/kpis\?region=UKL/);
    expect(await page.locator('h1').textContent()).toContain('KPIs of contracts mapped to');
    await b.expectAccessible(page);
    await page.goBack();

    await page.getByRole('link', { name: 'The contracts behind these figures' }).click();
    await page.waitForURL(/\/missions\/clean-energy\/contracts/);
    await b.expectAccessible(page);
  }, 180_000);
});
