/// <reference lib="dom" />
// The console's map layers in Debian's Chromium: the track picture with its error ellipses,
// jets and fire groups moving over the night, and sensor coverage switched on from the keyboard.
// One run of the Kyiv night seen by radars, microphones and observers, with a fire group that
// relocates and a Mirage on combat air patrol added.

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_WAIT_MS, launchChromium } from './browser.js';
import { ROOT, serveConsole } from './console-server.js';

const ARTIFACTS = join(ROOT, 'test-artifacts');

interface Mover {
  name: string;
  lat: number;
  lon: number;
  mode: number;
}
interface LayerState {
  runs: number;
  center: { lat: number; lon: number };
  t: number;
  endS: number;
  drawn: Record<string, number>;
  layers: { coverage: boolean; uncertainty: boolean };
  coverage: { radars: number; acousticNodes: number; observerPosts: number };
  movers: Mover[];
}
interface Bulwark {
  state(): LayerState;
  setTime(t: number): void;
  view(lat: number, lon: number, zoom: number): void;
}

const EXTRA_DEFENDERS = `
  - { name: fg-brovary, type: mobile-fire-group, base: [50.50, 30.78], patrol: [[50.44, 30.90]], dwell: 20 min }
  - { name: mirage-east, type: mirage-2000-5, base: [50.40, 30.20], alert: cap, station: [50.80, 31.40, 4000] }
`;

let server: FastifyInstance;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
const folder = mkdtempSync(join(tmpdir(), 'bulwark-e2e-layers-'));
const errors: string[] = [];

const state = () => page.evaluate(() => (window as unknown as { bulwark: Bulwark }).bulwark.state());
const setTime = (t: number) =>
  page.evaluate((s) => (window as unknown as { bulwark: Bulwark }).bulwark.setTime(s), t);
/** Waits until the map's view stops changing between two looks a few frames apart (a fly-to ended). */
async function settled(): Promise<void> {
  let last = JSON.stringify((await state()).center);
  for (;;) {
    await page.waitForTimeout(300);
    const now = JSON.stringify((await state()).center);
    if (now === last) return;
    last = now;
  }
}
const view = (lat: number, lon: number, zoom: number) =>
  page.evaluate(
    ([a, b, z]) => {
      (window as unknown as { bulwark: Bulwark }).bulwark.view(a, b, z);
    },
    [lat, lon, zoom] as const,
  );
