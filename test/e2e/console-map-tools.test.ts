/// <reference lib="dom" />
// The map's base layer and instruments in Debian's Chromium, checked against data worked out here:
// the Natural Earth rivers, lakes and oblast borders of the build; the scale bar and the pointer's
// position against Web Mercator; range rings against the scenario's units; the distance tool
// against a haversine of the clicked points; a failing tile server said on screen; threats
// aggregated into count markers at low zoom against a binning of their screen positions; labels
// that never overlap; ticks on the time bar at the CLI's kills, impacts and EW losses.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBaseMap } from '../../scripts/base-map.mjs';
import type { SimEvent } from '../../src/model/events.js';
import { parseScenarioOrThrow } from '../../src/scenario/index.js';
import { launchChromium } from './browser.js';
import { ROOT, serveConsole } from './console-server.js';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const SCENARIO = 'kyiv-night.yaml';
/** 21:30 on the Kyiv night: both axes of the raid in the air. */
const T = 5400;
const CELL_PX = 48;
const MIN_AGGREGATE = 3;

interface Ring {
  name: string;
  kind: string;
  lat: number;
  lon: number;
  radiusM: number;
}
interface ToolState {
  runs: number;
  center: { lat: number; lon: number };
  zoom: number;
  drawn: Record<string, number>;
  baseMap: { rivers: number; lakes: number; regions: number };
  rings: Ring[];
  measurement: { points: { lat: number; lon: number }[]; distanceKm?: number; bearingDeg?: number };
  tiles: { errors: number; loads: number; notice?: string };
  aggregates: { x: number; y: number; column: number; row: number; count: number; ids: number[] }[];
  labels: { placed: { text: string; box: [number, number, number, number] }[]; hidden: number };
  ticks: Record<string, number>;
  endS: number;
}
interface Bulwark {
  state(): ToolState;
  setTime(t: number): void;
  view(lat: number, lon: number, zoom: number): void;
  screenOf(kind: string, id: number): { x: number; y: number } | undefined;
  inAir(kind: string): number[];
}

let server: FastifyInstance;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
const folder = mkdtempSync(join(tmpdir(), 'bulwark-e2e-map-tools-'));
const errors: string[] = [];
const scenario = parseScenarioOrThrow(readFileSync(join(ROOT, 'scenarios', SCENARIO), 'utf8'), SCENARIO);

const state = () => page.evaluate(() => (window as unknown as { bulwark: Bulwark }).bulwark.state());
/** Sets the view and waits until the map holds it: a framing that was still due (the first run's)
 *  must not move the map under a test's pointer. */
async function view(lat: number, lon: number, zoom: number): Promise<void> {
  // Leaflet keeps the centre to a whole pixel.
  const pixelDeg = 360 / (256 * 2 ** zoom);
  for (let attempt = 0; attempt < 50; attempt++) {
    await page.evaluate(
      ([a, b, z]) => void (window as unknown as { bulwark: Bulwark }).bulwark.view(a, b, z),
      [lat, lon, zoom] as const,
    );
    await page.waitForTimeout(100);
    const s = await state();
    if (s.zoom === zoom && Math.abs(s.center.lat - lat) < pixelDeg && Math.abs(s.center.lon - lon) < pixelDeg)
      return;
  }
  throw new Error(`the map did not settle at ${lat}, ${lon}, zoom ${zoom}`);
}
const mapSize = () =>
  page.evaluate(() => {
    const map = document.getElementById('map')!;
    return { x: map.clientWidth, y: map.clientHeight };
  });

/** Web Mercator, worked here: the lat/lon at a container pixel for a view's centre and zoom. */
function containerToLatLon(
  px: { x: number; y: number },
  size: { x: number; y: number },
  center: { lat: number; lon: number },
  zoom: number,
) {
  const world = 256 * 2 ** zoom;
  const cx = ((center.lon + 180) / 360) * world;
  const sin = Math.sin((center.lat * Math.PI) / 180);
  const cy = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * world;
  const x = cx + px.x - size.x / 2;
  const y = cy + px.y - size.y / 2;
  const lon = (x / world) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / world))) * 180) / Math.PI;
  return { lat, lon };
}

/** Great-circle distance, worked here (mean Earth radius, 6371.0088 km). */
function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

