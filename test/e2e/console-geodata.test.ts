/// <reference lib="dom" />
// The console's geodata downloads in Debian's Chromium: a run shown in the console is downloaded as
// GeoJSON and KML through the buttons, like a user would, and both files, read by maintained
// parsers (check-geojson; togeojson over xmldom), hold as many kills, impacts, assets and units as
// the page shows for that run.

import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '@placemarkio/check-geojson';
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { FastifyInstance } from 'fastify';
import type { Feature, FeatureCollection } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_WAIT_MS, launchChromium } from './browser.js';
import { ROOT, serveConsole } from './console-server.js';

interface Bulwark {
  state(): {
    ready: boolean;
    runs: number;
    endS: number;
    drawn: { assets: number; units: number; kills: number; impacts: number };
  };
  setTime(t: number): void;
}

let server: FastifyInstance;
let origin = '';
let browser: Awaited<ReturnType<typeof launchChromium>>;
const folder = mkdtempSync(join(tmpdir(), 'bulwark-e2e-geodata-'));

beforeAll(async () => {
  ({ server, origin } = await serveConsole({
    storeFile: join(folder, 'results.db'),
    scenariosDir: join(ROOT, 'scenarios'),
    resultsDir: folder,
  }));
  browser = await launchChromium();
}, 2 * BROWSER_WAIT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

const state = (page: Page) =>
  page.evaluate(() => (window as unknown as { bulwark: Bulwark }).bulwark.state());

/** Clicks a download button and reads the file the browser saved. */
async function download(page: Page, button: string): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = join(folder, file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

function countLayers(features: readonly Feature[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const f of features) {
    const layer = String(f.properties?.layer);
    counts[layer] = (counts[layer] ?? 0) + 1;
  }
  return counts;
}

const measure = async (page: Page, name: string) =>
  Number(await page.textContent(`[data-measure="${name}"]`));

describe('console geodata downloads', { timeout: 3 * BROWSER_WAIT_MS }, () => {
  it('downloads the run on show as GeoJSON and KML with its kills, impacts, assets and units', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${origin}/?scenario=cruise-missile-raid.yaml`);
    await page.waitForFunction(
      () => (window as unknown as { bulwark?: Bulwark }).bulwark?.state().runs === 1,
      null,
      { timeout: BROWSER_WAIT_MS },
    );
    expect(await page.isEnabled('#download-geojson')).toBe(true);

    // What the page shows for the whole night: the outcome panel and the map at the end.
    const { endS } = await state(page);
    await page.evaluate((t) => (window as unknown as { bulwark: Bulwark }).bulwark.setTime(t), endS);
    const { drawn } = await state(page);
    const shown = {
      asset: drawn.assets,
      unit: drawn.units,
      kills: await measure(page, 'destroyed'),
      impact: await measure(page, 'leaked (hit an asset)'),
    };
    const status = (await page.textContent('#status')) ?? '';
    const seed = /seed (\d+)/.exec(status)![1];
    expect(shown.kills).toBeGreaterThan(0);
    expect(shown.impact).toBeGreaterThan(0);
    expect(shown.asset).toBeGreaterThan(0);
    expect(shown.unit).toBeGreaterThan(0);

    const geojson = await download(page, '#download-geojson');
    expect(geojson.name).toBe(`${slugOf(status)}-seed-${seed}.geojson`);
    const collection = check(geojson.text) as FeatureCollection;
    const counts = countLayers(collection.features);
    const kills = collection.features.filter(
      (f) => f.properties?.layer === 'intercept' && f.properties.result === 'kill',
    );
    expect({
      asset: counts.asset,
      unit: counts.unit,
      kills: kills.length,
      impact: counts.impact ?? 0,
    }).toEqual(shown);
    // Every kill is placed and timed within the night, and the threats' paths came along.
    for (const k of kills) {
      expect((k.geometry as { coordinates: number[] }).coordinates).toHaveLength(3);
      expect(k.properties!.tS).toBeLessThanOrEqual(endS);
    }
    expect(counts['threat-path']).toBeGreaterThan(0);

    const kmlFile = await download(page, '#download-kml');
    expect(kmlFile.name).toBe(geojson.name.replace(/\.geojson$/, '.kml'));
    const parseErrors: string[] = [];
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') parseErrors.push(message);
      },
    }).parseFromString(kmlFile.text, 'text/xml');
    expect(parseErrors).toEqual([]);
    const back = kml(doc as unknown as Document);
    expect(back.features).toHaveLength(collection.features.length);
    expect(countLayers(back.features as Feature[])).toEqual(counts);
    expect(
      back.features.filter((f) => f.properties?.layer === 'intercept' && f.properties.result === 'kill'),
    ).toHaveLength(shown.kills);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/** The file-name stem the console gives a scenario named in the status line. */
function slugOf(status: string): string {
  const name = status.slice(0, status.indexOf(', seed'));
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
