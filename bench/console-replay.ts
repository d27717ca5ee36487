// Replay of the record night (scenarios/record-night.yaml, ~820 threats plus interceptors) in the
// real console in headless Chromium: frame times measured in the page while it plays through the
// busiest hours. First with perfect sensing (the file's sensors swapped for an ideal one: the
// threats are the picture), then the night as shipped — seen by its radars, acoustic network and
// observer posts through the GNN tracker — replayed with every layer on: the track picture with its
// error ellipses, the sensor coverage, jets and fire groups moving. Anchor: 30 frames per second.
//
//   npm run build && node --import tsx bench/console-replay.ts

import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { buildServer } from '../src/server/app.js';
import { launchChromium } from '../test/e2e/browser.js';
import { recordNightIdeal } from './console-replay-scenario.js';

const ROOT = resolve(import.meta.dirname, '..');
const ANCHOR_FPS = 30;
const FRAMES = 300;
/** The benchmark browser's profile folder, which names its processes. */
let profile = '';

interface Bulwark {
  state(): {
    runs: number;
    t: number;
    endS: number;
    drawn: Record<string, number>;
    coverage: { radars: number; acousticNodes: number; observerPosts: number };
  };
  setTime(t: number): void;
  play(on: boolean): void;
  view(lat: number, lon: number, zoom: number): void;
  measureFrames(n: number): Promise<{ intervals: number[]; work: number[] }>;
}

function quantiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
  return { mean: values.reduce((s, v) => s + v, 0) / values.length, p50: at(0.5), p95: at(0.95) };
}

/**
 * CPU time (user + system) used so far by every process of the browser with this profile, ms:
 * measured this way, a frame's cost does not depend on how busy the rest of the machine is.
 */
function browserCpuMs(profile: string): number {
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended while being read.
    }
  }
  return ticks * 10;
}

