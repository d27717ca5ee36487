// Replay of the record night (scenarios/record-night.yaml, ~820 threats plus interceptors) in the
// real console in headless Chromium: frame times measured in the page while it plays through the
// busiest hours. Anchor: 30 frames per second.
//
//   npm run build && node --import tsx bench/console-replay.ts

import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildServer } from '../src/server/app.js';
import { launchChromium } from '../test/e2e/browser.js';

const ROOT = resolve(import.meta.dirname, '..');
const ANCHOR_FPS = 30;
const FRAMES = 300;

interface Bulwark {
  state(): {
    runs: number;
    t: number;
    endS: number;
    drawn: { threats: number; flights: number; kills: number };
  };
  setTime(t: number): void;
  play(on: boolean): void;
  measureFrames(n: number): Promise<{ intervals: number[]; work: number[] }>;
}

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return {
    mean,
    p50: sorted[Math.floor(sorted.length * 0.5)],
    p95: sorted[Math.floor(sorted.length * 0.95)],
  };
}

/** True when the replay keeps the anchor frame rate at every measured moment. */
export async function run(): Promise<boolean> {
  let met = true;
  const results = mkdtempSync(join(tmpdir(), 'bulwark-bench-'));
  const server = await buildServer({
    scenariosDir: join(ROOT, 'scenarios'),
    resultsDir: results,
    consoleDir: join(ROOT, 'dist', 'console'),
  });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    await page.goto(`http://127.0.0.1:${port}/?scenario=record-night.yaml&where=server&speed=60`);
    await page.waitForFunction(
      () => (window as unknown as { bulwark: Bulwark }).bulwark.state().runs > 0,
      null,
      {
        timeout: 120_000,
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
    // Frame intervals include Chromium's software compositing and whatever else the cores are doing.
    console.log(
      `console replay: ${cpus().length} cores, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    );
    for (const [label, startS] of [
      ['build-up (23:30)', 5400],
      ['peak (01:00)', 10800],
    ] as const) {
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
      const interval = summary(m.intervals);
      const work = summary(m.work);
      const fps = 1000 / interval.mean;
      if (fps < ANCHOR_FPS) met = false;
      console.log(
        `console replay, record night, ${label}: ${m.drawn.threats} threats + ${m.drawn.flights} interceptors drawn; ` +
          `${fps.toFixed(1)} fps (frame interval mean ${interval.mean.toFixed(1)} ms, p95 ${interval.p95.toFixed(1)} ms; ` +
          `drawing mean ${work.mean.toFixed(2)} ms, p95 ${work.p95.toFixed(2)} ms) = ${(fps / ANCHOR_FPS).toFixed(2)}× the ${ANCHOR_FPS} fps anchor`,
      );
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(results, { recursive: true, force: true });
  }
  return met;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = (await run()) ? 0 : 1;