/** Pixels drawn (alpha > 0) in a Leaflet pane's canvas. */
const panePixels = (pane: string) =>
  page.evaluate((p) => {
    const canvas = document.querySelector(`.leaflet-${p}-pane canvas`) as HTMLCanvasElement | null;
    if (!canvas) return 0;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let drawn = 0;
    for (let k = 3; k < data.length; k += 4) if (data[k] > 0) drawn++;
    return drawn;
  }, pane);

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  let origin: string;
  ({ server, origin } = await serveConsole({
    scenariosDir: join(ROOT, 'scenarios'),
    resultsDir: join(folder, 'runs'),
  }));
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/?scenario=${SCENARIO}&t=${T}`);
  await page.waitForFunction(() => {
    const s = (window as unknown as { bulwark: Bulwark }).bulwark.state();
    return s.runs > 0 && s.baseMap.rivers > 0;
  });
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the offline base map', () => {
  it('draws the Natural Earth rivers, lakes and region borders of the build', async () => {
    const data = buildBaseMap();
    const s = await state();
    expect(s.baseMap).toEqual({
      rivers: data.rivers.features.length,
      lakes: data.lakes.features.length,
      regions: data.regions.features.length,
    });
    expect(s.baseMap.rivers).toBeGreaterThan(5);
    expect(s.baseMap.regions).toBeGreaterThan(27);
    await view(50.2, 31.0, 7);
    await page.waitForTimeout(300);
    expect(await panePixels('base-detail')).toBeGreaterThan(1000);
    await page.screenshot({ path: join(ARTIFACTS, 'console-base-map.png') });
  });
});

describe('the map instruments', () => {
  it('has a scale bar as long as Web Mercator says', async () => {
    await view(50.45, 30.52, 9);
    const s = await state();
    const line = page.locator('.leaflet-control-scale-line').first();
    const text = (await line.textContent())!.trim();
    const match = /^(\d+)\s*(m|km)$/.exec(text);
    expect(match, text).not.toBeNull();
    const metres = Number(match![1]) * (match![2] === 'km' ? 1000 : 1);
    const width = await line.evaluate((el) => (el as HTMLElement).getBoundingClientRect().width);
    const metresPerPixel = (40_075_016.686 * Math.cos((s.center.lat * Math.PI) / 180)) / (256 * 2 ** s.zoom);
    // Leaflet measures along the map's middle row, which is the centre's latitude.
    expect(metres / width / metresPerPixel).toBeGreaterThan(0.98);
    expect(metres / width / metresPerPixel).toBeLessThan(1.02);
  });

  it('reads out the position under the pointer', async () => {
    await view(50.45, 30.52, 9);
    const size = await mapSize();
    const box = (await page.locator('#map').boundingBox())!;
    for (const px of [
      { x: 200, y: 150 },
      { x: size.x - 300, y: size.y - 200 },
    ]) {
      await page.mouse.move(box.x + px.x, box.y + px.y);
      // The view as it is under the pointer now (a details card may have resized the map).
      const s = await state();
      const readout = page.locator('.map-readout .coordinates');
      const lat = Number(await readout.getAttribute('data-lat'));
      const lon = Number(await readout.getAttribute('data-lon'));
      const expected = containerToLatLon(px, size, s.center, s.zoom);
      // Within a pixel (about 0.002° at zoom 9).
      expect(Math.abs(lat - expected.lat)).toBeLessThan(0.002);
      expect(Math.abs(lon - expected.lon)).toBeLessThan(0.003);
      const text = (await readout.textContent())!;
      expect(text).toBe(`${lat.toFixed(4)}° N ${lon.toFixed(4)}° E`);
    }
  });

  it('rings every unit that has a reach, and only those, with G', async () => {
    await page.locator('body').press('Escape');
    await view(50.45, 30.52, 8);
    expect((await state()).rings).toEqual([]);
    const before = await panePixels('map-tools');
    await page.locator('body').press('g');
    const s = await state();
    const reaching = scenario.defenders.filter((d) => d.kind !== 'jet');
    const radars = scenario.sensors.filter((x) => x.type === 'radar');
    expect(s.rings).toHaveLength(reaching.length + radars.length);
    expect(s.rings.map((r) => r.name).sort()).toEqual(
      [...reaching.map((d) => d.name), ...radars.map((r) => r.name)].sort(),
    );
    for (const unit of reaching) {
      const ring = s.rings.find((r) => r.name === unit.name)!;
      if (unit.kind === 'sam') expect(ring.radiusM).toBe(unit.maxRangeM);
      if (unit.kind === 'gun' || unit.kind === 'fire-group') expect(ring.radiusM).toBe(unit.rangeM);
      if (unit.kind === 'interceptor-drone') expect(ring.radiusM).toBe(unit.speedMps * unit.enduranceS);
    }
    expect(await panePixels('map-tools')).toBeGreaterThan(before);
    expect(new URL(page.url()).searchParams.get('layers')).toBe('ranges');
    expect(await page.getAttribute('.rings-toggle', 'aria-pressed')).toBe('true');
    await page.screenshot({ path: join(ARTIFACTS, 'console-ranges.png') });
    // The button does the same as the key.
    await page.click('.rings-toggle');
    expect((await state()).rings).toEqual([]);
    expect(new URL(page.url()).searchParams.get('layers')).toBeNull();
  });

  it('measures the great-circle distance between two clicked points', async () => {
    await view(50.3, 30.9, 8);
    const box = (await page.locator('#map').boundingBox())!;
    const size = await mapSize();
    await page.locator('body').press('m');
    expect(await page.getAttribute('.measure-toggle', 'aria-pressed')).toBe('true');
    const clicks = [
      { x: 180, y: 200 },
      { x: size.x - 260, y: size.y - 140 },
    ];
    const picked: { lat: number; lon: number }[] = [];
    for (const px of clicks) {
      await page.mouse.move(box.x + px.x, box.y + px.y);
      await page.mouse.click(box.x + px.x, box.y + px.y);
      // Read where the pointer is once clicked: the tool's panel may have resized the map under it.
      const readout = page.locator('.map-readout .coordinates');
      picked.push({
        lat: Number(await readout.getAttribute('data-lat')),
        lon: Number(await readout.getAttribute('data-lon')),
      });
    }
    const s = await state();
    expect(s.measurement.points).toHaveLength(2);
    for (let k = 0; k < 2; k++) {
      expect(s.measurement.points[k].lat).toBeCloseTo(picked[k].lat, 9);
      expect(s.measurement.points[k].lon).toBeCloseTo(picked[k].lon, 9);
    }
    const expectedKm = haversineKm(picked[0], picked[1]);
    expect(expectedKm).toBeGreaterThan(50);
    expect(Math.abs(s.measurement.distanceKm! - expectedKm) / expectedKm).toBeLessThan(1e-6);
    const shown = page.locator('.map-tools .distance');
    expect(Number(await shown.getAttribute('data-km'))).toBeCloseTo(expectedKm, 2);
    expect(await shown.textContent()).toContain(`${expectedKm.toFixed(1)} km`);
    // Going south-east: the bearing is between east and south.
    expect(s.measurement.bearingDeg).toBeGreaterThan(90);
    expect(s.measurement.bearingDeg).toBeLessThan(180);
    // Measuring clicks do not open details.
    expect(await page.locator('.details-card').isHidden()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'console-distance.png') });
    await page.locator('body').press('Escape');
    expect((await state()).measurement.points).toEqual([]);
  });

  it('says on screen when the tile server fails', async () => {
    // Nothing listens on the discard port of the loopback address: every tile fails at once.
    await page.click('#map-options summary');
    await page.fill('#tiles', 'http://127.0.0.1:9/{z}/{x}/{y}.png');
    await page.dispatchEvent('#tiles', 'change');
    await page.waitForSelector('.tile-notice:not([hidden])');
    const s = await state();
    expect(s.tiles.errors).toBeGreaterThan(0);
    expect(s.tiles.loads).toBe(0);
    expect(await page.textContent('.tile-notice')).toContain(
      'http://127.0.0.1:9/{z}/{x}/{y}.png is not answering',
    );
    await page.screenshot({ path: join(ARTIFACTS, 'console-tile-error.png') });
    await page.fill('#tiles', '');
    await page.dispatchEvent('#tiles', 'change');
    expect(await page.locator('.tile-notice').isHidden()).toBe(true);
    expect((await state()).tiles.errors).toBe(0);
  });
});

describe('at low zoom', () => {
  it('aggregates the threats of a crowded cell into one count marker', async () => {
    await page.evaluate((t) => void (window as unknown as { bulwark: Bulwark }).bulwark.setTime(t), T);
    await view(51.0, 32.0, 6.5);
    const s = await state();
    expect(s.aggregates.length).toBeGreaterThan(0);
    // Where every threat in the air is on the screen, binned here into the same grid.
    const ids = await page.evaluate(() =>
      (window as unknown as { bulwark: Bulwark }).bulwark.inAir('threat'),
    );
    const size = await mapSize();
    const places = await page.evaluate(
      (list) =>
        list.map(
          (id) => [id, (window as unknown as { bulwark: Bulwark }).bulwark.screenOf('threat', id)!] as const,
        ),
      ids,
    );
    const inView = places.filter(([, p]) => p.x > -20 && p.y > -20 && p.x < size.x + 20 && p.y < size.y + 20);
    const bins = new Map<string, number[]>();
    for (const [id, p] of inView) {
      const key = `${Math.floor(p.x / CELL_PX)} ${Math.floor(p.y / CELL_PX)}`;
      bins.set(key, [...(bins.get(key) ?? []), id]);
    }
    // Everything in view is drawn, on its own or in a marker.
    expect(s.drawn.threats).toBe(inView.length);
    expect(s.drawn.aggregated).toBe(s.aggregates.reduce((n, a) => n + a.count, 0));
    let checked = 0;
    for (const a of s.aggregates) {
      expect(a.count).toBe(a.ids.length);
      expect(a.count).toBeGreaterThanOrEqual(MIN_AGGREGATE);
      for (const id of a.ids) {
        const p = places.find(([i]) => i === id)![1];
        // Within the marker's cell (to a pixel: the page projects with its own arithmetic).
        expect(p.x).toBeGreaterThan(a.column * CELL_PX - 1);
        expect(p.x).toBeLessThan((a.column + 1) * CELL_PX + 1);
        expect(p.y).toBeGreaterThan(a.row * CELL_PX - 1);
        expect(p.y).toBeLessThan((a.row + 1) * CELL_PX + 1);
      }
      const mine = bins.get(`${a.column} ${a.row}`) ?? [];
      // A point within a pixel of this cell's edges may fall either side of it in the page's
      // arithmetic: such cells are checked by the bounds above only.
      const [left, top] = [a.column * CELL_PX, a.row * CELL_PX];
      const nearEdge = inView.some(([, p]) => {
        const inX = p.x > left - 1 && p.x < left + CELL_PX + 1;
        const inY = p.y > top - 1 && p.y < top + CELL_PX + 1;
        const edgeX = Math.abs(p.x - left) < 1 || Math.abs(p.x - left - CELL_PX) < 1;
        const edgeY = Math.abs(p.y - top) < 1 || Math.abs(p.y - top - CELL_PX) < 1;
        return inX && inY && (edgeX || edgeY);
      });
      if (!nearEdge) {
        expect(a.count).toBe(mine.length);
        expect([...a.ids].sort((x, y) => x - y)).toEqual([...mine].sort((x, y) => x - y));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'console-aggregated.png') });

    // Zoomed in, every threat has its own symbol again.
    await view(50.45, 30.52, 9);
    const close = await state();
    expect(close.aggregates).toEqual([]);
    expect(close.drawn.aggregated).toBe(0);
  });

  it('leaves out labels that would overlap, the most valuable asset kept', async () => {
    await view(50.45, 30.52, 7);
    const s = await state();
    const boxes = s.labels.placed.map((p) => p.box);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        expect(a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1], `${i} and ${j} overlap`).toBe(false);
      }
    expect(s.labels.hidden).toBeGreaterThan(0);
    const top = [...scenario.assets].sort((a, b) => b.value - a.value)[0];
    // Its label carries the share of value lost once it is hit.
    expect(s.labels.placed.some((p) => p.text === top.name || p.text.startsWith(`${top.name} `))).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'console-labels.png') });
    expect(errors).toEqual([]);
  });
});

describe('the time bar', () => {
  it('has a tick for every kill, impact and EW loss of the night, where the scrub puts its time', async () => {
    const file = join(folder, 'events.ndjson');
    execFileSync(
      'node',
      [join(ROOT, 'bin', 'bulwark.js'), 'run', join(ROOT, 'scenarios', SCENARIO), '--events', file],
      {
        stdio: 'ignore',
      },
    );
    const events = readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l) as SimEvent);
    const of = (kind: string) => events.filter((e) => e.kind === kind);
    const s = await state();
    expect(s.ticks).toEqual({
      kill: of('kill').length,
      impact: of('impact').length,
      'lost-ew': of('lost-ew').length,
    });
    expect(s.ticks.kill).toBeGreaterThan(10);
    expect(s.ticks.impact).toBeGreaterThan(0);
    // The tick of each kill and impact is drawn in its row, in its colour, at its time's place.
    const rows: [string, number, (rgb: number[]) => boolean][] = [
      ['kill', 0, ([r, g, b]) => g > 150 && g > r + 40 && g > b],
      ['impact', 1, ([r, g, b]) => r > 200 && r > g + 80 && r > b + 80],
    ];
    for (const [kind, row, colour] of rows) {
      const times = of(kind).map((e) => e.t);
      const pixels = await page.evaluate(
        ([list, endS, r]) => {
          const scrub = document.getElementById('scrub') as HTMLInputElement;
          const canvas = document.querySelector('.time-ticks') as HTMLCanvasElement;
          const ratio = canvas.width / scrub.clientWidth;
          const ctx = canvas.getContext('2d')!;
          return (list as number[]).map((t) => {
            // Chromium's range track runs between the thumb's half-widths (8 px) at either end.
            const x = 8 + (t / (endS as number)) * (scrub.clientWidth - 16);
            return Array.from(
              ctx.getImageData(Math.round(x * ratio), Math.round(((r as number) * 3 + 1.5) * ratio), 1, 1)
                .data,
            );
          });
        },
        [times, s.endS, row] as const,
      );
      for (const p of pixels) expect(colour(p), `${kind} tick ${p.join(',')}`).toBe(true);
    }
    await page.locator('.timebar').screenshot({ path: join(ARTIFACTS, 'console-time-ticks.png') });
  });
});
