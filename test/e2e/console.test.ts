/// <reference lib="dom" />
// The real console in Debian's Chromium: served by `bulwark serve`'s app, driven like a user.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app.js';
import { storeSmallBatch } from '../fixtures/small-batch.js';
import { BROWSER_WAIT_MS, launchChromium } from './browser.js';
import { CONSOLE_DIR, ROOT, serveConsole } from './console-server.js';

const ARTIFACTS = join(ROOT, 'test-artifacts');

interface ConsoleState {
  ready: boolean;
  runs: number;
  t: number;
  endS: number;
  playing: boolean;
  baseLayer: boolean;
  places: number;
  center: { lat: number; lon: number };
  zoom: number;
  drawn: { assets: number; units: number; threats: number; flights: number; kills: number; impacts: number };
}

let server: FastifyInstance;
let origin = '';
let browser: { context: BrowserContext; close: () => Promise<void> };
const results = mkdtempSync(join(tmpdir(), 'bulwark-e2e-'));
const outside: string[] = [];

const state = (page: Page) =>
  page.evaluate(() => (window as unknown as { bulwark: { state(): ConsoleState } }).bulwark.state());
const layerPixels = (page: Page) =>
  page.evaluate(() => (document.querySelector('.entity-layer') as HTMLCanvasElement).toDataURL());

/** Waits until the map's view stops changing between two looks a few frames apart. */
async function settled(page: Page): Promise<void> {
  let last = JSON.stringify((await state(page)).center);
  for (;;) {
    await page.waitForTimeout(250);
    const now = JSON.stringify((await state(page)).center);
    if (now === last) return;
    last = now;
  }
}

async function openConsole(query = ''): Promise<Page> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:'))
      outside.push(r.url());
  });
  await page.goto(`${origin}/${query}`);
  await page.waitForFunction(
    () => (window as unknown as { bulwark?: { state(): ConsoleState } }).bulwark?.state().ready,
  );
  (page as unknown as { errors: string[] }).errors = errors;
  return page;
}

async function runDefault(page: Page): Promise<ConsoleState> {
  const before = (await state(page)).runs;
  await page.click('#run');
  await page.waitForFunction(
    (n) => (window as unknown as { bulwark: { state(): ConsoleState } }).bulwark.state().runs > n,
    before,
    {
      timeout: BROWSER_WAIT_MS,
    },
  );
  return state(page);
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  storeSmallBatch(join(results, 'results.db'));
  ({ server, origin } = await serveConsole({
    storeFile: join(results, 'results.db'),
    scenariosDir: join(ROOT, 'scenarios'),
    resultsDir: results,
  }));
  browser = await launchChromium();
}, 2 * BROWSER_WAIT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(results, { recursive: true, force: true });
});

