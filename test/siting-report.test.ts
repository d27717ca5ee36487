/// <reference lib="dom" />
// The siting report in a real browser: headless Debian Chromium opens the file with the network cut
// off; the map of both layouts, the comparison and the search trace must render marks, no errors.

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSiting, planSiting, searchSiting } from '../src/analysis/siting/site.js';
import { loadHighsSolver } from '../src/io/highs-solver.js';
import { renderSitingHtml, sitingReport } from '../src/io/siting-report.js';
import { parseScenarioOrThrow } from '../src/scenario/index.js';
import { openOfflineReport } from './e2e/browser.js';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'siting-line.yaml');
let dir: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bulwark-siting-report-'));
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('siting report', () => {
  it('draws both layouts on the map, the comparison and the trace, offline and without errors', async () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const scenario = parseScenarioOrThrow(text, FIXTURE);
    const plan = planSiting(scenario, ['defenders.gun'], 'value-lost', undefined, await loadHighsSolver());
    const search = searchSiting(plan, { seed: 1, runsPerLayout: 1, budgetRuns: 3 });
    const sited = parseScenarioOrThrow(text.replace('base: north-off', 'base: on-axis'), FIXTURE);
    const check = checkSiting(plan, scenario, sited, { seed: 1, runs: 2, axisRuns: 0 });
    const report = sitingReport({
      plan,
      search,
      check,
      scenarioFile: 'siting-line.yaml',
      sitedFile: 'siting-line.sited.yaml',
      settings: {
        seed: 1,
        runsPerLayout: 1,
        budgetRuns: 3,
        checkRuns: 2,
        axisRuns: 0,
        trainWaves: plan.trainWaves,
      },
    });
    expect(report.map.axes.length).toBeGreaterThan(0);
    const file = join(dir, 'siting.html');
    writeFileSync(file, renderSitingHtml(report));

    const { context: page, tab, errors, offsite } = await openOfflineReport(browser, file, 60_000);
    const charts = await tab.evaluate(
      () =>
        (window as unknown as { bulwarkReport: { charts: { id: string; marks: number; error?: string }[] } })
          .bulwarkReport.charts,
    );
    const text2 = await tab.evaluate(() => document.body.innerText);
    await page.close();
    expect(errors).toEqual([]);
    expect(offsite).toEqual([]);
    expect(charts.map((c) => c.id).sort()).toEqual(['comparison', 'layout-map', 'search-trace']);
    for (const c of charts) {
      expect(c.error, c.id).toBeUndefined();
      expect(c.marks, c.id).toBeGreaterThan(0);
    }
    // Map: the asset, the candidate area's axis, the file's and the sited position and the label.
    expect(charts.find((c) => c.id === 'layout-map')!.marks).toBeGreaterThanOrEqual(5);
    expect(text2).toContain('defenders.gun');
    expect(text2).toContain('50.45, 30.6');
  }, 120_000);
});
