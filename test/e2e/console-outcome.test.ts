/// <reference lib="dom" />
// What the console's outcome panel, play button, event feed and side panel show, checked against
// the run they show: the CLI's own event log and outcome for the same scenario and seed.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimEvent } from '../../src/model/events.js';
import type { Outcome } from '../../src/model/outcome.js';
import { launchChromium } from './browser.js';
import { ROOT, serveConsole } from './console-server.js';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const CLI = join(ROOT, 'bin', 'bulwark.js');

interface Bulwark {
  state(): { ready: boolean; runs: number; t: number; endS: number; drawn: Record<string, number> };
  setTime(t: number): void;
  view(lat: number, lon: number, zoom: number): void;
  play(on: boolean): void;
}

let server: FastifyInstance;
let origin = '';
let browser: Awaited<ReturnType<typeof launchChromium>>;
const folder = mkdtempSync(join(tmpdir(), 'bulwark-e2e-outcome-'));
const errors: string[] = [];

/** The CLI's event log of a shipped scenario at its own seed. */
function cliEvents(scenario: string): SimEvent[] {
  const file = join(folder, `${scenario}.ndjson`);
  execFileSync('node', [CLI, 'run', join(ROOT, 'scenarios', scenario), '--events', file], {
    stdio: 'ignore',
  });
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as SimEvent);
}

/** Threats and interceptor flights in the air at t, counted from launches and ends in the log. */
function airborneAt(events: SimEvent[], t: number): { threats: number; flights: number } {
  let threats = 0;
  let flights = 0;
  for (const e of events) {
    if (e.t > t) continue;
    if (e.kind === 'threat-launch') threats++;
    if (e.kind === 'kill' || e.kind === 'impact' || e.kind === 'expired' || e.kind === 'lost-ew') threats--;
    if (e.kind === 'interceptor-launch') flights++;
    if (
      (e.kind === 'intercept-attempt' && e.flight >= 0) ||
      e.kind === 'interceptor-lost' ||
      e.kind === 'interceptor-recovered'
    )
      flights--;
  }
  return { threats, flights };
}

