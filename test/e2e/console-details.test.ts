/// <reference lib="dom" />
// Details on click in the console, and the lines from interceptors to their targets, checked
// against the CLI's event log of the same night: who is in the air, what each is sent after, the
// target and engaging unit of a threat, a unit's weapons left.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/model/events.js';
import { parseScenarioOrThrow } from '../../src/scenario/index.js';
import { launchChromium } from './browser.js';
import { ROOT, serveConsole } from './console-server.js';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const SCENARIO = join(ROOT, 'scenarios', 'kyiv-night.yaml');
/** 21:30 on the Kyiv night: both axes in the air, interceptors up. */
const T = 5400;

interface Bulwark {
  state(): { runs: number; ready: boolean; drawn: Record<string, number> };
  setTime(t: number): void;
  view(lat: number, lon: number, zoom: number): void;
  screenOf(kind: string, id: number): { x: number; y: number } | undefined;
  centreOn(kind: string, id: number): void;
  pairings(): [number, number][];
}

let server: FastifyInstance;
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
const folder = mkdtempSync(join(tmpdir(), 'bulwark-e2e-details-'));
const errors: string[] = [];
let events: SimEvent[] = [];

/** Clicks what the console draws for `kind` `id`, after centring the map on it. */
async function clickOn(kind: string, id: number): Promise<void> {
  await page.evaluate(
    ([k, i]) => (window as unknown as { bulwark: Bulwark }).bulwark.centreOn(k as string, i as number),
    [kind, id] as const,
  );
  const at = await page.evaluate(
    ([k, i]) => (window as unknown as { bulwark: Bulwark }).bulwark.screenOf(k as string, i as number),
    [kind, id] as const,
  );
  expect(at, `${kind} ${id} is on the map`).toBeDefined();
  const box = (await page.locator('#map').boundingBox())!;
  await page.mouse.click(box.x + at!.x, box.y + at!.y);
  await page.waitForSelector('.details-card:not([hidden])');
}

