/// <reference lib="dom" />
// Chromium for browser tests (Debian's package through playwright-core), the axe check every page must pass, and
// the app on the real sample served to Chromium (startBrowserApp).
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { createSampleApp, type SampleApp } from './sample-app.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** No violation of axe's WCAG 2.0–2.2 A and AA rules. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

export interface BrowserSession {
  context: BrowserContext;
  /** A new tab at `base` + `path`; fails the test when the response status is not accepted. */
  open(path: string, accept?: (status: number) => boolean): Promise<Page>;
  close(): Promise<void>;
}

/** Chromium with one context (downloads accepted), opening pages of the app served at `base`. */
export async function browserSession(base: string): Promise<BrowserSession> {
  const browser = await launchChromium();
  const context = await browser.newContext({ acceptDownloads: true });
  return {
    context,
    async open(path, accept = (status) => status === 200) {
      const page = await context.newPage();
      const response = await page.goto(`${base}${path}`);
      expect(accept(response?.status() ?? 0), `${path}: status ${response?.status()}`).toBe(true);
      return page;
    },
    async close() {
      await context.close();
      await browser.close();
    },
  };
}

export interface BrowserApp {
  base: string;
  context: BrowserContext;
  sample: SampleApp;
  /** A new tab at `path`; fails the test on a server error (any status below 500 is accepted by default). */
  open(path: string, accept?: (status: number) => boolean): Promise<Page>;
  expectAccessible(page: Page): Promise<void>;
  close(): Promise<void>;
}

/** The app on a fresh database with the real sample, served on a free port, with Chromium pointed at it. */
export async function startBrowserApp(): Promise<BrowserApp> {
  const sample = await createSampleApp();
  const base = await sample.app.listen({ port: 0, host: '127.0.0.1' });
  const session = await browserSession(base);
  return {
    base,
    context: session.context,
    sample,
    open: (path, accept = (status) => status < 500) => session.open(path, accept),
    expectAccessible,
    async close() {
      await session.close();
      await sample.close();
    },
  };
}

/** For a describe block: the app on the sample in Chromium, started before its tests and closed after them. */
export function useBrowserApp() {
  let b: BrowserApp | undefined;
  beforeAll(async () => {
    b = await startBrowserApp();
  }, 180_000);
  afterAll(async () => b?.close());
  const app = (): BrowserApp => {
    if (!b) throw new Error('the browser app has not started');
    return b;
  };
  return {
    app,
    open: (path: string, accept?: (status: number) => boolean): Promise<Page> => app().open(path, accept),
    expectAccessible: (page: Page): Promise<void> => app().expectAccessible(page),
  };
}