/** What a map canvas shows: the moving things, or the background (coverage, assets, fixed units). */
const layerPixels = (layer: 'entity' | 'background' = 'entity') =>
  page.evaluate((l) => (document.querySelector(`.${l}-layer`) as HTMLCanvasElement).toDataURL(), layer);

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const scenarios = join(folder, 'scenarios');
  mkdirSync(scenarios);
  const text = readFileSync(join(ROOT, 'scenarios', 'kyiv-night-sensors.yaml'), 'utf8');
  const withUnits = text.replace(/^(defenders:\n(?: {2}- .*\n)+)/m, `$1${EXTRA_DEFENDERS.slice(1)}`);
  expect(withUnits).not.toBe(text);
  writeFileSync(join(scenarios, 'kyiv-watch.yaml'), withUnits);
  let origin: string;
  ({ server, origin } = await serveConsole({ scenariosDir: scenarios, resultsDir: join(folder, 'runs') }));
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/?scenario=kyiv-watch.yaml&where=server`);
  await page.waitForFunction(
    () => (window as unknown as { bulwark: Bulwark }).bulwark.state().runs > 0,
    null,
    {
      timeout: BROWSER_WAIT_MS,
    },
  );
}, 2 * BROWSER_WAIT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('map layers', () => {
  it('draws the track picture in air-track symbols with 2-sigma error ellipses, which E hides', async () => {
    // Follow the feed from kill to kill, close in on each, until tracks with visible ellipses show.
    let found: LayerState | undefined;
    await page.locator('#events button[data-kind="kill"]').first().click();
    for (let tries = 0; tries < 12 && !found; tries++) {
      await settled();
      const { center } = await state();
      await view(center.lat, center.lon, 12);
      const close = await state();
      if (close.drawn.tracks > 0 && close.drawn.ellipses > 0) found = close;
      else await page.locator('body').press('n');
    }
    expect(found, 'a moment with tracks and their ellipses in view').toBeDefined();
    // Tracks are the picture; the threats under them are small truth markers.
    expect(found!.drawn.threats).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'console-tracks.png') });

    const withEllipses = await layerPixels();
    await page.locator('body').press('e');
    const without = await state();
    expect(without.layers.uncertainty).toBe(false);
    expect(without.drawn.ellipses).toBe(0);
    expect(without.drawn.tracks).toBe(found!.drawn.tracks);
    expect(await layerPixels()).not.toBe(withEllipses);
    expect(new URL(page.url()).searchParams.get('layers')).toBe('-ellipses');
    await page.locator('body').press('e');
    expect((await state()).drawn.ellipses).toBe(found!.drawn.ellipses);
  });

  it('moves the jet and the fire group over the night as the time bar is scrubbed', async () => {
    await view(50.55, 30.8, 9);
    await setTime(0);
    const start = await state();
    const names = start.movers.map((m) => m.name).sort();
    expect(names).toEqual(['fg-brovary', 'mirage-east']);
    const at = (s: LayerState, name: string) => s.movers.find((m) => m.name === name)!;

    // The Mirage takes off for its CAP station; the fire group drives to its second point after 20 min.
    await setTime(900);
    const patrol = await state();
    const jetStart = at(start, 'mirage-east');
    const jetNow = at(patrol, 'mirage-east');
    expect(Math.hypot(jetNow.lat - jetStart.lat, jetNow.lon - jetStart.lon)).toBeGreaterThan(0.05);
    expect(patrol.drawn.movingUnits).toBeGreaterThanOrEqual(1);

    const fgStart = at(start, 'fg-brovary');
    let moved = false;
    for (let t = 1200; t <= 3600 && !moved; t += 120) {
      await setTime(t);
      const fg = at(await state(), 'fg-brovary');
      moved = Math.hypot(fg.lat - fgStart.lat, fg.lon - fgStart.lon) > 0.01;
    }
    expect(moved, 'the fire group relocated within the first hour').toBe(true);
    const pixelsBefore = await layerPixels();
    await page.focus('#scrub');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await layerPixels()).not.toBe(pixelsBefore);
    await page.screenshot({ path: join(ARTIFACTS, 'console-units.png') });
  });

  it('draws radar, acoustic and observer coverage on demand with S', async () => {
    await page.locator('body').focus();
    await view(50.6, 31.2, 8);
    await setTime(5400);
    const off = await state();
    expect(off.layers.coverage).toBe(false);
    expect(off.drawn.coverage).toBe(0);
    expect(off.coverage).toEqual({ radars: 3, acousticNodes: expect.any(Number), observerPosts: 5 });
    expect(off.coverage.acousticNodes).toBeGreaterThan(300);
    const pixelsOff = await layerPixels('background');

    await page.locator('body').press('s');
    const on = await state();
    expect(on.layers.coverage).toBe(true);
    expect(await page.isChecked('#layer-coverage')).toBe(true);
    // Every radar, most microphones and the posts are in this view.
    expect(on.drawn.coverage).toBeGreaterThan(300);
    expect(await layerPixels('background')).not.toBe(pixelsOff);
    expect(new URL(page.url()).searchParams.get('layers')).toBe('coverage');
    await page.screenshot({ path: join(ARTIFACTS, 'console-coverage.png') });

    // The checkbox does the same as the key.
    await page.click('#layer-coverage');
    expect((await state()).drawn.coverage).toBe(0);
    expect(errors).toEqual([]);
  });
});