const detail = async (label: string) =>
  (await page.locator(`.details-card dd[data-detail="${label}"]`).textContent())!.trim();

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(folder, 'events.ndjson');
  execFileSync('node', [join(ROOT, 'bin', 'bulwark.js'), 'run', SCENARIO, '--events', file], {
    stdio: 'ignore',
  });
  events = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as SimEvent);
  let origin: string;
  ({ server, origin } = await serveConsole({
    scenariosDir: join(ROOT, 'scenarios'),
    resultsDir: join(folder, 'runs'),
  }));
  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/?scenario=kyiv-night.yaml&t=${T}`);
  await page.waitForFunction(
    () => (window as unknown as { bulwark: Bulwark }).bulwark.state().runs > 0,
    null,
    {
      timeout: 60_000,
    },
  );
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** From the CLI's log: threats and flights in the air at t, and the track (= threat) each flight is after. */
function truthAt(t: number) {
  const threats = new Map<number, Extract<SimEvent, { kind: 'threat-launch' }>>();
  const flights = new Map<number, { unit: string; target: number }>();
  for (const e of events) {
    if (e.t > t) break;
    if (e.kind === 'threat-launch') threats.set(e.threat, e);
    if (e.kind === 'kill' || e.kind === 'impact' || e.kind === 'expired' || e.kind === 'lost-ew')
      threats.delete(e.threat);
    if (e.kind === 'interceptor-launch') flights.set(e.flight, { unit: e.unit, target: e.track });
    if (e.kind === 'assignment' && e.flight >= 0 && flights.has(e.flight))
      flights.get(e.flight)!.target = e.track;
    if (
      (e.kind === 'intercept-attempt' && e.flight >= 0) ||
      e.kind === 'interceptor-lost' ||
      e.kind === 'interceptor-recovered'
    )
      flights.delete(e.flight);
  }
  return { threats, flights };
}

describe('console details and pairing lines', () => {
  it('draws a line from every interceptor in the air to the threat it is after', async () => {
    const truth = truthAt(T);
    const shown = await page.evaluate(() => (window as unknown as { bulwark: Bulwark }).bulwark.pairings());
    expect(new Map(shown)).toEqual(new Map([...truth.flights].map(([f, p]) => [f, p.target])));
    const expected = [...truth.flights.values()].filter((p) => truth.threats.has(p.target)).length;
    expect(expected).toBeGreaterThan(0);
    const drawn = await page.evaluate(
      () => (window as unknown as { bulwark: Bulwark }).bulwark.state().drawn,
    );
    expect(drawn.pairings).toBe(expected);
  });

  it('shows a threat on click: type, speed, altitude, target, time to impact, who engages it', async () => {
    const truth = truthAt(T);
    const scenario = parseScenarioOrThrow(readFileSync(SCENARIO, 'utf8'), 'kyiv-night.yaml');
    // A threat an interceptor is after.
    const [flight, pairing] = [...truth.flights].find(([, p]) => truth.threats.has(p.target))!;
    const launch = truth.threats.get(pairing.target)!;
    const where = await page.evaluate(
      (id) => (window as unknown as { bulwark: Bulwark }).bulwark.screenOf('threat', id),
      launch.threat,
    );
    expect(where).toBeDefined();
    await clickOn('threat', launch.threat);
    const type = scenario.threatTypes.find((x) => x.name === launch.type)!;
    expect(await page.textContent('.details-card h3')).toBe(
      `${launch.type} #${launch.threat}${type.decoy ? ' (decoy)' : ''}`,
    );
    expect(await detail('target')).toBe(launch.aim);
    expect(await detail('wave')).toBe(launch.wave);
    const speed = Number((await detail('speed')).replace(' km/h', ''));
    expect(Math.abs(speed - type.speedMps * 3.6)).toBeLessThan(type.speedMps * 3.6 * 0.15);
    expect(Number((await detail('altitude')).replace(' m', ''))).toBeGreaterThan(0);
    expect(await detail('heading')).toMatch(/^\d{3}°$/);
    expect(await detail('time to impact')).toMatch(/^≈ \d+ min \d\d s$/);
    expect(await detail('engaged by')).toContain(pairing.unit);
    await page.screenshot({ path: join(ARTIFACTS, 'console-details-threat.png') });

    // The interceptor after it.
    await clickOn('flight', flight);
    expect(await page.textContent('.details-card h3')).toBe(`${pairing.unit} flight ${flight}`);
    expect(await detail('target')).toBe(`threat #${launch.threat}`);
    expect(await detail('time to intercept')).toMatch(/^≈ \d+ min \d\d s$/);
    await page.keyboard.press('Escape');
    expect(await page.locator('.details-card').isHidden()).toBe(true);
  });

  it('shows a unit with its weapons left and an asset with its damage, as the log has them', async () => {
    const scenario = parseScenarioOrThrow(readFileSync(SCENARIO, 'utf8'), 'kyiv-night.yaml');
    const unit = scenario.defenders[0];
    let left = unit.stock;
    let engagements = 0;
    for (const e of events) {
      if (e.t > T || !('unit' in e) || e.unit !== unit.name) continue;
      if (e.kind === 'interceptor-launch') left--;
      if (e.kind === 'interceptor-recovered') left++;
      if (e.kind === 'resupply') left += e.amount;
      if (e.kind === 'intercept-attempt') engagements++;
    }
    await clickOn('unit', 0);
    expect(await page.textContent('.details-card h3')).toBe(unit.name);
    expect(await detail('weapons left')).toMatch(new RegExp(`^${left} of \\d+$`));
    expect(Number(await detail('engagements'))).toBe(engagements);

    // An asset just after it was first hit.
    const first = events.find((e) => e.kind === 'impact') as Extract<SimEvent, { kind: 'impact' }>;
    const at = first.t + 1;
    await page.evaluate((s) => (window as unknown as { bulwark: Bulwark }).bulwark.setTime(s), at);
    const hits = new Map<string, number>();
    for (const e of events)
      if (e.t <= at && e.kind === 'impact') hits.set(e.asset, (hits.get(e.asset) ?? 0) + 1);
    const index = scenario.assets.findIndex((a) => a.name === first.asset);
    expect(index).toBeGreaterThanOrEqual(0);
    await clickOn('asset', index);
    expect(await page.textContent('.details-card h3')).toBe(scenario.assets[index].name);
    expect(await detail('damage')).toMatch(
      new RegExp(`\\(${hits.get(scenario.assets[index].name)} hits?\\)$`),
    );
    await page.screenshot({ path: join(ARTIFACTS, 'console-details-asset.png') });
    expect(errors).toEqual([]);
  });

  it('has a legend of every symbol and colour, each drawn', async () => {
    await page.click('#legend-panel summary');
    await page.waitForSelector('#legend li');
    const entries = await page.evaluate(() =>
      [...document.querySelectorAll('#legend li')].map((li) => {
        const canvas = li.querySelector('canvas')!;
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let ink = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] > 0) ink++;
        return { text: li.textContent, ink };
      }),
    );
    expect(entries.map((e) => e.text)).toEqual(
      expect.arrayContaining([
        'attack drone (hostile)',
        'decoy (unknown)',
        'hostile track: decoy ≤ 25%, σ ≤ 2 km',
        'SAM missile in flight',
        'interceptor → what it is after',
        'asset destroyed',
        'electronic-warfare zone',
      ]),
    );
    for (const e of entries) expect([e.text, e.ink > 10]).toEqual([e.text, true]);
    await page.locator('#legend-panel').screenshot({ path: join(ARTIFACTS, 'console-legend.png') });
  });
});
