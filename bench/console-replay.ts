// Replay of the record night (scenarios/record-night.yaml, ~820 threats plus interceptors) in the
// real console in headless Chromium: frame times measured in the page while it plays through the
// busiest hours. Then the same night seen by radars, ~3,200 acoustic nodes and observer posts with
// the GNN tracker, replayed with every new layer on: the track picture with its error ellipses,
// the sensor coverage, jets and fire groups moving. Anchor: 30 frames per second.
//
//   npm run build && node --import tsx bench/console-replay.ts

import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { buildServer } from '../src/server/app.js';
import { launchChromium } from '../test/e2e/browser.js';
import { recordNightSensed } from './console-replay-scenario.js';

const ROOT = resolve(import.meta.dirname, '..');
const ANCHOR_FPS = 30;
const FRAMES = 300;

interface Bulwark {
  state(): {
    runs: number;
    t: number;
    endS: number;
    drawn: Record<string, number>;
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
      `drawing median ${work.p50.toFixed(2)} ms, p95 ${work.p95.toFixed(2)} ms (load ${load()})`,
  );
  return fps >= ANCHOR_FPS;
}

/**
 * The same page paused, counting animation frames that draw nothing: what the machine's load and
 * Chromium's own compositing leave of 60 fps, measured side by side with the replay.
 */
async function measureIdle(page: Page): Promise<void> {
  const intervals = await page.evaluate(
    (n) =>
      new Promise<number[]>((done) => {
        const out: number[] = [];
        let last = performance.now();
        const step = (now: number) => {
          out.push(now - last);
          last = now;
          if (out.length > n) done(out.slice(1));
          else requestAnimationFrame(step);
        };
        requestAnimationFrame(step);
      }),
    FRAMES,
  );
  const q = quantiles(intervals);
  console.log(
    `  idle page, nothing drawn (the machine's baseline): ${(1000 / q.mean).toFixed(1)} fps; ` +
      `frame interval median ${q.p50.toFixed(1)} ms, p95 ${q.p95.toFixed(1)} ms (load ${load()})`,
  );
}

/** True when the replay keeps the anchor frame rate at every measured moment. */
export async function run(): Promise<boolean> {
  let met = true;
  const results = mkdtempSync(join(tmpdir(), 'bulwark-bench-'));
  const scenarios = mkdtempSync(join(tmpdir(), 'bulwark-bench-scenarios-'));
  copyFileSync(join(ROOT, 'scenarios', 'record-night.yaml'), join(scenarios, 'record-night.yaml'));
  writeFileSync(
    join(scenarios, 'record-night-sensed.yaml'),
    recordNightSensed(readFileSync(join(ROOT, 'scenarios', 'record-night.yaml'), 'utf8')),
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
  try {
    const page = await browser.context.newPage();
    // Frame intervals include Chromium's software compositing and whatever else the cores are doing.
    console.log(`console replay at 1280×800, 60× speed: ${cpus().length} cores, load average ${load()}`);
    await openRun(page, `${origin}/?scenario=record-night.yaml&where=server&speed=60`);
    console.log('record night, perfect sensing (the threats are the picture), whole front in view:');
    await measureIdle(page);
    met = (await measure(page, 'build-up (23:30)', 5400)) && met;
    met = (await measure(page, 'peak (01:00)', 10800)) && met;

    await openRun(page, `${origin}/?scenario=record-night-sensed.yaml&where=server&speed=60&layers=coverage`);
    console.log(
      'record night seen by 10 radars, ~3,200 microphones and observers (GNN tracks), coverage on:',
    );
    await measureIdle(page);
    met = (await measure(page, 'peak (01:00), whole front', 10800)) && met;
    await page.evaluate(() => {
      (window as unknown as { bulwark: Bulwark }).bulwark.view(50.45, 30.6, 11);
    });
    met = (await measure(page, 'peak (01:00), Kyiv at zoom 11', 10800)) && met;
  } finally {
    await browser.close();
    await server.close();
    rmSync(results, { recursive: true, force: true });
    rmSync(scenarios, { recursive: true, force: true });
  }
  return met;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = (await run()) ? 0 : 1;
