/// <reference lib="dom" />
// Campaigns and catalog figures in the real console, in Debian's Chromium: the shipped campaign run
// on the server from the campaign view, its charts drawn; the unverified figures of the default night.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSER_WAIT_MS, launchChromium } from './browser.js';
import { ROOT, serveConsole } from './console-server.js';

const ARTIFACTS = join(ROOT, 'test-artifacts');

let server: FastifyInstance;
let origin = '';
let browser: { context: BrowserContext; close: () => Promise<void> };
const results = mkdtempSync(join(tmpdir(), 'bulwark-e2e-campaign-'));

async function openConsole(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/`);
  await page.waitForFunction(
    () => (window as unknown as { bulwark?: { state(): { ready: boolean } } }).bulwark?.state().ready,
  );
  return { page, errors };
}

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  ({ server, origin } = await serveConsole({ scenariosDir: join(ROOT, 'scenarios'), resultsDir: results }));
  browser = await launchChromium();
}, 2 * BROWSER_WAIT_MS);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(results, { recursive: true, force: true });
});

describe('campaign view', () => {
  it('runs the shipped campaign on the server and draws its trajectory with bands', async () => {
    const { page, errors } = await openConsole();
    await page.locator('body').press('c');
    await page.waitForSelector('#campaign-list option[value="kyiv-winter.yaml"]', { state: 'attached' });
    expect(await page.inputValue('#campaign-list')).toBe('kyiv-winter.yaml');
    // A small surrogate fit keeps the test quick; the evaluation is the file's (the surrogate).
    await page.fill('#campaign-runs', '5');
    await page.fill('#campaign-fit', '8');
    await page.fill('#campaign-held-out', '4');
    await page.click('#campaign-run');
    expect(await page.isVisible('#campaign-progress')).toBe(true);
    await page.waitForSelector('#campaign-body svg.chart', { timeout: BROWSER_WAIT_MS });
    expect(await page.isVisible('#campaign-progress')).toBe(false);

    const charts = page.locator('#campaign-body svg.chart');
    const kinds = await charts.evaluateAll((svgs) => svgs.map((s) => (s as SVGElement).dataset.chart));
    expect(kinds).toEqual(
      expect.arrayContaining([
        'damage',
        'outage',
        'leak',
        'stocks',
        'crews',
        'attacker',
        'spend',
        'exchange',
      ]),
    );
    // Every chart has its marks: a median line with points for the days and a band around it.
    for (let i = 0; i < kinds.length; i++) {
      const d = await charts.nth(i).locator('path.line').first().getAttribute('d');
      expect((d!.match(/L/g) ?? []).length).toBeGreaterThan(100);
      expect(await charts.nth(i).locator('path.band').count()).toBeGreaterThan(0);
    }
    // Legends sit clear of the titles, of each other, and inside the chart.
    const overlaps = await charts.evaluateAll((svgs) =>
      svgs.flatMap((svg) => {
        const boxes = [...svg.querySelectorAll('text.chart-title, text.legend')].map((t) => ({
          text: t.textContent,
          box: (t as SVGTextElement).getBBox(),
        }));
        const out: string[] = [];
        const view = (svg as SVGSVGElement).viewBox.baseVal;
        boxes.forEach((a, i) => {
          if (a.box.x < 0 || a.box.x + a.box.width > view.width + 0.5) out.push(`${a.text} outside`);
          for (const b of boxes.slice(i + 1)) {
            const apart =
              a.box.x + a.box.width <= b.box.x ||
              b.box.x + b.box.width <= a.box.x ||
              a.box.y + a.box.height <= b.box.y ||
              b.box.y + b.box.height <= a.box.y;
            if (!apart) out.push(`${a.text} / ${b.text}`);
          }
        });
        return out;
      }),
    );
    expect(overlaps).toEqual([]);
    // A surrogate that explains held-out nights poorly says so, naming each figure with its R².
    const trajectory = (await page.evaluate(
      async (id) => {
        const r = await fetch(`api/campaign-runs/${id}/trajectory`);
        return r.json();
      },
      await page.inputValue('#campaign-previous'),
    )) as {
      evaluation: { surrogate?: { heldOut?: { errors: { name: string; r2: number | null }[] } } };
    };
    const poor = (trajectory.evaluation.surrogate?.heldOut?.errors ?? []).filter(
      (x) => !x.name.startsWith('damage:') && x.r2 !== null && x.r2 < 0.5,
    );
    const warning = page.locator('#campaign-body .poor-fit');
    if (poor.length === 0) expect(await warning.count()).toBe(0);
    else {
      const text = (await warning.textContent())!;
      for (const x of poor) expect(text).toContain(`${x.name} (R²`);
      expect(await page.locator('#campaign-body td.bad').count()).toBe(poor.length);
    }
    // Spend draws both sides.
    expect(await page.locator('svg[data-chart="spend"] path.line').count()).toBe(2);
    const body = (await page.textContent('#campaign-body'))!;
    expect(body).toMatch(/Evaluation: surrogate — fitted to 8 simulated nights/);
    expect(body).toMatch(/on 4 held-out nights/);
    expect(body).toMatch(
      /Assumption, not a fact: attacker production × \(1 − revenue pressure\)\^0\.5 \(funding elasticity 0\.5\)/,
    );
    expect(await page.textContent('#campaign-status')).toMatch(/5 runs of 360 days, surrogate/);

    // The charts read out under the keyboard.
    const leak = page.locator('svg[data-chart="leak"]');
    await leak.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    expect(await leak.getAttribute('data-cursor')).toBe('10');
    expect(await leak.locator('.readout').textContent()).toMatch(/day 10.*leak rate: \d+(\.\d)?%/);
    await page.keyboard.press('End');
    expect(await leak.getAttribute('data-cursor')).toBe('359');
    await page.screenshot({ path: join(ARTIFACTS, 'console-campaign.png') });
    await page.keyboard.press('Escape');
    expect(await page.locator('#campaigns').getAttribute('open')).toBeNull();
    const job = await page.inputValue('#campaign-previous');
    expect(job).toMatch(/^campaign-[0-9a-f]{12}$/);
    expect(errors).toEqual([]);
    await page.close();

    // The finished run is kept on the server: a new console lists it under the campaign and draws it.
    const again = await openConsole();
    await again.page.locator('body').press('c');
    await again.page.waitForSelector(`#campaign-previous option[value="${job}"]`, { state: 'attached' });
    // Listed by when it finished, with the options it was run with.
    expect(await again.page.textContent(`#campaign-previous option[value="${job}"]`)).toMatch(
      /\d.* · 5 runs$/,
    );
    await again.page.selectOption('#campaign-previous', job);
    await again.page.waitForSelector('#campaign-body svg.chart[data-chart="leak"]');
    expect(await again.page.textContent('#campaign-status')).toMatch(
      new RegExp(`finished run ${job}: 5 runs, surrogate`),
    );
    expect(again.errors).toEqual([]);
    await again.page.close();
  }, 240_000);
});

describe('catalog figures panel', () => {
  it('lists the unverified catalog figures of the default night, with sources and overrides', async () => {
    const { page, errors } = await openConsole();
    await page.click('#run');
    await page.waitForFunction(
      () => (window as unknown as { bulwark: { state(): { runs: number } } }).bulwark.state().runs > 0,
      null,
      { timeout: BROWSER_WAIT_MS },
    );
    await page.click('#figures-panel summary');
    expect(await page.textContent('#figures-count')).toMatch(/\d+ unverified of \d+ in use/);
    const speed = page.locator('#figures li[data-figure="sting-interceptor.speed"]');
    expect(await speed.getAttribute('class')).toContain('unverified');
    expect(await speed.textContent()).toMatch(/km\/h.*unverified.*source: .+used by north-interceptors/);
    const crews = page.locator('#figures li[data-figure="sting-interceptor.crews"]');
    expect(await crews.textContent()).toMatch(
      /overridden by the scenario: north-interceptors \(3\), east-interceptors \(3\)/,
    );
    // Only unverified figures until asked for all of them.
    expect(await page.locator('#figures li.verified').count()).toBe(0);
    await page.selectOption('#figures-filter', 'all');
    expect(await page.locator('#figures li.verified').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'console-figures.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