describe('web console', () => {
  // The first three tests look at one run of the default scenario in one page.
  let page: Page;

  it('runs the default scenario in a worker and shows assets, units and moving entities', async () => {
    page = await openConsole();
    expect(await page.inputValue('#scenario')).toBe('kyiv-night.yaml');
    await page.waitForFunction(
      () => document.querySelector('.entity-layer')?.getAttribute('data-base') === 'loaded',
    );
    const start = await runDefault(page);
    expect(start.baseLayer).toBe(true);
    expect(start.places).toBeGreaterThan(10_000);
    expect(start.t).toBe(0);
    expect(start.drawn.assets).toBe(6);
    expect(start.drawn.units).toBe(3);
    expect(start.endS).toBeGreaterThan(3600);
    expect(await page.textContent('#status')).toMatch(/105 threats/);

    // Ninety minutes in, both axes are in the air and the interceptors are up.
    await page.evaluate(() =>
      (window as unknown as { bulwark: { setTime(t: number): void } }).bulwark.setTime(5400),
    );
    // The map frames the defended region (the panel counts the whole raid); zoomed out, both axes show.
    expect(Number(await page.textContent('[data-measure="threats in the air"]'))).toBeGreaterThan(20);
    await page.evaluate(() => {
      (window as unknown as { bulwark: { view(a: number, b: number, z: number): void } }).bulwark.view(
        51.2,
        32.2,
        7,
      );
    });
    const a = await state(page);
    expect(a.drawn.threats).toBeGreaterThan(20);
    const pixelsA = await layerPixels(page);
    await page.screenshot({ path: join(ARTIFACTS, 'console-1280x800.png') });
    // A minute later the same threats are elsewhere: the layer is drawn differently.
    await page.evaluate(() =>
      (window as unknown as { bulwark: { setTime(t: number): void } }).bulwark.setTime(5460),
    );
    expect(await layerPixels(page)).not.toBe(pixelsA);
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
  });

  it('plays with Space and changes what is shown when the time bar is scrubbed', async () => {
    await page.evaluate(() =>
      (window as unknown as { bulwark: { setTime(t: number): void } }).bulwark.setTime(0),
    );
    await page.locator('body').press('Space');
    // However slow the machine, playing moves the clock on: wait for that, not for a fixed time.
    await page.waitForFunction(
      () => (window as unknown as { bulwark: { state(): ConsoleState } }).bulwark.state().t > 0,
    );
    const playing = await state(page);
    expect(playing.playing).toBe(true);
    expect(playing.t).toBeGreaterThan(0);
    await page.locator('body').press('Space');
    expect((await state(page)).playing).toBe(false);

    await page.focus('#scrub');
    await page.keyboard.press('Home');
    const clockAtStart = await page.textContent('#clock');
    const pixelsStart = await layerPixels(page);
    const threatsAtStart = (await state(page)).drawn.threats;
    await page.keyboard.press('End');
    const end = await state(page);
    expect(end.t).toBe(end.endS);
    expect(await page.textContent('#clock')).not.toBe(clockAtStart);
    expect(await layerPixels(page)).not.toBe(pixelsStart);
    expect(end.drawn.threats).toBe(0);
    expect(threatsAtStart).toBeLessThanOrEqual(end.drawn.threats + 10);
    expect(end.drawn.impacts).toBeGreaterThan(0);
    expect(end.drawn.kills).toBeGreaterThan(0);
    // The outcome panel shows the whole night at the end.
    expect(await page.textContent('[data-measure="threats launched"]')).toBe('105');
    await page.screenshot({ path: join(ARTIFACTS, 'console-end.png') });
  });

  it('moves the map and the clock to an event chosen in the feed', async () => {
    await page.evaluate(() =>
      (window as unknown as { bulwark: { setTime(t: number): void } }).bulwark.setTime(0),
    );
    const before = await state(page);
    const impact = page.locator('#events button[data-kind="impact"]').first();
    await impact.click();
    // The map flies to the event: wait until it is there and has stopped moving.
    await page.waitForFunction((b) => {
      const s = (window as unknown as { bulwark: { state(): ConsoleState } }).bulwark.state();
      return s.t > 0 && s.zoom >= 10 && Math.hypot(s.center.lat - b.lat, s.center.lon - b.lon) > 0.01;
    }, before.center);
    await settled(page);
    const after = await state(page);
    expect(after.t).toBeGreaterThan(0);
    expect(
      Math.hypot(after.center.lat - before.center.lat, after.center.lon - before.center.lon),
    ).toBeGreaterThan(0.01);
    expect(after.zoom).toBeGreaterThanOrEqual(10);
    expect(await page.locator('#events li.current button').getAttribute('data-index')).toBe(
      await impact.getAttribute('data-index'),
    );
    // The keyboard reaches the same: N goes to the next event in the feed.
    await page.locator('body').press('n');
    await page.waitForTimeout(800);
    expect((await state(page)).t).toBeGreaterThanOrEqual(after.t);
    await page.screenshot({ path: join(ARTIFACTS, 'console-event.png') });
    expect((page as unknown as { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it('keeps scenario and seed in the URL, and a shared URL opens the same view', async () => {
    const page = await openConsole();
    await page.fill('#seed', '3');
    await runDefault(page);
    await page.evaluate(() =>
      (window as unknown as { bulwark: { setTime(t: number): void } }).bulwark.setTime(4000),
    );
    await page.locator('body').press('Space');
    await page.locator('body').press('Space');
    const url = new URL(page.url());
    expect(url.searchParams.get('scenario')).toBe('kyiv-night.yaml');
    expect(url.searchParams.get('seed')).toBe('3');
    const status = await page.textContent('#status');
    await page.close();

    const shared = await openConsole(`?scenario=kyiv-night.yaml&seed=3&t=4000`);
    await shared.waitForFunction(
      () => (window as unknown as { bulwark: { state(): ConsoleState } }).bulwark.state().runs > 0,
      null,
      {
        timeout: BROWSER_WAIT_MS,
      },
    );
    expect(await shared.inputValue('#seed')).toBe('3');
    expect((await state(shared)).t).toBe(4000);
    expect((await shared.textContent('#status'))!.split('·')[0]).toBe(status!.split('·')[0]);
    await shared.close();
  });

  it('runs on the server and streams the log back', async () => {
    const page = await openConsole();
    await page.selectOption('#run-where', 'server');
    const s = await runDefault(page);
    expect(await page.textContent('#status')).toMatch(/105 threats, \d+ destroyed/);
    expect(s.endS).toBeGreaterThan(3600);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.evaluate(() =>
      (window as unknown as { bulwark: { setTime(t: number): void } }).bulwark.setTime(7200),
    );
    await page.waitForFunction(
      () => (window as unknown as { bulwark: { state(): ConsoleState } }).bulwark.state().drawn.threats > 0,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'console-1920x1080.png') });
    // The run is now stored: it is offered, and a URL naming it reopens it.
    const runId = await page.inputValue('#stored-runs');
    expect(runId).toMatch(/^run-/);
    expect(new URL(page.url()).searchParams.get('run')).toBe(runId);
    await page.close();

    const reopened = await openConsole(`?run=${runId}&t=3000`);
    await reopened.waitForFunction(
      () => (window as unknown as { bulwark: { state(): ConsoleState } }).bulwark.state().runs > 0,
      null,
      { timeout: BROWSER_WAIT_MS },
    );
    expect((await state(reopened)).t).toBe(3000);
    expect(await reopened.textContent('#status')).toMatch(/105 threats/);
    await reopened.close();
  });

  it('passes the token from its URL to a server that needs one', async () => {
    const guarded = await buildServer({
      scenariosDir: join(ROOT, 'scenarios'),
      resultsDir: results,
      consoleDir: CONSOLE_DIR,
      token: 'e2e-token-0123456789',
    });
    await guarded.listen({ port: 0, host: '127.0.0.1' });
    try {
      const address = guarded.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const page = await browser.context.newPage();
      await page.goto(`http://127.0.0.1:${port}/?token=e2e-token-0123456789`);
      await page.waitForFunction(
        () => (window as unknown as { bulwark?: { state(): ConsoleState } }).bulwark?.state().ready,
      );
      expect(await page.textContent('#status')).toBe('connected to the server');
      expect(await page.isDisabled('#run-where option[value=server]')).toBe(false);
      await page.close();
    } finally {
      await guarded.close();
    }
  });

  it('shows Monte Carlo results from the store as charts', async () => {
    const page = await openConsole();
    await page.locator('body').press('b');
    await page.waitForSelector('#batch-body svg.chart');
    expect(await page.locator('#batch-body svg.chart').count()).toBe(3);
    expect(await page.textContent('#batch-body .batch-head')).toMatch(/Monte Carlo of .*6 of 6 runs/);
    // Every run is counted in the leakers histogram: bar tooltips add up to the runs.
    const counts = await page
      .locator('#batch-body svg.chart')
      .first()
      .locator('rect.bar title')
      .allTextContents();
    expect(counts.reduce((sum, t) => sum + Number(/: (\d+) run/.exec(t)![1]), 0)).toBe(6);
    await page.screenshot({ path: join(ARTIFACTS, 'console-batches.png') });
    await page.keyboard.press('Escape');
    expect(await page.locator('#batches').getAttribute('open')).toBeNull();
    await page.close();
  });

  it('fetched nothing from outside the server', () => {
    expect(outside).toEqual([]);
  });
});