/** Seconds after the record night's start (22:00) as a wall-clock time. */
const clock = (s: number) => {
  const m = Math.floor((22 * 3600 + s) / 60) % (24 * 60);
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function openRun(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(
    () => (window as unknown as { bulwark: Bulwark }).bulwark.state().runs > 0,
    null,
    {
      timeout: 300_000,
    },
  );
  // Warm up (JIT, the first paints of every layer) before anything is measured.
  await page.evaluate(async () => {
    const b = (window as unknown as { bulwark: Bulwark }).bulwark;
    b.setTime(3600);
    b.play(true);
    await b.measureFrames(120);
    b.play(false);
  });
}

/** Plays FRAMES frames from `startS` and prints frame intervals and drawing times; true when ≥ the anchor. */
async function measure(page: Page, label: string, startS: number): Promise<boolean> {
  const cpu0 = browserCpuMs(profile);
  const m = await page.evaluate(
    async ([s, n]) => {
      const b = (window as unknown as { bulwark: Bulwark }).bulwark;
      b.setTime(s);
      b.play(true);
      const frames = await b.measureFrames(n);
      b.play(false);
      return { ...frames, drawn: b.state().drawn };
    },
    [startS, FRAMES] as const,
  );
  const cpuPerFrame = (browserCpuMs(profile) - cpu0) / (m.intervals.length + 1);
  const interval = quantiles(m.intervals);
  const work = quantiles(m.work);
  const fps = 1000 / interval.mean;
  const d = m.drawn;
  const what =
    `${d.threats} threats, ${d.tracks} tracks (${d.ellipses} ellipses), ${d.flights} interceptors, ` +
    `${d.movingUnits} jets/fire groups on the move, ${d.coverage} sensor footprints`;
  console.log(
    `  ${label}: ${what}\n` +
      `    ${fps.toFixed(1)} fps = ${(fps / ANCHOR_FPS).toFixed(2)}× the ${ANCHOR_FPS} fps anchor; ` +
      `frame interval median ${interval.p50.toFixed(1)} ms, p95 ${interval.p95.toFixed(1)} ms; ` +
      `drawing median ${work.p50.toFixed(2)} ms, p95 ${work.p95.toFixed(2)} ms (load ${load()})\n` +
      `    CPU of all browser processes ${cpuPerFrame.toFixed(1)} ms a frame: ${(1000 / cpuPerFrame).toFixed(0)} fps ` +
      `on one free core = ${(1000 / cpuPerFrame / ANCHOR_FPS).toFixed(2)}× the anchor`,
  );
  return fps >= ANCHOR_FPS;
}

/**
 * The same page paused, counting animation frames that draw nothing: what the machine's load and
 * Chromium's own compositing leave of 60 fps, measured side by side with the replay.
 */
async function measureIdle(page: Page): Promise<void> {
  const cpu0 = browserCpuMs(profile);
  // As source text: a function compiled here would carry the bundler's helpers into the page.
  const intervals = (await page.evaluate(`new Promise((done) => {
    const out = [];
    let last = performance.now();
    requestAnimationFrame(function step(now) {
      out.push(now - last);
      last = now;
      if (out.length > ${FRAMES}) done(out.slice(1));
      else requestAnimationFrame(step);
    });
  })`)) as number[];
  const cpuPerFrame = (browserCpuMs(profile) - cpu0) / (intervals.length + 1);
  const q = quantiles(intervals);
  console.log(
    `  idle page, nothing drawn (the machine's baseline): ${(1000 / q.mean).toFixed(1)} fps; ` +
      `frame interval median ${q.p50.toFixed(1)} ms, p95 ${q.p95.toFixed(1)} ms; CPU ${cpuPerFrame.toFixed(1)} ms a frame (load ${load()})`,
  );
}

/** True when the replay keeps the anchor frame rate at every measured moment. */
export async function run(): Promise<boolean> {
  let met = true;
  const results = mkdtempSync(join(tmpdir(), 'bulwark-bench-'));
  const scenarios = mkdtempSync(join(tmpdir(), 'bulwark-bench-scenarios-'));
  copyFileSync(join(ROOT, 'scenarios', 'record-night.yaml'), join(scenarios, 'record-night.yaml'));
  writeFileSync(
    join(scenarios, 'record-night-ideal.yaml'),
    recordNightIdeal(readFileSync(join(ROOT, 'scenarios', 'record-night.yaml'), 'utf8')),
  );
  const server = await buildServer({
    scenariosDir: scenarios,
    resultsDir: results,
    consoleDir: join(ROOT, 'dist', 'console'),
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const browser = await launchChromium();
  profile = browser.profile;
  try {
    const page = await browser.context.newPage();
    // Frame intervals include Chromium's software compositing and whatever else the cores are doing.
    console.log(`console replay at 1280×800, 60× speed: ${cpus().length} cores, load average ${load()}`);
    await openRun(page, `${origin}/?scenario=record-night-ideal.yaml&where=server&speed=60`);
    console.log(
      'record night, perfect sensing (the threats are the picture), the default view (all five defended regions):',
    );
    await measureIdle(page);
    met = (await measure(page, 'build-up (23:30)', 5400)) && met;
    met = (await measure(page, 'peak (01:00)', 10800)) && met;

    await openRun(page, `${origin}/?scenario=record-night.yaml&where=server&speed=60&layers=coverage`);
    const sensors = await page.evaluate(
      () => (window as unknown as { bulwark: Bulwark }).bulwark.state().coverage,
    );
    console.log(
      `record night as shipped, seen by ${sensors.radars} radars, ${sensors.acousticNodes.toLocaleString('en')} ` +
        `acoustic nodes and ${sensors.observerPosts} observer posts (GNN tracks), coverage on:`,
    );
    await measureIdle(page);
    met = (await measure(page, 'peak (01:00), default view', 10800)) && met;
    // Closer in, where track ellipses show: the city and the moment with the most of them.
    const busiest = await page.evaluate(() => {
      const b = (window as unknown as { bulwark: Bulwark }).bulwark;
      const cities: [string, number, number][] = [
        ['Kyiv', 50.45, 30.6],
        ['Kharkiv', 49.99, 36.23],
        ['Dnipro', 48.46, 35.05],
        ['Odesa', 46.48, 30.73],
        ['Lviv', 49.7, 24.5],
      ];
      let best = { city: cities[0], t: 0, score: -1 };
      for (const city of cities) {
        b.view(city[1], city[2], 10);
        for (let t = 1800; t < b.state().endS; t += 900) {
          b.setTime(t);
          const d = b.state().drawn;
          const score = d.ellipses * 1000 + d.tracks;
          if (score > best.score) best = { city, t, score };
        }
      }
      b.view(best.city[1], best.city[2], 10);
      return { name: best.city[0], t: best.t };
    });
    met = (await measure(page, `${busiest.name} at zoom 10 (${clock(busiest.t)})`, busiest.t)) && met;
  } finally {
    await browser.close();
    await server.close();
    rmSync(results, { recursive: true, force: true });
    rmSync(scenarios, { recursive: true, force: true });
  }
  return met;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = (await run()) ? 0 : 1;
