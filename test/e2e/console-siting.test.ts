/// <reference lib="dom" />
// A siting result in the real console, in Debian's Chromium: `bulwark site` sites two Gepards on a
// small two-axis night (trained on one axis), `bulwark serve`'s app offers the result from the
// scenario folder, and the console draws both layouts on the map and prints the moves and the
// objective of both layouts with their 95% intervals. What the page shows is checked against the
// result file: how many units moved, where each symbol stands, every figure of the comparison.

import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SitingResult } from '../../src/model/siting-result.js';
import { runBulwark } from '../run-bulwark.js';
import { BROWSER_WAIT_MS, launchChromium } from './browser.js';
import { ROOT, serveConsole } from './console-server.js';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const ID = 'line.siting.json';

interface Bulwark {
  state(): { ready: boolean; runs: number };
  siting(): { id: string | undefined; moves: number; drawn: Record<string, number> };
  project(lat: number, lon: number): { x: number; y: number };
}

let server: FastifyInstance;
let origin = '';
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
let result: SitingResult;
const folder = mkdtempSync(join(tmpdir(), 'bulwark-e2e-siting-'));
const errors: string[] = [];

const sitingState = () => page.evaluate(() => (window as unknown as { bulwark: Bulwark }).bulwark.siting());

/** A figure as the console prints it ("1,723", "0.273", "−40", "–") back to a number. */
function parseFigure(text: string): number {
  if (text === '–') return NaN;
  return Number(text.replace(/,/g, '').replace('−', '-').replace(/^\+/, ''));
}
/** "mean [low, high]" as shown: numbers carry no spaces, the list separator does. */
function parseInterval(text: string): [number, number, number] {
  const m = /^(\S+) \[(\S+), (\S+)\]$/.exec(text.trim());
  expect(m, `an interval: '${text}'`).not.toBeNull();
  return [parseFigure(m![1]), parseFigure(m![2]), parseFigure(m![3])];
}
/** Shown to three significant digits, or whole from 100 up. */
function expectShown(shown: number, actual: number | null): void {
  if (actual === null) return expect(shown).toBeNaN();
  expect(Math.abs(shown - actual)).toBeLessThanOrEqual(Math.max(0.5, Math.abs(actual) * 0.005, 1e-9));
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  copyFileSync(join(ROOT, 'test', 'fixtures', 'siting-two-axes.yaml'), join(folder, 'line.yaml'));
  // As a user runs it, in the scenario folder: the sited scenario and the result land beside the file.
  const site = await runBulwark(
    [
      'site',
      'line.yaml',
      '--move',
      'defenders.gun,defenders.gun-2',
      '--objective',
      'leak-rate',
      '--train',
      'east',
      '-n',
      '2',
      '--budget',
      '8',
      '--check-runs',
      '4',
      '--axis-runs',
      '3',
    ],
    { cwd: folder },
  );
  expect(site.stderr).toMatch(/wrote line\.sited\.yaml, line\.siting\.html and line\.siting\.json/);
  expect(site.code).toBe(0);
  result = JSON.parse(readFileSync(join(folder, ID), 'utf8')) as SitingResult;
  ({ server, origin } = await serveConsole({ scenariosDir: folder, resultsDir: join(folder, 'runs') }));
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => (window as unknown as { bulwark: Bulwark }).bulwark.state().ready);
}, 3 * BROWSER_WAIT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('siting in the console', () => {
  it('offers the result of the scenario folder, and not as a scenario', async () => {
    await page.waitForSelector(`#siting-list option[value="${ID}"]`, { state: 'attached' });
    const scenarios = await page
      .locator('#scenario option')
      .evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    expect(scenarios).toEqual(['line.sited.yaml', 'line.yaml']);
  });

  it('draws both layouts on the map: hollow where the file puts each unit, filled where siting does', async () => {
    await page.selectOption('#siting-list', ID);
    await page.waitForFunction(
      (id) => (window as unknown as { bulwark: Bulwark }).bulwark.siting().id === id,
      ID,
    );
    const shown = await sitingState();
    const moved = result.moves.filter((m) => m.from.latDeg !== m.to.latDeg || m.from.lonDeg !== m.to.lonDeg);
    expect(result.moves).toHaveLength(2);
    expect(shown.moves).toBe(2);
    expect(shown.drawn).toEqual({
      from: 2,
      to: 2,
      lines: moved.length,
      allowed: 1,
      noGo: 1,
      axes: result.map.axes.length,
      assets: 1,
      fixed: 1,
    });
    expect(result.map.axes.length).toBeGreaterThan(0);

    // Each symbol stands where the result puts it, inside the map's view.
    const size = await page.locator('#map').boundingBox();
    for (const m of result.moves) {
      for (const [kind, p] of [
        ['from', m.from],
        ['to', m.to],
      ] as const) {
        const symbol = page.locator(`.siting-layer .siting-${kind}[data-unit="${m.unit}"]`);
        const transform = await symbol.getAttribute('transform');
        const [, x, y] = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(transform!)!.map(Number);
        const expected = await page.evaluate(
          ([lat, lon]) => (window as unknown as { bulwark: Bulwark }).bulwark.project(lat, lon),
          [p.latDeg, p.lonDeg] as const,
        );
        expect(Math.abs(x - expected.x)).toBeLessThan(0.1);
        expect(Math.abs(y - expected.y)).toBeLessThan(0.1);
        expect(x).toBeGreaterThan(0);
        expect(x).toBeLessThan(size!.width);
        expect(y).toBeGreaterThan(0);
        expect(y).toBeLessThan(size!.height);
        expect(Number(await symbol.getAttribute('data-lat'))).toBe(p.latDeg);
      }
    }
    // Hollow and filled: the file's symbol has no fill, the sited one has.
    const fills = await page.evaluate(() =>
      ['.siting-from', '.siting-to'].map(
        (s) => getComputedStyle(document.querySelector(`.siting-layer ${s}`)!).fill,
      ),
    );
    expect(fills[0]).toBe('none');
    expect(fills[1]).not.toBe('none');
    expect(page.url()).toContain(`siting=${ID}`);
  });

  it('lists the moves with their positions, as in the result', async () => {
    await expect(page.locator('#siting-panel h3').first().textContent()).resolves.toBe('Moved units (2)');
    const rows = page.locator('#siting-panel .siting-moves tbody tr');
    expect(await rows.count()).toBe(result.moves.length);
    for (const [i, m] of result.moves.entries()) {
      const row = rows.nth(i);
      expect(await row.getAttribute('data-unit')).toBe(m.unit);
      expect(await row.locator('.from').textContent()).toBe(`${m.from.latDeg}, ${m.from.lonDeg}`);
      expect(await row.locator('.to').textContent()).toBe(`${m.to.latDeg}, ${m.to.lonDeg}`);
      expect(await row.locator('.km').textContent()).toBe((m.distanceM / 1000).toFixed(1));
    }
  });

  it('gives the objective of both layouts with 95% intervals, per raid axis, trained or not', async () => {
    const rows = page.locator('#siting-panel .siting-row');
    expect(await rows.count()).toBe(result.check.length);
    expect(result.check.map((c) => c.name)).toEqual([
      'whole night',
      'training mix',
      'axis east',
      'axis north',
    ]);
    for (const [i, c] of result.check.entries()) {
      const row = rows.nth(i);
      expect(await row.getAttribute('data-raid')).toBe(c.name);
      expect(await row.locator('h4').textContent()).toBe(
        `${c.name} · ${c.baseline.n} runs${c.trained ? 'trained on' : 'not trained on'}`,
      );
      for (const [cls, s] of [
        ['baseline', c.baseline],
        ['sited', c.sited],
        ['difference', c.difference],
      ] as const) {
        const [mean, low, high] = parseInterval((await row.locator(`dd.${cls}`).textContent())!);
        expectShown(mean, s.mean);
        expectShown(low, s.ciLow);
        expectShown(high, s.ciHigh);
      }
      expect(await row.locator('.verdict').textContent()).toBe(c.verdict);
      // Both intervals drawn on the row's scale.
      expect(await row.locator('svg.siting-intervals line.ci').count()).toBe(2);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'console-siting.png') });
  });

  it('opens from a shared link, and replays the sited layout with the siting kept on the map', async () => {
    const link = page.url();
    const fresh = await browser.context.newPage();
    fresh.on('pageerror', (e) => errors.push(e.message));
    await fresh.goto(link);
    await fresh.waitForFunction(
      (id) => (window as unknown as { bulwark: Bulwark }).bulwark.siting().id === id,
      ID,
    );
    expect(await fresh.locator('#siting-panel .siting-moves tbody tr').count()).toBe(2);
    await fresh.close();

    await page.getByRole('button', { name: 'Replay the sited layout' }).click();
    await page.waitForFunction(
      () => (window as unknown as { bulwark: Bulwark }).bulwark.state().runs > 0,
      null,
      {
        timeout: BROWSER_WAIT_MS,
      },
    );
    expect(await page.inputValue('#scenario')).toBe('line.sited.yaml');
    expect((await sitingState()).drawn.to).toBe(2);
    await page.screenshot({ path: join(ARTIFACTS, 'console-siting-replay.png') });

    await page.click('#siting-close');
    expect(await page.isHidden('#siting-panel')).toBe(true);
    expect((await sitingState()).drawn.to).toBe(0);
    expect(page.url()).not.toContain('siting=');
    expect(errors).toEqual([]);
  });
});
