// Debian's Chromium driven by playwright-core for the browser tests and the replay benchmark.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.BULWARK_CHROMIUM ?? '/usr/bin/chromium';

/**
 * How long any wait on the page may take. Generous on purpose: on a loaded shared machine the
 * browser, the server and the simulation all run slow, and a test must not fail for that alone.
 */
export const BROWSER_WAIT_MS = 240_000;

/** Headless flags for a closed network: no background connections, no first-run work. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium(): Promise<{
  context: BrowserContext;
  /** The browser's profile folder: it names this browser's processes (`--user-data-dir`). */
  profile: string;
  close: () => Promise<void>;
}> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: run scripts/setup.sh (Debian package 'chromium') for the browser tests`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'bulwark-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(BROWSER_WAIT_MS);
  context.setDefaultNavigationTimeout(BROWSER_WAIT_MS);
  return {
    context,
    profile,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens a self-contained HTML report from a file in a fresh context that refuses every request
 * off the file, and waits until the report says it has drawn (`window.bulwarkReport.done`).
 * Page errors (and console errors, with `consoleErrors`) and refused addresses are collected for
 * the test to check.
 */
export async function openOfflineReport(
  browser: Browser,
  file: string,
  timeoutMs = BROWSER_WAIT_MS,
  consoleErrors = false,
): Promise<{ context: BrowserContext; tab: Page; errors: string[]; offsite: string[] }> {
  const context = await browser.newContext();
  const offsite: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('blob:') || url.startsWith('data:'))
      return route.continue();
    offsite.push(url);
    return route.abort();
  });
  const tab = await context.newPage();
  const errors: string[] = [];
  tab.on('pageerror', (e) => errors.push(String(e)));
  if (consoleErrors) tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await tab.goto(`file://${file}`);
  await tab.waitForFunction(
    () => (window as unknown as { bulwarkReport?: { done: boolean } }).bulwarkReport?.done,
    null,
    { timeout: timeoutMs },
  );
  return { context, tab, errors, offsite };
}
