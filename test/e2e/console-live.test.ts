/// <reference lib="dom" />
// The console's live mode, as `bulwark live --http` serves it, in Chromium. A night is recorded
// with `bulwark run --events`; the threats in the air at one moment of it (flown again by the
// replay's own code) are written as a GeoJSON feed that a real `bulwark live` process follows.
// The picture then holds still (no later report, a long feed timeout), so what the page shows can
// be checked exactly against the operator API's own plan and status: the tracks, every
// recommendation's track and unit, the stock of each unit. Accept is clicked on a recommendation:
// the API must show the engagement and the unit's stock one lower, and so must the page; Reject
// on another: the next plan must not offer that pair again.

import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFrame } from '../../src/core/geo.js';
import { readEventLog } from '../../src/io/night-replay-source.js';
import type { LivePlan } from '../../src/model/live.js';
import type { Scenario } from '../../src/model/scenario.js';
import { replayNight } from '../../src/run/night-replay.js';
import { parseScenarioOrThrow } from '../../src/scenario/index.js';
import type { LiveStatus } from '../../src/web/live-source.js';
import { launchChromium } from './browser.js';
import { ROOT } from './console-server.js';

const ARTIFACTS = join(ROOT, 'test-artifacts');
const BIN = join(ROOT, 'bin', 'bulwark.js');
/** Seconds into the small night: both waves in the air, well short of the city. */
const T = 600;

/** What the page says of its live view (src/web/live-view.ts LiveState). */
interface LiveState {
  seq: number;
  feed: string;
  tracks: number;
  recommendations: { track: string; unit: string; now: boolean }[];
  stock: Record<string, number>;
  engagements: { track: string; unit: string }[];
  lines: number;
}

interface Bulwark {
  state(): { ready: boolean; drawn: Record<string, number>; live?: LiveState };
  view(lat: number, lon: number, zoom: number): void;
  screenOf(kind: string, id: number): { x: number; y: number } | undefined;
}

const folder = mkdtempSync(join(tmpdir(), 'bulwark-e2e-live-'));
let live: ChildProcess;
let stderr = '';
let origin = '';
let browser: Awaited<ReturnType<typeof launchChromium>>;
let page: Page;
const errors: string[] = [];
let sent = 0;

const api = async <T>(path: string): Promise<T> => (await (await fetch(`${origin}${path}`)).json()) as T;
const liveState = () =>
  page.evaluate(() => (window as unknown as { bulwark: Bulwark }).bulwark.state().live!);

