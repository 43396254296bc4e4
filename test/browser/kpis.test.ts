/// <reference lib="dom" />
// KPIs and ratings in Chromium on the real sample plus the derived UK7/UK9 fixture (test/fixtures/kpis/SOURCES.md):
// the contract's performance page with its published KPIs, an editor of the buyer adding a KPI and recording a
// rating (a mistake first, shown in the error summary), the buyer's KPI page and the national page. Every page
// passes axe (WCAG 2.2 AA rules).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestPaths } from '../../src/ocds/pipeline.js';
import { repoPath } from '../../src/paths.js';
import { refreshMissions } from '../../src/services/missions/summary-refresh.js';
import { startBrowserApp, type BrowserApp } from '../support/browser.js';
import { addMembers } from '../support/organisations.js';

const OCID = 'ocds-b5fd17-049318f6-a64f-468a-914b-072544499c9d';
const PASSWORD = 'a long enough passphrase';

describe('KPIs and ratings in Chromium', () => {
  let b: BrowserApp;
  let mod: number;

  beforeAll(async () => {
    b = await startBrowserApp();
    const db = b.sample.t.db;
    await ingestPaths(db, [repoPath('test/fixtures/kpis/uk7-uk9-derived.jsonl')], { source: 'fixture' });
    // As `missionbuy ingest` does after storing (derived-refresh.ts): the national page groups KPIs by the stored
    // missions of their contracts.
    await refreshMissions(db);
    const p = await db
      .selectFrom('process')
      .select('buyer_id')
      .where('ocid', '=', OCID)
      .executeTakeFirstOrThrow();
    mod = Number(p.buyer_id);
    await addMembers(db, PASSWORD, [['editor@mod.example.gov.uk', 'editor', mod]]);
  }, 180_000);
  afterAll(() => b?.close());

  it('adds a KPI and a rating to a contract and shows them beside the published KPIs', async () => {
    const contract = await b.open(`/contracts/${OCID}`);
    await contract.getByRole('link', { name: 'KPIs and ratings of this contract' }).click();
    await contract.waitForURL(/\/performance$/);
    expect(await contract.locator('h1').textContent()).toBe('Performance: KPIs and ratings');
    expect(await contract.locator('body').textContent()).toMatch(/Service availability.*Approaching target/s);
    await b.expectAccessible(contract);

    const page = await b.open(`/contracts/${OCID}/performance/kpis/new`);
    await page.waitForURL(/\/login\?next=/);
    await page.getByLabel('Email address').fill('editor@mod.example.gov.uk');
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/performance\/kpis\/new$/);
    await page.getByRole('button', { name: 'Add KPI' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toMatch(/Enter the KPI/);
    await b.expectAccessible(page);
    await page.getByLabel('KPI', { exact: true }).fill('Apprenticeships started');
    await page.getByRole('button', { name: 'Add KPI' }).click();
    await page.waitForURL(/\/performance#kpi-entered-\d+$/);

    await page.getByRole('link', { name: /Record a rating/ }).click();
    await page.waitForURL(/\/ratings\/new$/);
    await b.expectAccessible(page);
    await page.getByRole('button', { name: 'Save rating' }).click();
    expect(await page.locator('.govuk-error-summary').textContent()).toMatch(/Choose a rating/);
    await b.expectAccessible(page);
    const start = page.getByRole('group', { name: 'First day of the period rated' });
    await start.getByLabel('Day').fill('1');
    await start.getByLabel('Month').fill('3');
    await start.getByLabel('Year').fill('2025');
    const end = page.getByRole('group', { name: 'Last day of the period rated' });
    await end.getByLabel('Day').fill('28');
    await end.getByLabel('Month').fill('2');
    await end.getByLabel('Year').fill('2026');
    await page.getByLabel('Good').check();
    await page.getByRole('button', { name: 'Save rating' }).click();
    await page.waitForURL(/\/performance#kpi-entered-\d+$/);
    expect(await page.locator('body').textContent()).toMatch(
      /Apprenticeships started.*Final rating recorded.*Good \(met\)/s,
    );
    await b.expectAccessible(page);
  }, 180_000);

  it('shows the buyer’s overdue KPIs and the national distribution with tables beside the charts', async () => {
    const buyer = await b.open(`/organisations/${mod}/kpis`);
    expect(await buyer.locator('#overdue + p + table').textContent()).toMatch(/Customer satisfaction/);
    expect(await buyer.locator('svg[role="img"]').count()).toBe(1);
    await b.expectAccessible(buyer);
    const national = await b.open('/kpis');
    expect(await national.locator('#missions ~ table').first().textContent()).toMatch(/Mission/);
    await b.expectAccessible(national);
  }, 120_000);

  it('rates a KPI made from a library template by its measured value (signed in by the first test)', async () => {
    const attach = await b.open(`/contracts/${OCID}/kpis/new?template=kpi.waste.missed-collections`);
    await attach.getByRole('button', { name: 'Save KPI' }).click();
    const perf = await b.open(`/contracts/${OCID}/performance`);
    expect(await perf.locator('body').textContent()).toMatch(
      /Missed collections.*Rated by.*Good: 50 per 100,000 or less/s,
    );
    await perf.getByRole('link', { name: 'Record a rating of Missed collections' }).click();
    await perf.waitForURL(/\/ratings\/new$/);
    await perf.getByRole('button', { name: 'Save rating' }).click();
    expect(await perf.locator('.govuk-error-summary').textContent()).toMatch(/Enter the measured value/);
    await b.expectAccessible(perf);
    const start = perf.getByRole('group', { name: 'First day of the period rated' });
    await start.getByLabel('Day').fill('1');
    await start.getByLabel('Month').fill('4');
    await start.getByLabel('Year').fill('2025');
    const end = perf.getByRole('group', { name: 'Last day of the period rated' });
    await end.getByLabel('Day').fill('30');
    await end.getByLabel('Month').fill('6');
    await end.getByLabel('Year').fill('2025');
    await perf.getByLabel('Measured value', { exact: true }).fill('80');
    await perf.getByRole('button', { name: 'Save rating' }).click();
    await perf.waitForURL(/\/performance#kpi-entered-\d+$/);
    expect(await perf.locator('body').textContent()).toMatch(
      /Missed collections.*80 per 100,000.*Approaching target \(slightlyBelow\)/s,
    );
    await b.expectAccessible(perf);
  }, 180_000);
});
