/// <reference lib="dom" />
// The console's scenario editor in Debian's Chromium: located problems as `bulwark validate` gives
// them, a run of the edited text, and a shared link that reproduces that run in a new page.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue, parseScenario } from '../../src/scenario/index.js';
import { launchChromium } from './browser.js';
import { ROOT, serveConsole } from './console-server.js';

let server: FastifyInstance;
let origin = '';
let browser: { context: BrowserContext; close: () => Promise<void> };
const results = mkdtempSync(join(tmpdir(), 'bulwark-editor-'));

// A small night keeps the runs quick; edited below into something the console has never seen.
const small = readFileSync(join(ROOT, 'test', 'fixtures', 'small-night.yaml'), 'utf8');
const edited = small.replace('count: 12', 'count: 9').replace('stock: 10', 'stock: 6');

const runs = (page: Page) =>
  page.evaluate(() => (window as unknown as { bulwark: { state(): { runs: number } } }).bulwark.state().runs);

async function openConsole(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as unknown as { errors: string[] }).errors = errors;
  await page.goto(url);
  await page.waitForFunction(
    () => (window as unknown as { bulwark?: { state(): { ready: boolean } } }).bulwark?.state().ready,
    undefined,
    { timeout: 60_000 },
  );
  return page;
}

beforeAll(async () => {
  ({ server, origin } = await serveConsole({ scenariosDir: join(ROOT, 'scenarios'), resultsDir: results }));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(results, { recursive: true, force: true });
});

describe('scenario editor', () => {
  it('edits, checks, runs and shares a scenario whose link reproduces the run', async () => {
    const page = await openConsole(`${origin}/`);
    await page.click('#edit-scenario');
    // It opens on the picked scenario's text.
    await page.waitForFunction(
      () => (document.querySelector('#editor-text') as HTMLTextAreaElement).value !== '',
    );
    expect(await page.inputValue('#editor-text')).toContain('Kyiv');

    // Problems are those of `bulwark validate`, located; a click puts the caret there.
    const broken = edited.replace('value: 50', 'value: lots').replace('type: gerbera', 'type: gerbra');
    await page.fill('#editor-text', broken);
    await page.click('#editor-check');
    const shown = await page.$$eval('#editor-issues li', (items) => items.map((li) => li.textContent));
    const parsed = parseScenario(broken, 'edited.yaml');
    expect(parsed.ok).toBe(false);
    expect(shown).toEqual(parsed.ok ? [] : parsed.issues.map(formatIssue));
    expect(shown.some((s) => /did you mean 'gerbera'/.test(s ?? ''))).toBe(true);
    await page.click('#editor-issues li:first-child');
    const first = parsed.ok ? undefined : parsed.issues[0];
    const caret = await page.$eval('#editor-text', (t) => (t as HTMLTextAreaElement).selectionStart);
    const lines = broken.split('\n');
    const expected =
      lines.slice(0, first!.line - 1).reduce((n, l) => n + l.length + 1, 0) + first!.column - 1;
    expect(caret).toBe(expected);

    // Typing in the editor is typing, not the console's shortcuts (R would run, Space play).
    await page.fill('#editor-text', '');
    await page.locator('#editor-text').pressSequentially('r e ');
    expect(await page.inputValue('#editor-text')).toBe('r e ');
    expect(await page.textContent('#status')).not.toMatch(/running/);
    expect(await page.isChecked('#layer-uncertainty')).toBe(true);

    // The fixed text runs here with seed 5.
    await page.fill('#editor-text', edited);
    await page.fill('#seed', '5');
    const before = await runs(page);
    await page.click('#editor-run');
    await page.waitForFunction(
      (n) => (window as unknown as { bulwark: { state(): { runs: number } } }).bulwark.state().runs > n,
      before,
      { timeout: 120_000 },
    );
    const status = await page.textContent('#status');
    expect(status).toMatch(/^Small test night, seed 5: 13 threats, \d+ destroyed, \d+ leaked/);

    await page.click('#editor-share');
    await page.waitForFunction(
      () => (document.querySelector('#editor-link') as HTMLInputElement).value !== '',
    );
    const link = await page.inputValue('#editor-link');
    expect(link.startsWith(`${origin}/#`)).toBe(true);
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);

    // Whoever opens the link sees the same night: same scenario text, same seed, same outcome.
    const other = await openConsole(link);
    await other.waitForFunction(
      () => (window as unknown as { bulwark: { state(): { runs: number } } }).bulwark.state().runs > 0,
      undefined,
      { timeout: 120_000 },
    );
    const strip = (s: string | null) => s?.replace(/ · \d+ ms$/, '');
    expect(strip(await other.textContent('#status'))).toBe(strip(status));
    expect(await other.inputValue('#editor-text')).toBe(edited);
    expect(await other.inputValue('#seed')).toBe('5');
    expect((other as unknown as { errors: string[] }).errors).toEqual([]);
  }, 300_000);

  it('says so when a link carries a damaged scenario', async () => {
    const page = await openConsole(`${origin}/#scenario=AAAA`);
    await page.waitForFunction(() => /damaged/.test(document.querySelector('#status')?.textContent ?? ''));
  }, 120_000);
});