/** Waits until `check` holds, polling; fails with the last value after `ms`. */
async function until<T>(what: string, get: () => Promise<T>, check: (v: T) => boolean, ms = 120_000) {
  const end = Date.now() + ms;
  let last: T = await get();
  while (!check(last)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
    last = await get();
  }
  return last;
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const scenarioFile = join(folder, 'night.yaml');
  const text =
    readFileSync(join(ROOT, 'test', 'fixtures', 'small-night.yaml'), 'utf8') + 'c2: { policy: greedy-mmr }\n';
  writeFileSync(scenarioFile, text);
  const night = join(folder, 'night.ndjson');
  execFileSync(process.execPath, [BIN, 'run', scenarioFile, '--events', night], { stdio: 'ignore' });

  // The threats in the air at T, as the replay flies them, as one GeoJSON feature each.
  const scenario = parseScenarioOrThrow(text, 'night.yaml');
  const frame = new LocalFrame(scenario.origin);
  const at = [...replayNight(scenario, readEventLog(night), 10)].find((f) => f.t >= T)!;
  const time = new Date(Date.parse(scenario.startIso) + at.t * 1000);
  const lines = at.threats.map((th) => {
    const p = frame.toLatLon(th.x, th.y);
    return JSON.stringify({
      type: 'Feature',
      id: `bulwark.threat.${th.threat}`,
      geometry: { type: 'Point', coordinates: [p.lonDeg, p.latDeg, th.z] },
      properties: {
        time: time.toISOString(),
        // Long enough that nothing ages out while the test looks at it.
        stale: new Date(time.getTime() + 3600_000).toISOString(),
        course: ((Math.atan2(th.vx, th.vy) * 180) / Math.PI + 360) % 360,
        speed: Math.hypot(th.vx, th.vy),
        pDecoy: th.decoy ? 1 : 0,
      },
    });
  });
  sent = lines.length;
  const feed = join(folder, 'tracks.geojsonl');
  writeFileSync(feed, lines.join('\n') + '\n');

  live = spawn(
    process.execPath,
    [BIN, 'live', scenarioFile, '--geojson', feed, '--http', '127.0.0.1:0', '--feed-timeout', '3600'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  live.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await until(
    'the console URL on stderr',
    async () => /live: console on (http:\/\/127\.0\.0\.1:\d+)\/\?live/.exec(stderr),
    (m) => m !== null,
  );
  origin = url![1];
  // Every report taken, and a plan made over all of them.
  await until(
    'a plan over the whole feed',
    async () =>
      [await api<LiveStatus>('/api/live/status'), await api<LivePlan | null>('/api/live/plan')] as const,
    ([status, plan]) => status.counts.accepted === sent && plan?.tracks === sent,
  );

  browser = await launchChromium();
  page = await browser.context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  // The bare address: the server sends the console to its live mode itself.
  await page.goto(`${origin}/`);
  expect(new URL(page.url()).searchParams.has('live')).toBe(true);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  live?.kill('SIGINT');
  rmSync(folder, { recursive: true, force: true });
});

describe('the console in live mode', () => {
  it('shows the live picture and the plan the operator API gives', async () => {
    const plan = (await api<LivePlan>('/api/live/plan'))!;
    const status = await api<LiveStatus>('/api/live/status');
    expect(plan.tracks).toBe(sent);
    expect(plan.recommendations.length).toBeGreaterThan(1);
    const shown = await until('the page to show the last plan', liveState, (s) => s.seq === plan.seq);
    // Every track of the picture in the view, and drawn with the replay's track symbols.
    await page.evaluate(() => {
      (window as unknown as { bulwark: Bulwark }).bulwark.view(50.45, 31.05, 8);
    });
    const drawn = await page.evaluate(
      () => (window as unknown as { bulwark: Bulwark }).bulwark.state().drawn,
    );
    expect(shown.tracks).toBe(plan.tracks);
    expect(drawn.tracks).toBe(plan.tracks);
    expect(drawn.assets).toBe(2);
    expect(drawn.units).toBe(1);
    // One line from the unit to the intercept point per recommendation.
    expect((await liveState()).lines).toBe(plan.recommendations.length);
    expect(shown.feed).toBe('ok');
    await expect.poll(() => page.textContent('.live-feed')).toBe('feed ok');

    const items = page.locator('.live-recommendations li[data-track]');
    expect(await items.count()).toBe(plan.recommendations.length);
    const listed = await items.evaluateAll((lis) =>
      lis.map((li) => [(li as HTMLElement).dataset.track, (li as HTMLElement).dataset.unit]),
    );
    expect(listed).toEqual(plan.recommendations.map((r) => [r.track, r.unit]));
    const first = plan.recommendations[0];
    const item = items.first();
    expect(await item.locator('.rec-when').textContent()).toBe(
      first.now ? 'now' : `in ${Math.round(first.launchInS)} s`,
    );
    expect(await item.locator('dd[data-measure="pk"]').textContent()).toBe(first.pk.toFixed(2));
    expect(await item.locator('dd[data-measure="value saved"]').textContent()).toBe(
      first.valueSaved.toFixed(2),
    );
    for (const [unit, left] of Object.entries(status.stock))
      expect(await page.textContent(`.live-stock tr[data-unit="${unit}"] td.num`)).toBe(String(left));
    expect(await page.textContent('.live-counts dd[data-measure="tracks"]')).toBe(String(sent));
    // What makes no sense live is gone.
    for (const id of ['#run', '#scrub', '#play', '#open-batches', '#events', '#edit-scenario'])
      expect(await page.locator(id).isVisible()).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, 'console-live.png') });
  });

  it('accepts a recommendation: the API and the page show the engagement and the stock one lower', async () => {
    const plan = (await api<LivePlan>('/api/live/plan'))!;
    const before = await api<LiveStatus>('/api/live/status');
    const shot = plan.recommendations.find((r) => r.now) ?? plan.recommendations[0];
    await until('the page to show the last plan', liveState, (s) => s.seq === plan.seq);
    await page.click(
      `.live-recommendations li[data-track="${shot.track}"][data-unit="${shot.unit}"] button[data-answer="accept"]`,
    );
    const status = await until(
      'the engagement in the status',
      () => api<LiveStatus>('/api/live/status'),
      (s) => s.engagements.length === 1,
    );
    expect(status.engagements[0]).toMatchObject({ track: shot.track, unit: shot.unit });
    expect(status.stock[shot.unit]).toBe(before.stock[shot.unit] - 1);
    const next = await until(
      'a plan after the answer',
      () => api<LivePlan>('/api/live/plan'),
      (p) => p.seq > plan.seq,
    );
    expect(next.engaging).toBe(1);
    // The page follows: the engagement listed with its result buttons, the stock one lower.
    const shown = await until('the page to show the new plan', liveState, (s) => s.seq === next.seq);
    expect(shown.engagements).toEqual([{ track: shot.track, unit: shot.unit }]);
    expect(shown.stock[shot.unit]).toBe(before.stock[shot.unit] - 1);
    await page.waitForSelector(`.live-engagements li[data-track="${shot.track}"][data-unit="${shot.unit}"]`);
    expect(await page.textContent(`.live-stock tr[data-unit="${shot.unit}"] td.num`)).toBe(
      String(before.stock[shot.unit] - 1),
    );
    expect(await page.textContent('.live-message')).toBe(`accepted: ${shot.unit} → ${shot.track}`);
    expect(shown.recommendations).toEqual(
      next.recommendations.map((r) => ({ track: r.track, unit: r.unit, now: r.now })),
    );
    await page.screenshot({ path: join(ARTIFACTS, 'console-live-accepted.png') });
  });

  it('rejects a recommendation: the next plan does not offer that unit on that track again', async () => {
    const plan = (await api<LivePlan>('/api/live/plan'))!;
    const shot = plan.recommendations[0];
    await until('the page to show the last plan', liveState, (s) => s.seq === plan.seq);
    await page.click(
      `.live-recommendations li[data-track="${shot.track}"][data-unit="${shot.unit}"] button[data-answer="reject"]`,
    );
    const next = await until(
      'a plan after the answer',
      () => api<LivePlan>('/api/live/plan'),
      (p) => p.seq > plan.seq,
    );
    expect(next.recommendations.some((r) => r.track === shot.track && r.unit === shot.unit)).toBe(false);
    const shown = await until('the page to show it', liveState, (s) => s.seq === next.seq);
    expect(shown.recommendations.some((r) => r.track === shot.track && r.unit === shot.unit)).toBe(false);
    expect(await page.textContent('.live-message')).toBe(`rejected: ${shot.unit} → ${shot.track}`);
  });

  it('tells a track on the map by its feed uid', async () => {
    const picture = await api<{ tracks: { uid: string; id: number; e: number; n: number }[] }>(
      '/api/live/picture',
    );
    const track = picture.tracks[0];
    const { scenario } = await api<{ scenario: Scenario }>('/api/live/scenario');
    const p = new LocalFrame(scenario.origin).toLatLon(track.e, track.n);
    await page.evaluate(
      ([lat, lon]) => {
        (window as unknown as { bulwark: Bulwark }).bulwark.view(lat, lon, 13);
      },
      [p.latDeg, p.lonDeg] as const,
    );
    const at = await page.evaluate(
      (id) => (window as unknown as { bulwark: Bulwark }).bulwark.screenOf('track', id),
      track.id,
    );
    expect(at).toBeDefined();
    const box = (await page.locator('#map').boundingBox())!;
    await page.mouse.click(box.x + at!.x, box.y + at!.y);
    await page.waitForSelector('.details-card:not([hidden])');
    expect(await page.textContent('.details-card h3')).toBe(track.uid);
    expect(errors).toEqual([]);
  });
});