async function open(query: string): Promise<Page> {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/${query}`);
  await page.waitForFunction(() => (window as unknown as { bulwark?: Bulwark }).bulwark?.state().ready);
  return page;
}

async function waitForRun(page: Page, before = 0): Promise<void> {
  await page.waitForFunction(
    (n) => (window as unknown as { bulwark: Bulwark }).bulwark.state().runs > n,
    before,
    { timeout: 60_000 },
  );
}

const setTime = (page: Page, t: number) =>
  page.evaluate((s) => (window as unknown as { bulwark: Bulwark }).bulwark.setTime(s), t);
const view = (page: Page, lat: number, lon: number, zoom: number) =>
  page.evaluate(
    ([a, b, z]) => {
      (window as unknown as { bulwark: Bulwark }).bulwark.view(a, b, z);
    },
    [lat, lon, zoom] as const,
  );
const measure = async (page: Page, name: string) =>
  (await page.textContent(`[data-measure="${name}"]`))!.trim();

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ server, origin } = await serveConsole({
    scenariosDir: join(ROOT, 'scenarios'),
    resultsDir: join(folder, 'runs'),
  }));
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('console outcome panel against the run', () => {
  it('counts everything in the air, whatever the map shows, and keeps counting on pan and zoom', async () => {
    const events = cliEvents('kyiv-night.yaml');
    const page = await open('?scenario=kyiv-night.yaml');
    await waitForRun(page);
    // 21:30 on the Kyiv night: both axes are in the air.
    const t = 5400;
    const truth = airborneAt(events, t);
    expect(truth.threats).toBeGreaterThan(20);
    await setTime(page, t);
    // Zoomed out, both axes of the raid on the map.
    await view(page, 51.2, 32.2, 7);
    await page.waitForTimeout(300);
    const whole = await page.evaluate(() => (window as unknown as { bulwark: Bulwark }).bulwark.state());
    expect(Number(await measure(page, 'threats in the air'))).toBe(truth.threats);
    expect(Number(await measure(page, 'interceptors in the air'))).toBe(truth.flights);

    // Zoomed in on Kyiv: the map draws a few of them, the panel still counts them all.
    await view(page, 50.45, 30.52, 12);
    await page.waitForTimeout(300);
    const zoomed = await page.evaluate(() => (window as unknown as { bulwark: Bulwark }).bulwark.state());
    expect(zoomed.drawn.threats).toBeLessThan(whole.drawn.threats);
    expect(Number(await measure(page, 'threats in the air'))).toBe(truth.threats);
    expect(Number(await measure(page, 'interceptors in the air'))).toBe(truth.flights);
    await page.screenshot({ path: join(ARTIFACTS, 'console-counts-zoomed.png') });

    // Panned far away, nothing drawn: still the run's count; and at other moments too.
    await view(page, 46.0, 20.0, 9);
    await page.waitForTimeout(300);
    expect(Number(await measure(page, 'threats in the air'))).toBe(truth.threats);
    for (const moment of [600, 3000, 7777, 12_000]) {
      await setTime(page, moment);
      const at = airborneAt(events, moment);
      expect([moment, Number(await measure(page, 'threats in the air'))]).toEqual([moment, at.threats]);
      expect([moment, Number(await measure(page, 'interceptors in the air'))]).toEqual([moment, at.flights]);
    }

    // Before anything was spent there is no exchange to speak of.
    await setTime(page, 0);
    expect(await measure(page, 'cost-exchange ratio')).toBe('—');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('counts SAM and air-to-air missiles as interceptors spent, as the CLI does', async () => {
    const cli = JSON.parse(
      execFileSync('node', [CLI, 'run', join(ROOT, 'scenarios', 'cruise-missile-raid.yaml'), '--json'], {
        encoding: 'utf8',
      }),
    ) as { outcome: Outcome };
    const o = cli.outcome;
    expect(o.missilesSpent).toBeGreaterThan(0);
    const page = await open('?scenario=cruise-missile-raid.yaml&where=server');
    await waitForRun(page);
    const end = await page.evaluate(() => (window as unknown as { bulwark: Bulwark }).bulwark.state().endS);
    await setTime(page, end);
    expect(Number(await measure(page, 'interceptors spent'))).toBe(o.interceptorsSpent + o.missilesSpent);
    expect(await measure(page, 'drones / missiles')).toBe(`${o.interceptorsSpent} / ${o.missilesSpent}`);
    expect(Number(await measure(page, 'engagements'))).toBe(o.interceptAttempts);
    expect(await measure(page, 'cost-exchange ratio')).toBe(`${o.costExchangeRatio.toFixed(2)} : 1`);
    await page.screenshot({ path: join(ARTIFACTS, 'console-missiles-spent.png') });
    const runId = await page.inputValue('#stored-runs');
    expect(runId).toMatch(/^run-/);
    await page.close();

    // A link to the stored run shows its scenario in the picker, whatever scenario the link names.
    const shared = await open(`?run=${runId}&scenario=kyiv-night.yaml&t=600`);
    await waitForRun(shared);
    expect(await shared.inputValue('#scenario')).toBe('cruise-missile-raid.yaml');
    expect(await shared.inputValue('#stored-runs')).toBe(runId);
    expect(new URL(shared.url()).searchParams.get('scenario')).toBe('cruise-missile-raid.yaml');
    await shared.close();
  });

  it('draws its controls with glyphs the installed fonts have, and the feed follows the clock', async () => {
    const page = await open('?scenario=kyiv-night.yaml');
    await waitForRun(page);
    // The play button is an SVG icon: a triangle paused, two bars playing.
    expect(await page.locator('#play svg path').count()).toBe(1);
    await page.evaluate(() => (window as unknown as { bulwark: Bulwark }).bulwark.play(true));
    expect(await page.locator('#play svg rect').count()).toBe(2);
    expect((await page.textContent('#play'))!.trim()).toBe('');
    expect(await page.getAttribute('#play', 'aria-label')).toBe('Pause');
    await page.locator('#play').screenshot({ path: join(ARTIFACTS, 'console-pause-button.png') });
    await page.evaluate(() => (window as unknown as { bulwark: Bulwark }).bulwark.play(false));
    // Every character outside ASCII in the page's chrome has a glyph in some installed font.
    const text = await page.evaluate(() =>
      [...document.querySelectorAll('header, footer, aside h2, button, label, option')]
        .map((e) => e.textContent ?? '')
        .join(''),
    );
    const special = [...new Set([...text].filter((c) => c.codePointAt(0)! > 0x7e))];
    for (const c of special) {
      const hex = c.codePointAt(0)!.toString(16);
      const fonts = spawnSync('fc-list', [`:charset=${hex}`, 'family'], { encoding: 'utf8' });
      if (fonts.error) break; // no fontconfig tools: nothing to ask
      expect([c, fonts.stdout.trim() !== '']).toEqual([c, true]);
    }

    // Wherever the clock goes, the latest event so far shows in the feed.
    const visible = () =>
      page.evaluate(() => {
        const list = document.getElementById('events')!;
        const current = list.querySelector('li.current');
        // Before the first event, the top of the list.
        if (!current) return list.scrollTop === 0 ? 'visible' : 'scrolled without a current event';
        const a = current.getBoundingClientRect();
        const b = list.getBoundingClientRect();
        return a.top >= b.top - 1 && a.bottom <= b.bottom + 1 ? 'visible' : 'hidden';
      });
    const end = await page.evaluate(() => (window as unknown as { bulwark: Bulwark }).bulwark.state().endS);
    for (const t of [end, 0, 9000, 4000, end - 60, 100, 6000]) {
      await setTime(page, t);
      await page.waitForTimeout(100);
      expect([t, await visible()]).toEqual([t, 'visible']);
    }
    // Playing, too.
    await page.evaluate(() => (window as unknown as { bulwark: Bulwark }).bulwark.play(true));
    await page.waitForTimeout(1500);
    await page.evaluate(() => (window as unknown as { bulwark: Bulwark }).bulwark.play(false));
    await page.waitForTimeout(100);
    expect(await visible()).toBe('visible');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps a readable events list at 1024×700', async () => {
    const page = await open('?scenario=kyiv-night.yaml&t=9000');
    await page.setViewportSize({ width: 1024, height: 700 });
    await waitForRun(page);
    await page.waitForTimeout(300);
    const sizes = await page.evaluate(() => {
      const list = document.getElementById('events')!;
      const item = list.querySelector('li')!;
      return { list: list.clientHeight, item: item.getBoundingClientRect().height };
    });
    await page.screenshot({ path: join(ARTIFACTS, 'console-1024x700.png') });
    expect(sizes.item).toBeGreaterThan(10);
    expect(sizes.list / sizes.item).toBeGreaterThanOrEqual(8);
    // All of it on the screen, not below the fold of the side panel.
    const box = (await page.locator('#events').boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(700);
    expect(errors).toEqual([]);
    await page.close();
  });
});
